import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { transitionError } from '@/lib/pipeline/transition-error';
import { checkTransition } from '@/lib/pipeline/transitions';
import type { PipelineStageValue } from '@/lib/validations/candidates';

type Options = {
  tx: Tx;
  candidateId: string;
  trialId: string;
  decision: 'ELIGIBLE' | 'INELIGIBLE';
  /** The signature's meaning: the reason recorded with the stage change. */
  reason: string;
  checkId: string;
  ctx: ActorContext;
};

/** Stages from which a signed "not eligible" ends the pipeline as SCREEN_FAILED (before enrolment). */
const SCREEN_FAIL_FROM: readonly PipelineStageValue[] = [
  'REFERRED',
  'CONTACTED',
  'PRESCREENING',
  'ELIGIBLE',
  'CONSENTED',
];

/** Stages at which a signed decision can be recorded: the review queue lists checks of candidates here. */
export const DECISION_STAGES: readonly PipelineStageValue[] = ['AWAITING_REVIEW', ...SCREEN_FAIL_FROM];

function targetStage(from: PipelineStageValue, decision: 'ELIGIBLE' | 'INELIGIBLE'): PipelineStageValue | null {
  if (decision === 'ELIGIBLE') return 'ELIGIBLE';
  if (from === 'AWAITING_REVIEW') return 'INELIGIBLE';
  return SCREEN_FAIL_FROM.includes(from) ? 'SCREEN_FAILED' : null;
}

/**
 * The pipeline half of a signed eligibility decision, inside the signing
 * transaction: ELIGIBLE moves AWAITING_REVIEW → ELIGIBLE; INELIGIBLE moves
 * AWAITING_REVIEW → INELIGIBLE, or ends an earlier open stage (or ELIGIBLE /
 * CONSENTED, re-screened) as SCREEN_FAILED with the meaning as the reason. The
 * entry row is locked first; the move goes through the pipeline's own stage
 * machine (as a signed decision) and is written with its PipelineEvent and a
 * `pipeline.move` audit event. 409 when the candidate is not in the trial's
 * pipeline or its stage does not allow the move (an enrolled participant leaves
 * through withdrawal, not an eligibility decision).
 */
export async function recordDecisionStage({ tx, candidateId, trialId, decision, reason, checkId, ctx }: Options) {
  const [locked] = await tx.$queryRaw<Array<{ id: string; stage: PipelineStageValue }>>`
    SELECT id, stage::text AS stage FROM "PipelineEntry" WHERE "candidateId" = ${candidateId} AND "trialId" = ${trialId} FOR UPDATE`;
  if (!locked) {
    throw new AppError(
      'CONFLICT',
      "The candidate is not in this trial's pipeline: add them before signing an eligibility decision.",
      {
        details: { reason: 'NOT_IN_PIPELINE' },
      },
    );
  }
  const from = locked.stage;
  const to = targetStage(from, decision);
  if (to === null) {
    throw new AppError('CONFLICT', `A candidate at ${from} cannot be screened out by an eligibility decision.`, {
      details: { reason: 'INVALID_TRANSITION', from, to: 'SCREEN_FAILED' },
    });
  }
  const check = checkTransition({ from, to, reason, actorRole: ctx.user.role, signedDecision: true });
  if (!check.ok) {
    if (check.code === 'INVALID_TRANSITION' && decision === 'ELIGIBLE') {
      throw new AppError(
        'CONFLICT',
        `Eligibility is confirmed from AWAITING_REVIEW; the candidate is at ${from}. Move them to AWAITING_REVIEW first.`,
        {
          details: { reason: 'INVALID_TRANSITION', from, to, allowed: check.allowed },
        },
      );
    }
    throw transitionError(check, from, to);
  }

  const entry = await tx.pipelineEntry.update({
    where: { id: locked.id },
    data: { stage: to, stageChangedAt: new Date() },
  });
  await tx.pipelineEvent.create({
    data: {
      pipelineEntryId: entry.id,
      fromStage: from,
      toStage: to,
      reason,
      actorId: ctx.user.id,
      createdAt: entry.stageChangedAt,
    },
  });
  await ctx.audit(tx, {
    action: 'pipeline.move',
    entityType: 'PipelineEntry',
    entityId: entry.id,
    before: { stage: from },
    after: { candidateId, trialId, stage: to, eligibilityCheckId: checkId },
    reason,
  });
  return { pipelineEntryId: entry.id, fromStage: from, stage: to };
}
