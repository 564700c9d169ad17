import type { ActorContext } from '@/lib/auth/actor-context';
import { randomUUID } from 'node:crypto';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Role } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db';
import type { Sex } from '@/lib/generated/prisma/client';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { dosingProtocolSchema, type DosingProtocolInput } from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
import type { ProvenanceInput } from '@/lib/validations/provenance';
import { addToPipeline, createCandidate } from '@/prisma/seed/candidates';
import { createTrial } from '@/prisma/seed/trials';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';

// Shared fixtures for the infusion and scheduling integration tests. Everything is
// unique per call (names, chairs, far-future dates) so test files running side by side
// on one database never collide.

export const TEST_PASSWORD = 'Quiet-Meadow-Lamp-7';

export function token(): string {
  return randomUUID().replace(/-/g, '').slice(0, 10);
}

/** The guard context of a signed-in user, recording audit events as the guard does. */
export function writeContextFor(
  user: { id: string; name: string; role: Role },
  requestId = 'req-infusions',
): ActorContext {
  return {
    user,
    request: { requestId, ipAddress: '127.0.0.1' },
    audit: (tx, event) => recordAuditEvent(tx, { ...event, actorId: user.id, requestId, ipAddress: '127.0.0.1' }),
  };
}

/** 0.5 mg/kg actual body weight, 50 mg cap, 40-minute infusions, 4 sessions twice weekly, 48 h to 7 days apart. */
export const CAPPED_SERIES = dosingProtocolSchema.parse({
  ...defaultDosingProtocol(),
  maxMgPerSession: 50,
  infusionMinutes: 40,
  sessionCount: 4,
  sessionsPerWeek: 2,
  minHoursBetweenSessions: 48,
  maxDaysBetweenSessions: 7,
});

/** 0.5 mg/kg actual body weight, no cap, one 40-minute infusion. */
export const UNCAPPED_SINGLE = dosingProtocolSchema.parse({
  ...defaultDosingProtocol(),
  infusionMinutes: 40,
  sessionCount: 1,
});

type ArmSpec = { label: string; dosing: DosingProtocolInput | null; dosingProvenance?: ProvenanceInput | null };

/** A trial whose arms have confirmed dosing protocols and which excludes pregnancy. */
export async function makeDosingTrial(
  db: Db,
  arms: ArmSpec[] = [
    { label: 'Capped series', dosing: CAPPED_SERIES },
    { label: 'Uncapped single', dosing: UNCAPPED_SINGLE },
  ],
) {
  const result = await createTrial(db, {
    title: `Fictional infusion study ${token()}`,
    masking: 'NONE',
    arms: arms.map((arm) => ({
      label: arm.label,
      type: 'EXPERIMENTAL',
      dosing: arm.dosing,
      dosingProvenance: arm.dosingProvenance ?? null,
    })),
    criteria: [
      { kind: 'INCLUSION', text: 'Adults 18 to 65 years' },
      { kind: 'EXCLUSION', text: 'Pregnant or breastfeeding' },
    ],
  });
  const armIds = arms.map((arm) => result.armIdByLabel.get(arm.label)!);
  return { trial: result.trial, armIds };
}

/** An enrolled participant of the trial in the arm. */
export async function makeEnrollment(db: Db, options: { trialId: string; armId: string; sex?: Sex }) {
  const candidate = await createCandidate(db, { sex: options.sex ?? 'MALE' });
  const entry = await addToPipeline(db, {
    candidateId: candidate.id,
    trialId: options.trialId,
    path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE', 'CONSENTED', 'ENROLLED'],
    actorId: null,
    startedAt: new Date(Date.now() - 20 * 86_400_000),
  });
  const enrollment = await db.enrollment.create({
    data: {
      candidateId: candidate.id,
      trialId: options.trialId,
      subjectId: await assignSubjectId({ tx: db, trialId: options.trialId }),
      pipelineEntryId: entry.id,
      armId: options.armId,
      enrolledAt: new Date(),
    },
  });
  return { candidate, enrollment };
}

/** New chairs, in service, with names unique to the caller. */
export async function makeChairs(db: Db, count: number) {
  const prefix = `Test chair ${token()}`;
  const chairs = [];
  for (let index = 1; index <= count; index += 1)
    chairs.push(await db.chair.create({ data: { name: `${prefix} ${index}` } }));
  return chairs;
}

/** A random Monday (clinic-local 'YYYY-MM-DD') years ahead, so no other test's bookings are near it. */
export function farFutureMonday(): string {
  const base = '2031-01-06'; // a Monday
  return addDaysToDate(base, 7 * Math.floor(Math.random() * 400));
}

/**
 * A Monday in 2030, a year farFutureMonday() never returns: for a test that fills every chair of the
 * clinic (chairs are shared by the test files running side by side), so no other file's booking can
 * land on a day it has filled.
 */
export function chairFillingMonday(): string {
  const base = '2030-01-07'; // a Monday
  return addDaysToDate(base, 7 * Math.floor(Math.random() * 50));
}

/** The two arms of a fictional triple-masked trial, named so a leak is easy to find in any response. */
export const MASKED_ACTIVE_LABEL = 'Ketamine 0.5 mg/kg active';
export const MASKED_PLACEBO_LABEL = 'Saline placebo';

/**
 * A triple-masked, randomized trial like NCT06668571: one 40-minute infusion, ketamine
 * 0.5 mg/kg capped at 50 mg against a placebo arm, PHQ-9 at baseline and after session 1.
 */
export async function makeMaskedDosingTrial(db: Db) {
  const active = dosingProtocolSchema.parse({
    ...defaultDosingProtocol(),
    maxMgPerSession: 50,
    infusionMinutes: 40,
    sessionCount: 1,
  });
  const placebo = dosingProtocolSchema.parse({
    ...defaultDosingProtocol(),
    doseMode: 'PLACEBO',
    mgPerKg: null,
    weightBasis: null,
    infusionMinutes: 40,
    sessionCount: 1,
  });
  const result = await createTrial(db, {
    title: `Fictional masked infusion study ${token()}`,
    masking: 'TRIPLE',
    allocation: 'RANDOMIZED',
    arms: [
      { label: MASKED_ACTIVE_LABEL, type: 'EXPERIMENTAL', dosing: active },
      { label: MASKED_PLACEBO_LABEL, type: 'PLACEBO_COMPARATOR', dosing: placebo },
    ],
    criteria: [{ kind: 'INCLUSION', text: 'Adults 18 to 65 years' }],
    assessmentPlan: [
      { instrument: 'PHQ9', timepoint: { kind: 'BASELINE' }, windowBeforeDays: 30, windowAfterDays: 30 },
      { instrument: 'PHQ9', timepoint: { kind: 'AFTER_SESSION', session: 1 }, windowBeforeDays: 0, windowAfterDays: 2 },
    ],
  });
  return {
    trial: result.trial,
    activeArmId: result.armIdByLabel.get(MASKED_ACTIVE_LABEL)!,
    placeboArmId: result.armIdByLabel.get(MASKED_PLACEBO_LABEL)!,
  };
}
