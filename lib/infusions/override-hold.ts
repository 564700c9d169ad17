import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { HoldState } from './get-hold-state';
import { assertCheckedIn, loadInfusionVisit } from './load-infusion-visit';

/**
 * A clinician lets the infusion go ahead despite the blood-pressure hold, with a reason.
 * Only a visit that is currently held can be overridden. Audited `visit.hold_override`.
 */
export async function overrideHold({
  visitId,
  input,
  ctx,
}: {
  visitId: string;
  input: { reason: string };
  ctx: ActorContext;
}): Promise<{ hold: HoldState }> {
  return prisma.$transaction(async (tx) => {
    const { visit, hold } = await loadInfusionVisit({ db: tx, visitId });
    assertCheckedIn(visit, 'overriding the hold');
    if (!hold.isHeld) throw new AppError('CONFLICT', 'The infusion is not on hold.');
    if (hold.isOverridden) throw new AppError('CONFLICT', 'The hold is already overridden.');
    await tx.visit.update({
      where: { id: visitId },
      data: { holdOverrideReason: input.reason, holdOverriddenById: ctx.user.id, version: { increment: 1 } },
    });
    await ctx.audit(tx, {
      action: 'visit.hold_override',
      entityType: 'Visit',
      entityId: visitId,
      before: { isHeld: true, reason: hold.reason },
      after: { holdOverrideReason: input.reason, holdOverriddenById: ctx.user.id },
      reason: input.reason,
    });
    return { hold: { ...hold, isOverridden: true, overrideReason: input.reason, blocksInfusion: false } };
  });
}
