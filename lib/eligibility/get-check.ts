import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import type { EligibilityCheckDetail } from '@/lib/eligibility/check-types';
import { readCheckDetail } from '@/lib/eligibility/read-check-detail';
import { AppError } from '@/lib/errors/app-error';

/**
 * A saved check in full: every criterion with its evidence and (once signed) the
 * reviewed result, the input snapshot, the review, and the signature with
 * `isValid` recomputed from the stored content. The read is logged
 * (`eligibility.view`): the check carries the candidate's clinical data.
 */
export async function getCheck({ id, ctx }: { id: string; ctx: ActorContext }): Promise<EligibilityCheckDetail> {
  return prisma.$transaction(async (tx) => {
    const detail = await readCheckDetail({ tx, id });
    if (!detail) throw new AppError('NOT_FOUND', 'This eligibility check does not exist.');
    await ctx.audit(tx, {
      action: 'eligibility.view',
      entityType: 'EligibilityCheck',
      entityId: id,
      after: { candidateId: detail.candidate.id },
    });
    return detail;
  });
}
