import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { prisma as sharedPrisma } from '@/lib/db';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/database.mjs';
import { migrateDatabase } from '@/scripts/lib/migrate.mjs';
import type { getDashboardStats as GetDashboardStats } from './get-dashboard-stats';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';

// The dashboard counts whole tables, and other test files write to the shared
// database in parallel, so this suite runs on a database of its own.
const TZ = 'America/New_York';
const at = (date: string, time: string) => zonedTimeToUtc({ date, time, timeZone: TZ });
// Wednesday of the week Monday 2026-03-09 to Sunday 2026-03-15 (daylight saving began on the 8th).
const NOW = at('2026-03-11', '12:00');

describe('getDashboardStats', () => {
  // Tests run as the app's role; creating a database needs the owner (tests/global-setup.ts).
  const adminUrl = withDatabase(process.env.MIGRATION_DATABASE_URL!, 'postgres');
  const name = `trialdesk_test_dashboard_${Date.now()}_${process.pid}`;
  let db: typeof sharedPrisma;
  let getDashboardStats: typeof GetDashboardStats;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await ensureDatabase(adminUrl, name);
    const url = withDatabase(process.env.DATABASE_URL!, name);
    await migrateDatabase({ ownerUrl: withDatabase(adminUrl, name), appUrl: url });
    // lib/db parks its client on globalThis; load fresh copies bound to the new database, then put the shared one back.
    const globals = globalThis as { prisma?: unknown };
    const shared = globals.prisma;
    const sharedUrl = process.env.DATABASE_URL;
    vi.resetModules();
    delete globals.prisma;
    process.env.DATABASE_URL = url;
    try {
      db = (await import('@/lib/db')).prisma;
      getDashboardStats = (await import('./get-dashboard-stats')).getDashboardStats;
    } finally {
      globals.prisma = shared;
      process.env.DATABASE_URL = sharedUrl;
      vi.resetModules();
    }

    const recruiting = await db.trial.create({
      data: {
        title: 'Ketamine for depression',
        shortTitle: 'KET-D',
        nctId: 'NCT00000001',
        overallStatus: 'RECRUITING',
      },
    });
    const emptyRecruiting = await db.trial.create({
      data: { title: 'Ketamine for pain', overallStatus: 'RECRUITING' },
    });
    const completed = await db.trial.create({ data: { title: 'Finished study', overallStatus: 'COMPLETED' } });
    Object.assign(ids, { recruiting: recruiting.id, emptyRecruiting: emptyRecruiting.id, completed: completed.id });

    const person = (n: number, referralDate: string, voided = false) =>
      db.candidate.create({
        data: {
          firstName: `First${n}`,
          lastName: `Last${n}`,
          dateOfBirth: new Date('1980-01-01'),
          sex: 'OTHER',
          mrn: `DASH-${n}`,
          referralSource: 'SELF',
          referralDate: new Date(`${referralDate}T00:00:00Z`),
          ...(voided ? { voidedAt: NOW, voidReason: 'Duplicate record' } : {}),
        },
      });
    const people = [];
    for (let n = 1; n <= 12; n += 1) people.push(await person(n, `2026-02-${String(n + 10).padStart(2, '0')}`));
    const voided = await person(99, '2026-03-10', true);
    ids.newest = people[11].id;
    ids.voided = voided.id;

    await db.pipelineEntry.create({ data: { candidateId: people[0].id, trialId: recruiting.id, stage: 'REFERRED' } });
    await db.pipelineEntry.create({ data: { candidateId: people[1].id, trialId: recruiting.id, stage: 'REFERRED' } });
    await db.pipelineEntry.create({ data: { candidateId: people[2].id, trialId: recruiting.id, stage: 'ELIGIBLE' } });
    await db.pipelineEntry.create({ data: { candidateId: people[2].id, trialId: completed.id, stage: 'COMPLETED' } });
    await db.pipelineEntry.create({ data: { candidateId: voided.id, trialId: recruiting.id, stage: 'REFERRED' } });

    const arm = await db.arm.create({ data: { trialId: recruiting.id, label: 'Ketamine', type: 'EXPERIMENTAL' } });
    const entry = await db.pipelineEntry.create({
      data: { candidateId: people[3].id, trialId: recruiting.id, stage: 'IN_TREATMENT' },
    });
    const enrollment = await db.enrollment.create({
      data: {
        candidateId: people[3].id,
        trialId: recruiting.id,
        subjectId: await assignSubjectId({ tx: db, trialId: recruiting.id }),
        pipelineEntryId: entry.id,
        armId: arm.id,
        enrolledAt: new Date('2026-03-01'),
      },
    });
    const visit = (
      scheduledAt: Date,
      status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' | 'MISSED',
      sessionNumber: number,
    ) =>
      db.visit.create({ data: { enrollmentId: enrollment.id, sessionNumber, scheduledAt, durationMin: 100, status } });
    await visit(at('2026-03-08', '23:59'), 'COMPLETED', 1); // Sunday before: not this week
    await visit(at('2026-03-09', '00:00'), 'COMPLETED', 2); // Monday 00:00: first instant of the week
    await visit(at('2026-03-11', '09:00'), 'MISSED', 3);
    await visit(at('2026-03-12', '09:00'), 'CANCELLED', 4); // cancelled: not counted
    await visit(at('2026-03-15', '23:59'), 'SCHEDULED', 5); // Sunday night: still this week
    await visit(at('2026-03-16', '00:00'), 'SCHEDULED', 6); // next Monday: not this week
  }, 120_000);

  afterAll(async () => {
    await db?.$disconnect();
    await dropDatabase(adminUrl, name);
  });

  it('counts trials by status and picks out the recruiting ones', async () => {
    const { trials } = await getDashboardStats({ timeZone: TZ, includeReferrals: false, now: NOW });
    expect(trials).toEqual({
      total: 3,
      recruiting: 2,
      byStatus: [
        { status: 'RECRUITING', count: 2 },
        { status: 'COMPLETED', count: 1 },
      ],
    });
  });

  it('counts pipeline stages across trials and per trial, leaving voided candidates out', async () => {
    const { pipeline } = await getDashboardStats({ timeZone: TZ, includeReferrals: false, now: NOW });
    expect(pipeline.total).toBe(5);
    expect(pipeline.totals).toMatchObject({ REFERRED: 2, ELIGIBLE: 1, IN_TREATMENT: 1, COMPLETED: 1, CONTACTED: 0 });
    const byId = new Map(pipeline.byTrial.map((t) => [t.trialId, t]));
    expect(byId.get(ids.recruiting)).toMatchObject({
      title: 'KET-D',
      nctId: 'NCT00000001',
      total: 4,
      counts: { REFERRED: 2, ELIGIBLE: 1, IN_TREATMENT: 1 },
    });
    expect(byId.get(ids.completed)).toMatchObject({ total: 1, counts: { COMPLETED: 1 } });
    // A recruiting trial without candidates is still listed.
    expect(byId.get(ids.emptyRecruiting)).toMatchObject({ total: 0 });
    expect(pipeline.byTrial[0].trialId).toBe(ids.recruiting);
  });

  it("counts this ISO week's visits in clinic time, Monday 00:00 to Sunday 23:59, without cancelled ones", async () => {
    const { visitsThisWeek } = await getDashboardStats({ timeZone: TZ, includeReferrals: false, now: NOW });
    expect(visitsThisWeek.weekStart).toBe('2026-03-09');
    expect(visitsThisWeek.weekEnd).toBe('2026-03-15');
    expect(visitsThisWeek.total).toBe(3);
    expect(visitsThisWeek.byStatus).toEqual([
      { status: 'SCHEDULED', count: 1 },
      { status: 'CHECKED_IN', count: 0 },
      { status: 'COMPLETED', count: 1 },
      { status: 'MISSED', count: 1 },
    ]);
  });

  it('uses the clinic week even when UTC is already in the next one', async () => {
    // Sunday 21:00 in New York is Monday 01:00 UTC.
    const { visitsThisWeek } = await getDashboardStats({
      timeZone: TZ,
      includeReferrals: false,
      now: at('2026-03-15', '21:00'),
    });
    expect(visitsThisWeek.weekStart).toBe('2026-03-09');
  });

  it('lists the 10 most recent referrals, newest first, without voided candidates', async () => {
    const { recentReferrals } = await getDashboardStats({ timeZone: TZ, includeReferrals: true, now: NOW });
    expect(recentReferrals).toHaveLength(10);
    expect(recentReferrals![0]).toMatchObject({ id: ids.newest, referralDate: '2026-02-22', firstName: 'First12' });
    expect(recentReferrals!.map((r) => r.id)).not.toContain(ids.voided);
    const dates = recentReferrals!.map((r) => r.referralDate);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('leaves referrals out for a viewer who may not read candidates', async () => {
    const { recentReferrals } = await getDashboardStats({ timeZone: TZ, includeReferrals: false, now: NOW });
    expect(recentReferrals).toBeNull();
  });
});
