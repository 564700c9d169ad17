import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { WasteInput } from '@/lib/validations/drug-inventory';
import { applyMovement, lockLot, toMovementDto, type MovementDto } from './apply-movement';
import { mgToUg } from './policy';
import { verifyWitness } from './verify-witness';

/**
 * Witnessed waste (the rest of an opened vial, a broken vial, expired stock): the
 * witness re-enters their password first; then, under the lot's lock, the amount is
 * taken off the balance (409 when more than is on hand). Audited `drug.waste`.
 */
export async function recordWaste(options: {
  input: WasteInput;
  ctx: ActorContext;
}): Promise<MovementDto & { witness: { id: string; name: string } }> {
  const { input, ctx } = options;
  const witness = await verifyWitness({
    email: input.witnessEmail,
    password: input.witnessPassword,
    purpose: 'drug.waste_witness',
    ctx,
  });
  return prisma.$transaction(async (tx) => {
    const lot = await lockLot({ tx, lotId: input.lotId });
    if (input.visitId) {
      const visit = await tx.visit.findUnique({ where: { id: input.visitId }, select: { id: true } });
      if (!visit)
        throw new AppError('VALIDATION_FAILED', undefined, { fields: { visitId: ['This visit does not exist'] } });
    }
    const movement = await applyMovement({
      tx,
      lot,
      kind: 'WASTE',
      changeUg: -mgToUg(input.mg),
      actorId: ctx.user.id,
      witnessId: witness.id,
      visitId: input.visitId ?? null,
      reason: input.reason,
    });
    const dto = toMovementDto(movement);
    await ctx.audit(tx, {
      action: 'drug.waste',
      entityType: 'DrugMovement',
      entityId: movement.id,
      after: { ...dto, witnessName: witness.name },
      reason: input.reason,
    });
    return { ...dto, witness };
  });
}
