import { describe, expect, it } from 'vitest';
import { getTrialOutcomes } from '@/lib/results/get-trial-outcomes';
import { seedDemo } from '@/prisma/seed/demo';
import { DEMO_ACCOUNTS } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

const prisma = getTestPrisma();

describe('demo seed', () => {
  it('loads the seed trials, 40 candidates and one account per role, and is idempotent', async () => {
    await seedDemo(prisma);
    const counts = async () => ({
      // Other test files make trials with the same factory; count the demo ones by identity.
      trials: await prisma.trial.count({
        where: {
          OR: [
            { nctId: { in: ['NCT06419439', 'NCT06668571'] } },
            { protocolNumber: { in: ['MAYO-KETNEU', 'KAP-PILOT'] }, nctId: null },
          ],
        },
      }),
      candidates: await prisma.candidate.count({
        where: { mrn: { startsWith: 'DEMO-' }, NOT: { mrn: { startsWith: 'DEMO-KAP-' } } },
      }),
      kapParticipants: await prisma.candidate.count({ where: { mrn: { startsWith: 'DEMO-KAP-' } } }),
      demoUsers: await prisma.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } }),
    });
    const first = await counts();
    expect(first).toEqual({ trials: 4, candidates: 40, kapParticipants: 10, demoUsers: 4 });
    await seedDemo(prisma);
    expect(await counts()).toEqual(first);

    const roles = await prisma.user.findMany({
      where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
      select: { role: true },
    });
    expect(roles.map((r) => r.role).sort()).toEqual(['ADMIN', 'CLINICIAN', 'CLINICIAN', 'COORDINATOR']);
    // Only the pharmacist sees the masked demo trial's arms.
    const masked = await prisma.trial.findUniqueOrThrow({
      where: { nctId: 'NCT06668571' },
      include: { unblindedStaff: { include: { user: { select: { email: true } } } } },
    });
    expect(masked.unblindedStaff.map((row) => row.user.email)).toEqual(['pharmacist@trialdesk.test']);

    const stages = await prisma.pipelineEntry.groupBy({
      by: ['stage'],
      where: { candidate: { mrn: { startsWith: 'DEMO-' } } },
      _count: true,
    });
    expect(stages.length).toBeGreaterThanOrEqual(10);

    const trial = await prisma.trial.findUniqueOrThrow({
      where: { nctId: 'NCT06668571' },
      include: { arms: true, protocolVersions: { include: { criteria: true, dosing: true } } },
    });
    expect(trial.arms.length).toBeGreaterThan(0);
    const version = trial.protocolVersions[0];
    expect(version.criteria.some((c) => c.kind === 'INCLUSION')).toBe(true);
    expect(version.criteria.some((c) => c.kind === 'EXCLUSION')).toBe(true);
    expect(version.criteria.filter((c) => c.rule !== null).length).toBeGreaterThanOrEqual(4);
    expect(version.dosing.every((d) => d.protocol !== null)).toBe(true);

    const enrolled = await prisma.enrollment.findMany({
      where: { candidate: { mrn: { startsWith: 'DEMO-' }, NOT: { mrn: { startsWith: 'DEMO-KAP-' } } } },
      include: { trial: true, visits: true },
    });
    expect(new Set(enrolled.map((e) => e.trial.nctId))).toEqual(new Set(['NCT06419439', 'NCT06668571']));
    expect(enrolled.every((e) => e.visits.length > 0)).toBe(true);

    // Participants with infusions behind them have scored questionnaires, recorded once.
    const assessments = await prisma.assessment.findMany({
      where: { enrollment: { trial: { nctId: 'NCT06419439' } } },
    });
    expect(assessments.length).toBeGreaterThan(0);
    expect(assessments.every((a) => a.isComplete && a.total !== null)).toBe(true);
    expect(await prisma.assessment.count({ where: { enrollment: { trial: { nctId: 'NCT06668571' } } } })).toBe(0);

    const audited = await prisma.auditEvent.count({ where: { action: 'candidate.create', actorLabel: 'seed' } });
    expect(audited).toBeGreaterThanOrEqual(40);
  }, 120_000);

  it('[ADMIN] sees the KAP pilot’s kind of table: group means after sessions 1, 3 and 6 and their % change', async () => {
    await seedDemo(prisma);
    const trial = await prisma.trial.findFirstOrThrow({ where: { protocolNumber: 'KAP-PILOT', nctId: null } });
    const enrollments = await prisma.enrollment.findMany({
      where: { trialId: trial.id },
      include: { arm: true, assessments: true, candidate: true },
    });
    expect(enrollments).toHaveLength(10);
    expect(enrollments.every((e) => e.candidate.lastName === 'Pilotfiction')).toBe(true);
    expect(new Set(enrollments.map((e) => e.arm.label)).size).toBe(2);
    expect(enrollments.every((e) => e.assessments.length === 12)).toBe(true);
    // Synthetic participants without suicidal thoughts raise no safety alerts.
    expect(await prisma.safetyAlert.count({ where: { enrollment: { trialId: trial.id } } })).toBe(0);

    const admin = await prisma.user.findUniqueOrThrow({ where: { email: 'admin@trialdesk.test' } });
    const ctx = { user: { id: admin.id, role: admin.role }, audit: async () => {} };
    const change = async (from: string, to: string) => {
      const report = await getTrialOutcomes({ trialId: trial.id, ctx, range: { from, to } });
      const bpi = report.instruments.find((item) => item.instrument === 'BPI_SF')!;
      return Object.fromEntries(bpi.change!.groups.map((group) => [group.group, group.percentChangeOfMeans!]));
    };
    const early = await change('AFTER_SESSION_1', 'AFTER_SESSION_3');
    const late = await change('AFTER_SESSION_3', 'AFTER_SESSION_6');
    const im = 'Psychedelic group (intramuscular)';
    const oral = 'Psycholytic group (oral lozenge)';
    // Intramuscular: pain severity falls throughout; oral: falls, then rises again (the article's shape).
    expect(early[im]).toBeLessThan(0);
    expect(late[im]).toBeLessThan(0);
    expect(early[oral]).toBeLessThan(0);
    expect(late[oral]).toBeGreaterThan(0);
  }, 120_000);
});
