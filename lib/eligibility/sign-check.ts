import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { contentHash } from '@/lib/auth/content-hash';
import { hasPermission } from '@/lib/auth/permissions';
import { reauthenticate } from '@/lib/auth/reauthenticate';
import { prisma } from '@/lib/db';
import { signedContent } from '@/lib/eligibility/check-signature';
import type { CheckReview, EligibilityCheckDetail, StoredCriterionResult } from '@/lib/eligibility/check-types';
import { lockSignableCheck } from '@/lib/eligibility/lock-signable-check';
import { readCheckDetail } from '@/lib/eligibility/read-check-detail';
import { recordDecisionStage } from '@/lib/eligibility/record-decision-stage';
import { reviewCriteria } from '@/lib/eligibility/review-criteria';
import type { OverallResult } from '@/lib/eligibility/types';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SignCheckInput } from '@/lib/validations/screening';

export { verifyCheckSignature } from '@/lib/eligibility/check-signature';

type Options = { checkId: string; input: SignCheckInput; ctx: ActorContext };

/**
 * A clinician's signed eligibility decision on a saved check.
 *
 * 1. Only a role with `eligibility.sign` (clinicians) may sign (403 otherwise).
 * 2. The password is re-entered first: a wrong one answers 403 and counts toward
 *    the sign-in lockout (lib/auth/reauthenticate.ts).
 * 3. Then, in one transaction with the check row locked: 404 for an unknown check;
 *    409 when it is already signed, when the protocol has been amended since or a
 *    newer check exists for the candidate and trial (sign the current one);
 *    400 when the judgments and overrides do not support the decision
 *    (lib/eligibility/review-criteria.ts — confirming ELIGIBLE needs every
 *    clinician-judgment criterion judged and every UNKNOWN or ruling-out criterion
 *    overridden with a justification; INELIGIBLE can always be decided).
 * 4. The signature is written by the one UPDATE the database allows on the row:
 *    the review (final per-criterion results), decision, overall = decision,
 *    signer, signer's name, server time, meaning, and a SHA-256 over the signed
 *    content (see check-signature.ts). After it, a trigger refuses any change.
 * 5. The pipeline moves in the same transaction (record-decision-stage.ts), with
 *    `eligibility.sign` and `pipeline.move` audit events.
 */
export async function signEligibilityCheck({ checkId, input, ctx }: Options): Promise<EligibilityCheckDetail> {
  if (!hasPermission(ctx.user.role, 'eligibility.sign'))
    throw new AppError('FORBIDDEN', 'Only a clinician can sign an eligibility decision.');
  const { signerName } = await reauthenticate({
    userId: ctx.user.id,
    password: input.password,
    purpose: 'eligibility.sign',
    requestId: ctx.request?.requestId ?? null,
    ipAddress: ctx.request?.ipAddress ?? null,
  });

  return prisma.$transaction(async (tx) => {
    const check = await lockSignableCheck({ tx, checkId });

    const results = check.results as unknown as StoredCriterionResult[];
    const outcome = reviewCriteria({
      results,
      computedOverall: check.overall as Exclude<OverallResult, 'ELIGIBLE'>,
      decision: input.decision,
      judgments: input.judgments,
      overrides: input.overrides,
    });
    if (!outcome.ok)
      throw new AppError('VALIDATION_FAILED', outcome.message, {
        fields: outcome.fields,
        details: { unresolved: outcome.unresolved },
      });

    // Hash exactly what the database will hold (JSON, without undefined members).
    const review = JSON.parse(JSON.stringify(outcome.review)) as CheckReview;
    const signedAt = new Date();
    const meaning = input.meaning.trim();
    const hash = contentHash(
      signedContent({
        ...check,
        review,
        decision: input.decision,
        meaning,
        signedById: ctx.user.id,
        signerName,
        signedAt,
      }),
    );
    const written = await tx.eligibilityCheck.updateMany({
      where: { id: check.id, signedAt: null },
      data: {
        review: review as unknown as Prisma.InputJsonValue,
        decision: input.decision,
        overall: input.decision,
        signedById: ctx.user.id,
        signerName,
        meaning,
        signedAt,
        contentHash: hash,
      },
    });
    if (written.count !== 1)
      throw new AppError('CONFLICT', 'This check is already signed.', { details: { reason: 'ALREADY_SIGNED' } });

    const stage = await recordDecisionStage({
      tx,
      candidateId: check.candidateId,
      trialId: check.trialId,
      decision: input.decision,
      reason: meaning,
      checkId: check.id,
      ctx,
    });
    const changed = review.criteria.filter((criterion) => criterion.basis !== 'computed');
    await ctx.audit(tx, {
      action: 'eligibility.sign',
      entityType: 'EligibilityCheck',
      entityId: check.id,
      before: { overall: check.overall, signedAt: null },
      after: {
        candidateId: check.candidateId,
        trialId: check.trialId,
        protocolVersionId: check.protocolVersionId,
        decision: input.decision,
        meaning,
        signerName,
        signedAt: signedAt.toISOString(),
        contentHash: hash,
        computedOverall: review.computedOverall,
        reviewedOverall: review.reviewedOverall,
        judgments: changed
          .filter((c) => c.basis === 'judgment')
          .map(({ criterionId, text, result, note }) => ({ criterionId, text, result, note })),
        overrides: changed
          .filter((c) => c.basis === 'override')
          .map(({ criterionId, text, computed, result, note }) => ({
            criterionId,
            text,
            computed,
            result,
            justification: note,
          })),
        pipeline: stage,
      },
      reason: meaning,
    });

    const detail = await readCheckDetail({ tx, id: check.id });
    if (!detail) throw new AppError('NOT_FOUND', 'This eligibility check does not exist.');
    return detail;
  });
}
