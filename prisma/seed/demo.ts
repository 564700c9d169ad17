import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { isMaskedTrial } from '@/lib/blinding/policy';
import type { Db } from '@/lib/db';
import type { PipelineStage } from '@/lib/generated/prisma/client';
import { dosingProtocolSchema } from '@/lib/validations/dosing';
import { addToPipeline, buildCandidate, daysAgo } from './candidates';
import { seedKapPilot } from './kap-pilot';
import { seedDemoDrugLots } from './drug-inventory';
import { seedOutcomes } from './outcomes';
import { SEED_TRIALS } from './data/seed-trials';
import { seedTrials } from './trials';
import { seedDemoUsers } from './users';
import { createVisitSeries, seedChairs, seedClosures } from './visits';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';

const MAIN_PATH: PipelineStage[] = [
  'REFERRED',
  'CONTACTED',
  'PRESCREENING',
  'AWAITING_REVIEW',
  'ELIGIBLE',
  'CONSENTED',
  'ENROLLED',
  'IN_TREATMENT',
  'COMPLETED',
];

function pathTo(stage: PipelineStage): PipelineStage[] {
  if (stage === 'INELIGIBLE') return [...MAIN_PATH.slice(0, 4), 'INELIGIBLE'];
  if (stage === 'WITHDRAWN') return [...MAIN_PATH.slice(0, 6), 'WITHDRAWN'];
  if (stage === 'SCREEN_FAILED') return [...MAIN_PATH.slice(0, 3), 'SCREEN_FAILED'];
  if (stage === 'LOST_TO_FOLLOW_UP') return [...MAIN_PATH.slice(0, 2), 'LOST_TO_FOLLOW_UP'];
  return MAIN_PATH.slice(0, MAIN_PATH.indexOf(stage) + 1);
}

// 40 candidates in every stage of the pipeline; enrolled ones get visits.
const STAGE_PLAN: Array<[PipelineStage, number]> = [
  ['REFERRED', 6],
  ['CONTACTED', 5],
  ['PRESCREENING', 5],
  ['AWAITING_REVIEW', 5],
  ['ELIGIBLE', 3],
  ['INELIGIBLE', 2],
  ['CONSENTED', 2],
  ['ENROLLED', 3],
  ['IN_TREATMENT', 4],
  ['COMPLETED', 2],
  ['WITHDRAWN', 1],
  ['SCREEN_FAILED', 1],
  ['LOST_TO_FOLLOW_UP', 1],
];
const ENROLLED_STAGES = new Set<PipelineStage>(['ENROLLED', 'IN_TREATMENT', 'COMPLETED']);
const EXIT_REASONS: Partial<Record<PipelineStage, string>> = {
  WITHDRAWN: 'Moved out of state before the first infusion',
  SCREEN_FAILED: 'Could not arrange an adult driver for infusion days',
  LOST_TO_FOLLOW_UP: 'No answer to three calls and two emails',
};

/** The masked demo trial's unblinded preparer (the only demo account that sees its arms). */
async function nameUnblindedStaff(
  db: Db,
  options: {
    trials: Array<{ id: string; nctId: string | null; masking: string | null }>;
    userId: string;
    addedById: string;
  },
) {
  for (const trial of options.trials) {
    if (!isMaskedTrial(trial.masking)) continue;
    const existing = await db.unblindedStaff.findUnique({
      where: { trialId_userId: { trialId: trial.id, userId: options.userId } },
    });
    if (existing) continue;
    await db.$transaction(async (tx) => {
      await tx.unblindedStaff.create({
        data: { trialId: trial.id, userId: options.userId, addedById: options.addedById },
      });
      await recordAuditEvent(tx, {
        actorId: null,
        actorLabel: 'seed',
        action: 'trial.unblinded_staff_set',
        entityType: 'Trial',
        entityId: trial.id,
        after: { userIds: [options.userId] },
      });
    });
  }
}

export async function seedDemo(db: Db, today = new Date()) {
  const [admin, coordinator, clinician, pharmacist] = await seedDemoUsers(db);
  const allTrials = await seedTrials(db, SEED_TRIALS);
  // The 40 demo candidates are spread over the registry trials; the KAP pilot has its own ten participants.
  const trials = allTrials.filter((trial) => trial.protocolNumber !== 'KAP-PILOT');
  await nameUnblindedStaff(db, { trials, userId: pharmacist.id, addedById: admin.id });
  const chairs = await seedChairs(db);
  await seedClosures(db);
  const interventional = trials.filter((t) => t.nctId === 'NCT06419439' || t.nctId === 'NCT06668571');
  const stages = STAGE_PLAN.flatMap(([stage, n]) => Array.from({ length: n }, () => stage));

  let created = 0;
  for (const [i, stage] of stages.entries()) {
    const data = buildCandidate(i, today);
    if (await db.candidate.findUnique({ where: { mrn: data.mrn } })) continue;
    const isEnrolled = ENROLLED_STAGES.has(stage);
    const trial = isEnrolled ? interventional[i % interventional.length] : trials[i % trials.length];
    const actorId = stage === 'INELIGIBLE' || stage === 'ELIGIBLE' ? clinician.id : coordinator.id;
    const referredDaysAgo = isEnrolled ? 30 + (i % 10) : (i * 3) % 45;

    const candidate = await db.$transaction(async (tx) => {
      const row = await tx.candidate.create({
        data: { ...data, referralDate: daysAgo(referredDaysAgo, today), assignedCoordinatorId: coordinator.id },
      });
      await recordAuditEvent(tx, {
        actorId: null,
        actorLabel: 'seed',
        action: 'candidate.create',
        entityType: 'Candidate',
        entityId: row.id,
        after: { mrn: row.mrn },
      });
      return row;
    });
    const entry = await addToPipeline(db, {
      candidateId: candidate.id,
      trialId: trial.id,
      path: pathTo(stage),
      actorId,
      reason: EXIT_REASONS[stage],
      startedAt: daysAgo(referredDaysAgo, today),
    });
    created += 1;
    if (!isEnrolled) continue;

    const arms = await db.arm.findMany({
      where: { trialId: trial.id },
      orderBy: { position: 'asc' },
      include: { dosing: true },
    });
    const arm = arms[i % arms.length];
    const protocol = dosingProtocolSchema.parse(arm.dosing[0]?.protocol);
    const firstDay =
      stage === 'ENROLLED'
        ? daysAgo(-2 - (i % 5), today)
        : stage === 'IN_TREATMENT'
          ? daysAgo(3 + (i % 3), today)
          : daysAgo(25, today);
    await db.$transaction(async (tx) => {
      const enrollment = await tx.enrollment.create({
        data: {
          candidateId: candidate.id,
          trialId: trial.id,
          subjectId: await assignSubjectId({ tx, trialId: trial.id }),
          pipelineEntryId: entry.id,
          armId: arm.id,
          enrolledAt: daysAgo(stage === 'ENROLLED' ? 1 : 28, today),
          status: stage === 'COMPLETED' ? 'COMPLETED' : 'ACTIVE',
        },
      });
      const visits = await createVisitSeries(tx, {
        enrollmentId: enrollment.id,
        chairId: chairs[i % chairs.length].id,
        firstDay,
        sessionCount: protocol.sessionCount,
        sessionsPerWeek: protocol.sessionsPerWeek ?? 1,
        localTime: ['09:00', '11:00', '13:30'][i % 3],
        durationMin: (protocol.infusionMinutes ?? 40) + 60,
        today,
      });
      await recordAuditEvent(tx, {
        actorId: null,
        actorLabel: 'seed',
        action: 'enrollment.create',
        entityType: 'Enrollment',
        entityId: enrollment.id,
        after: { armId: arm.id, visits: visits.length },
      });
    });
  }
  await seedOutcomes(db);
  await seedKapPilot(db, { chairId: chairs[0].id, coordinatorId: coordinator.id, today });
  await seedDemoDrugLots(db, { receivedById: clinician.id, today });
  return { users: [admin, coordinator, clinician], trials: allTrials, candidatesCreated: created };
}
