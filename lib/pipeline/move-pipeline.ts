import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { loadAllocationGate } from '@/lib/blinding/allocation-gate';
import { isMaskedTrial } from '@/lib/blinding/policy';
import { fromIsoDate } from '@/lib/candidates/mappers';
import { getClinicClock } from '@/lib/clinic/clock';
import type { PipelineMoveResult } from '@/lib/candidates/types';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { prisma, type Tx } from '@/lib/db';
import type { EnrollmentStatus } from '@/lib/generated/prisma/enums';
import { AppError } from '@/lib/errors/app-error';
import { revealNextAllocation } from '@/lib/randomization/reveal-next-allocation';
import type { PipelineMoveInput, PipelineStageValue } from '@/lib/validations/candidates';
import { findActiveConsentForm } from '@/lib/consent/find-active-consent-form';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';
import { addToTrialPipeline, alreadyInPipeline } from './add-to-trial-pipeline';
import { transitionError } from './transition-error';
import { checkTransition, isExitStage } from './transitions';

const ALREADY_ENROLLED = 'Already enrolled in another interventional trial';

function alreadyEnrolledElsewhere(trialId?: string): AppError {
  return new AppError('CONFLICT', ALREADY_ENROLLED, {
    details: { reason: 'ALREADY_ENROLLED', ...(trialId ? { trialId } : {}) },
  });
}

type Trial = {
  id: string;
  studyType: 'INTERVENTIONAL' | 'OBSERVATIONAL' | 'EXPANDED_ACCESS';
  allocation: 'RANDOMIZED' | 'NON_RANDOMIZED' | 'NA' | null;
  targetEnrollment: number | null;
};
type Move = {
  tx: Tx;
  candidateId: string;
  entryId: string;
  trial: Trial;
  input: PipelineMoveInput;
  ctx: ActorContext;
};

/** Enrolment status when the pipeline ends; SCREEN_FAILED after enrolment ends it as withdrawn. */
const END_STATUS: Partial<Record<PipelineStageValue, EnrollmentStatus>> = {
  COMPLETED: 'COMPLETED',
  WITHDRAWN: 'WITHDRAWN',
  SCREEN_FAILED: 'WITHDRAWN',
  LOST_TO_FOLLOW_UP: 'LOST_TO_FOLLOW_UP',
};

async function recordConsent({ tx, entryId, trial, input, ctx }: Move): Promise<string> {
  if (!input.consent) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Record the consent: the date it was signed and the consent form version.',
      {
        fields: {
          'consent.consentedOn': ['Enter the date the consent form was signed.'],
          'consent.formVersionId': ['Choose the consent form version.'],
        },
      },
    );
  }
  const formVersion = await findActiveConsentForm({ tx, trialId: trial.id, versionId: input.consent.formVersionId });
  const consent = await tx.consent.create({
    data: {
      pipelineEntryId: entryId,
      consentedOn: fromIsoDate(input.consent.consentedOn),
      formVersionId: formVersion.id,
      obtainedById: ctx.user.id,
    },
  });
  await ctx.audit(tx, {
    action: 'consent.record',
    entityType: 'Consent',
    entityId: consent.id,
    after: {
      pipelineEntryId: entryId,
      consentedOn: input.consent.consentedOn,
      formVersion: formVersion.label,
      formVersionId: formVersion.id,
      obtainedById: ctx.user.id,
    },
  });
  return consent.id;
}

async function enroll({ tx, candidateId, entryId, trial, input, ctx }: Move) {
  const interventional = trial.studyType === 'INTERVENTIONAL';
  if (interventional) {
    // A friendly answer for the usual case; under concurrency the unique index decides (P2002 → the same 409).
    const active = await tx.enrollment.findUnique({
      where: { activeInterventionalCandidateId: candidateId },
      select: { trialId: true },
    });
    if (active) throw alreadyEnrolledElsewhere(active.trialId);
  }
  // The enrolment day is the clinic's (its settings' zone), not the server's or the deployment default's.
  const enrolledOn = (await getClinicClock({ db: tx })).today();
  const create = async (armId: string) => {
    const subjectId = await assignSubjectId({ tx, trialId: trial.id });
    const enrollment = await tx.enrollment.create({
      data: {
        candidateId,
        trialId: trial.id,
        pipelineEntryId: entryId,
        subjectId,
        armId,
        enrolledAt: fromIsoDate(enrolledOn),
        activeInterventionalCandidateId: interventional ? candidateId : null,
      },
    });
    await ctx.audit(tx, {
      action: 'enrollment.create',
      entityType: 'Enrollment',
      entityId: enrollment.id,
      after: {
        candidateId,
        trialId: trial.id,
        armId,
        status: enrollment.status,
        enrolledAt: enrolledOn,
        subjectId,
      },
    });
    return { id: enrollment.id, subjectId };
  };

  if (trial.allocation === 'RANDOMIZED') {
    if (input.armId) {
      throw new AppError('VALIDATION_FAILED', 'The arm of a randomized trial comes from its allocation list.', {
        fields: { armId: ['Leave the arm empty: randomization assigns it.'] },
      });
    }
    let subjectId: string | null = null;
    const revealed = await revealNextAllocation({
      tx,
      trial,
      ctx,
      enroll: async (armId) => {
        const created = await create(armId);
        subjectId = created.subjectId;
        return created.id;
      },
    });
    return {
      enrollmentId: revealed.enrollmentId,
      subjectId,
      armId: revealed.armId,
      allocationSequence: revealed.sequence,
    };
  }

  if (!input.armId)
    throw new AppError('VALIDATION_FAILED', 'Choose the arm: this trial is not randomized.', {
      fields: { armId: ['Choose an arm.'] },
    });
  const arm = await tx.arm.findFirst({ where: { id: input.armId, trialId: trial.id }, select: { id: true } });
  if (!arm)
    throw new AppError('NOT_FOUND', 'This arm does not belong to the trial.', {
      fields: { armId: ['Choose one of this trial’s arms.'] },
    });
  const created = await create(arm.id);
  return { enrollmentId: created.id, subjectId: created.subjectId, armId: arm.id, allocationSequence: null };
}

async function updateEnrollment({ tx, entryId, input, ctx }: Move) {
  const enrollment = await tx.enrollment.findUnique({ where: { pipelineEntryId: entryId } });
  if (!enrollment) return { enrollmentId: null, subjectId: null, armId: null };
  const status = END_STATUS[input.to];
  if (status && enrollment.status === 'ACTIVE') {
    const endedOn = (await getClinicClock({ db: tx })).today();
    const endReason =
      input.to === 'SCREEN_FAILED' ? `Screen failed: ${input.reason ?? ''}`.trim() : (input.reason ?? null);
    await tx.enrollment.update({
      where: { id: enrollment.id },
      data: { status, endedAt: fromIsoDate(endedOn), endReason, activeInterventionalCandidateId: null },
    });
    await ctx.audit(tx, {
      action: 'enrollment.end',
      entityType: 'Enrollment',
      entityId: enrollment.id,
      before: { status: enrollment.status },
      after: { status, endedAt: endedOn, endReason },
      reason: input.reason ?? null,
    });
  }
  return { enrollmentId: enrollment.id, subjectId: enrollment.subjectId, armId: enrollment.armId };
}

/**
 * Moves a candidate along one trial's pipeline (or, with `to: 'REFERRED'`, adds
 * them to the trial), in one transaction with its history event and audit:
 *
 * - the move must be one the stage machine allows (409 with details.allowed),
 *   exits need a reason (400), ELIGIBLE/INELIGIBLE only come from a signed
 *   eligibility decision (403);
 * - CONSENTED records the consent (date, one of the trial's active approved form versions —
 *   400 otherwise —, obtained by the actor); the signed PDF is attached afterwards (lib/consent);
 * - ENROLLED creates the enrolment with the trial's next subject ID
 *   (lib/enrollments/assign-subject-id.ts); randomized trials reveal the next entry of
 *   the trial's allocation list (generated on first use), open-label trials take
 *   `armId`; in an interventional trial the enrolment holds the candidate's one
 *   active-interventional slot, so a second concurrent enrolment elsewhere gets 409;
 * - COMPLETED and the exits end an active enrolment and free that slot.
 *
 * The pipeline row is locked (FOR UPDATE) first, so two moves of the same
 * candidate in the same trial run one after the other against the fresh stage.
 */
export async function movePipeline({
  candidateId,
  input,
  ctx,
}: {
  candidateId: string;
  input: PipelineMoveInput;
  ctx: ActorContext;
}): Promise<PipelineMoveResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { voidedAt: true } });
      if (!candidate || candidate.voidedAt) throw new AppError('NOT_FOUND', 'This candidate does not exist.');

      if (input.to === 'REFERRED') {
        if (input.consent || input.armId)
          throw new AppError('VALIDATION_FAILED', 'Adding a candidate to a trial takes no consent or arm.');
        const entry = await addToTrialPipeline({ tx, candidateId, trialId: input.trialId, ctx });
        return {
          pipelineEntryId: entry.id,
          trialId: input.trialId,
          fromStage: null,
          stage: 'REFERRED',
          enrollmentId: null,
          subjectId: null,
          armId: null,
          consentId: null,
          allocationSequence: null,
        };
      }

      const trial = await tx.trial.findUnique({
        where: { id: input.trialId },
        select: { id: true, studyType: true, allocation: true, targetEnrollment: true, masking: true },
      });
      if (!trial)
        throw new AppError('NOT_FOUND', 'This trial does not exist.', {
          fields: { trialId: ['Choose an existing trial.'] },
        });

      const [locked] = await tx.$queryRaw<Array<{ id: string; stage: PipelineStageValue }>>`
        SELECT id, stage::text AS stage FROM "PipelineEntry" WHERE "candidateId" = ${candidateId} AND "trialId" = ${trial.id} FOR UPDATE`;
      if (!locked) {
        throw new AppError(
          'CONFLICT',
          "The candidate is not in this trial's pipeline yet: add them first (REFERRED).",
          {
            details: { reason: 'INVALID_TRANSITION', from: null, to: input.to, allowed: ['REFERRED'] },
          },
        );
      }
      const from = locked.stage;
      const check = checkTransition({ from, to: input.to, reason: input.reason, actorRole: ctx.user.role });
      if (!check.ok) throw transitionError(check, from, input.to);
      if (input.consent && input.to !== 'CONSENTED') {
        throw new AppError('VALIDATION_FAILED', 'Consent is recorded with the move to CONSENTED.', {
          fields: { consent: ['Only send consent when moving to CONSENTED.'] },
        });
      }
      if (input.armId && input.to !== 'ENROLLED') {
        throw new AppError('VALIDATION_FAILED', 'The arm is chosen with the move to ENROLLED.', {
          fields: { armId: ['Only send an arm when enrolling.'] },
        });
      }

      const move: Move = { tx, candidateId, entryId: locked.id, trial, input, ctx };
      const consentId = input.to === 'CONSENTED' ? await recordConsent(move) : null;
      const enrolment =
        input.to === 'ENROLLED'
          ? await enroll(move)
          : input.to === 'IN_TREATMENT' || input.to === 'COMPLETED' || isExitStage(input.to)
            ? { ...(await updateEnrollment(move)), allocationSequence: null }
            : { enrollmentId: null, subjectId: null, armId: null, allocationSequence: null };

      const entry = await tx.pipelineEntry.update({
        where: { id: locked.id },
        data: { stage: input.to, stageChangedAt: new Date() },
      });
      await tx.pipelineEvent.create({
        data: {
          pipelineEntryId: entry.id,
          fromStage: from,
          toStage: input.to,
          reason: input.reason ?? null,
          actorId: ctx.user.id,
          createdAt: entry.stageChangedAt,
        },
      });
      await ctx.audit(tx, {
        action: 'pipeline.move',
        entityType: 'PipelineEntry',
        entityId: entry.id,
        before: { stage: from },
        after: {
          candidateId,
          trialId: trial.id,
          stage: input.to,
          ...(enrolment.enrollmentId ? { enrollmentId: enrolment.enrollmentId } : {}),
        },
        reason: input.reason ?? null,
      });
      // The one who enrols in a masked trial learns nothing of the arm unless they may.
      const gate = isMaskedTrial(trial.masking) ? await loadAllocationGate({ userId: ctx.user.id, db: tx }) : null;
      const showArm = gate === null || gate.canSee(trial, enrolment.enrollmentId);
      return {
        pipelineEntryId: entry.id,
        trialId: trial.id,
        fromStage: from,
        stage: input.to,
        enrollmentId: enrolment.enrollmentId,
        subjectId: enrolment.subjectId,
        armId: showArm ? enrolment.armId : null,
        consentId,
        allocationSequence: showArm ? enrolment.allocationSequence : null,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'activeInterventionalCandidateId')) throw alreadyEnrolledElsewhere();
    if (isUniqueViolation(error, 'candidateId')) throw alreadyInPipeline();
    throw error;
  }
}
