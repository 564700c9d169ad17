import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { ReversalInput } from '@/lib/validations/drug-inventory';
import { applyMovement, lockLot, toMovementDto, type MovementDto } from './apply-movement';
import { verifyWitness } from './verify-witness';

/**
 * Nothing in the drug record is edited or deleted: a wrong movement is undone by a
 * witnessed REVERSAL of the same amount with a reason. A movement is reversed at most
 * once and a reversal is never reversed (record the movement again instead).
 */
export async function reverseMovement(options: {
  movementId: string;
  input: ReversalInput;
  ctx: ActorContext;
}): Promise<MovementDto> {
  const { movementId, input, ctx } = options;
  const witness = await verifyWitness({
    email: input.witnessEmail,
    password: input.witnessPassword,
    purpose: 'drug.reversal_witness',
    ctx,
  });
  return prisma.$transaction(async (tx) => {
    const original = await tx.drugMovement.findUnique({
      where: { id: movementId },
      select: { id: true, lotId: true, kind: true, changeUg: true },
    });
    if (!original) throw new AppError('NOT_FOUND', 'This movement does not exist.');
    const lot = await lockLot({ tx, lotId: original.lotId });
    if (original.kind === 'REVERSAL')
      throw new AppError('CONFLICT', 'A reversal cannot itself be reversed; record the movement again instead.');
    const existing = await tx.drugMovement.findUnique({ where: { reversesId: original.id }, select: { id: true } });
    if (existing) throw new AppError('CONFLICT', 'This movement has already been reversed.');
    const movement = await applyMovement({
      tx,
      lot,
      kind: 'REVERSAL',
      changeUg: -original.changeUg,
      actorId: ctx.user.id,
      witnessId: witness.id,
      reason: input.reason,
      reversesId: original.id,
    });
    const dto = toMovementDto(movement);
    await ctx.audit(tx, {
      action: 'drug.reversal',
      entityType: 'DrugMovement',
      entityId: movement.id,
      after: { ...dto, witnessName: witness.name },
      reason: input.reason,
    });
    return dto;
  });
}
