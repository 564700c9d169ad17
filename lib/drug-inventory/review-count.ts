import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { CountReviewInput } from '@/lib/validations/drug-inventory';

/** An admin closes the alert a count discrepancy raised, saying what was found. Audited. */
export async function reviewCount(options: { countId: string; input: CountReviewInput; ctx: ActorContext }) {
  const { countId, input, ctx } = options;
  return prisma.$transaction(async (tx) => {
    const count = await tx.drugCount.findUnique({
      where: { id: countId },
      select: { id: true, discrepancyUg: true, reviewedAt: true },
    });
    if (!count) throw new AppError('NOT_FOUND', 'This count does not exist.');
    if (count.discrepancyUg === BigInt(0))
      throw new AppError('CONFLICT', 'This count matched the balance; there is nothing to review.');
    if (count.reviewedAt) throw new AppError('CONFLICT', 'This discrepancy has already been reviewed.');
    const row = await tx.drugCount.update({
      where: { id: countId },
      data: { reviewedById: ctx.user.id, reviewedAt: new Date(), reviewNote: input.note },
    });
    const after = {
      id: row.id,
      reviewedById: ctx.user.id,
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      note: input.note,
    };
    await ctx.audit(tx, { action: 'drug.count_review', entityType: 'DrugCount', entityId: row.id, after });
    return after;
  });
}
