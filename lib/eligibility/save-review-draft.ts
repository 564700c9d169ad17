import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { hasPermission } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { toReviewDraftDto } from '@/lib/eligibility/check-mappers';
import type { ReviewDraftDto, StoredCriterionResult } from '@/lib/eligibility/check-types';
import { lockSignableCheck } from '@/lib/eligibility/lock-signable-check';
import { draftFieldErrors } from '@/lib/eligibility/review-draft';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ReviewDraftInput } from '@/lib/validations/screening';

type Options = { checkId: string; input: ReviewDraftInput; ctx: ActorContext };

/**
 * Saves a clinician's unsigned review of a check, replacing the previous draft, so a reload
 * or a lost connection loses nothing. A draft is not a decision: it is stored apart from the
 * check (EligibilityReviewDraft), changes no result, moves no pipeline and is never part of a
 * signature (the signature covers what the sign request states; check-signature.ts).
 *
 * 403 for a role that cannot sign; 404/409 exactly when a signature would be refused
 * (lock-signable-check.ts: unknown, signed, amended protocol, newer check); 400 when a
 * judgment or override does not fit the check. Audited as `eligibility.review_draft_saved`.
 */
export async function saveReviewDraft({ checkId, input, ctx }: Options): Promise<ReviewDraftDto> {
  if (!hasPermission(ctx.user.role, 'eligibility.sign'))
    throw new AppError('FORBIDDEN', 'Only a clinician can review an eligibility check.');

  return prisma.$transaction(async (tx) => {
    const check = await lockSignableCheck({ tx, checkId });
    const fields = draftFieldErrors({ results: check.results as unknown as StoredCriterionResult[], draft: input });
    if (Object.keys(fields).length > 0)
      throw new AppError('VALIDATION_FAILED', 'Some judgments or overrides do not fit this check.', { fields });

    const savedAt = new Date();
    const content = input as unknown as Prisma.InputJsonValue;
    const row = await tx.eligibilityReviewDraft.upsert({
      where: { checkId },
      create: { checkId, content, savedAt, savedById: ctx.user.id },
      update: { content, savedAt, savedById: ctx.user.id },
      select: { checkId: true, content: true, savedAt: true, savedBy: { select: { id: true, name: true } } },
    });
    await ctx.audit(tx, {
      action: 'eligibility.review_draft_saved',
      entityType: 'EligibilityCheck',
      entityId: checkId,
      after: {
        candidateId: check.candidateId,
        trialId: check.trialId,
        savedAt: savedAt.toISOString(),
        decision: input.decision,
        meaning: input.meaning,
        judgments: input.judgments,
        overrides: input.overrides,
      },
    });
    return toReviewDraftDto(row);
  });
}
