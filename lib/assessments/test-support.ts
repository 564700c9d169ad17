import type { ActorContext } from '@/lib/auth/actor-context';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Role } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db';
import type { Masking } from '@/lib/generated/prisma/client';
import { addToPipeline, createCandidate } from '@/prisma/seed/candidates';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';

// Fixtures for the outcome integration tests: a trial with arms and an assessment
// plan, and enrolled participants with sessions. Every name is unique per call so
// test files running side by side on one database never collide.

export function outcomeContext(
  user: { id: string; name: string; role: Role },
  requestId = 'req-outcomes',
): ActorContext {
  return {
    user,
    audit: (tx, event) => recordAuditEvent(tx, { ...event, actorId: user.id, requestId, ipAddress: '127.0.0.1' }),
  };
}

/** PHQ-9 answers summing to `total` (≤ 24), with item 9 (self-harm) at `item9`. */
export function phq9Items(total: number, item9 = 0): number[] {
  const items = Array.from({ length: 9 }, () => 0);
  let left = total - item9;
  for (let index = 0; index < 8 && left > 0; index += 1) {
    items[index] = Math.min(3, left);
    left -= items[index];
  }
  if (left > 0) throw new RangeError(`phq9Items: cannot spread ${total} over items 1–8`);
  items[8] = item9;
  return items;
}

export const DAY_MS = 86_400_000;

export async function makeOutcomeTrial(
  db: Db,
  options: {
    masking?: Masking | null;
    arms?: string[];
    targetEnrollment?: number;
    plan?: Array<{ instrument: string; timepoint: string; windowBeforeDays?: number; windowAfterDays?: number }>;
  } = {},
) {
  const token = randomUUID().replace(/-/g, '').slice(0, 10);
  const arms = options.arms ?? ['Ketamine 0.5 mg/kg', 'Midazolam 0.045 mg/kg'];
  const plan = options.plan ?? [
    { instrument: 'PHQ9', timepoint: 'BASELINE', windowBeforeDays: 7 },
    { instrument: 'PHQ9', timepoint: 'AFTER_SESSION_1', windowAfterDays: 1 },
    { instrument: 'PHQ9', timepoint: 'DAYS_AFTER_LAST_7', windowBeforeDays: 1, windowAfterDays: 2 },
    { instrument: 'BPI_SF', timepoint: 'BASELINE' },
    { instrument: 'BPI_SF', timepoint: 'AFTER_SESSION_1' },
  ];
  return db.trial.create({
    data: {
      title: `Fictional outcome study ${token}`,
      acronym: `OUT-${token.slice(0, 6).toUpperCase()}`,
      studyType: 'INTERVENTIONAL',
      allocation: 'RANDOMIZED',
      masking: options.masking ?? null,
      targetEnrollment: options.targetEnrollment ?? null,
      arms: {
        create: arms.map((label, position) => ({
          label,
          type: position === 0 ? 'EXPERIMENTAL' : 'ACTIVE_COMPARATOR',
          position,
        })),
      },
      protocolVersions: {
        create: {
          number: 1,
          assessmentPlan: {
            create: plan.map((item) => ({
              instrument: item.instrument,
              timepoint: item.timepoint,
              windowBeforeDays: item.windowBeforeDays ?? 0,
              windowAfterDays: item.windowAfterDays ?? 0,
            })),
          },
        },
      },
    },
    include: { arms: { orderBy: { position: 'asc' } } },
  });
}

/** An enrolled participant in `armId` with sessions at the given offsets (days from now; past = completed). */
export async function enrollParticipant(
  db: Db,
  options: { trialId: string; armId: string; enrolledDaysAgo?: number; sessionDays?: number[]; now?: Date },
) {
  const now = options.now ?? new Date();
  const candidate = await createCandidate(db);
  const entry = await addToPipeline(db, {
    candidateId: candidate.id,
    trialId: options.trialId,
    path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE', 'CONSENTED', 'ENROLLED'],
    actorId: null,
    startedAt: new Date(now.getTime() - 40 * DAY_MS),
  });
  const enrolledAt = new Date(now.getTime() - (options.enrolledDaysAgo ?? 14) * DAY_MS);
  const enrollment = await db.enrollment.create({
    data: {
      candidateId: candidate.id,
      trialId: options.trialId,
      subjectId: await assignSubjectId({ tx: db, trialId: options.trialId }),
      pipelineEntryId: entry.id,
      armId: options.armId,
      enrolledAt: new Date(`${enrolledAt.toISOString().slice(0, 10)}T00:00:00Z`),
    },
  });
  for (const [index, days] of (options.sessionDays ?? []).entries()) {
    const scheduledAt = new Date(now.getTime() + days * DAY_MS);
    const isPast = days < 0;
    await db.visit.create({
      data: {
        enrollmentId: enrollment.id,
        sessionNumber: index + 1,
        scheduledAt,
        originalScheduledAt: scheduledAt,
        durationMin: 100,
        endsAt: new Date(scheduledAt.getTime() + 100 * 60_000),
        status: isPast ? 'COMPLETED' : 'SCHEDULED',
        ...(isPast ? { checkedInAt: scheduledAt, completedAt: new Date(scheduledAt.getTime() + 100 * 60_000) } : {}),
      },
    });
  }
  return { candidate, enrollment };
}
