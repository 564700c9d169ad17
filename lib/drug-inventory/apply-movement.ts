import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { DrugMovementKind } from './policy';
import { ugToMg } from './policy';

export type LockedLot = { id: string; onHandUg: bigint; expiresOn: Date; drug: string; lotNumber: string };

/**
 * Locks the lot's row for the rest of the transaction, so concurrent movements on one
 * lot run one after another and each sees the balance the previous one left.
 */
export async function lockLot({ tx, lotId }: { tx: Tx; lotId: string }): Promise<LockedLot> {
  const rows = await tx.$queryRaw<LockedLot[]>`
    SELECT "id", "onHandUg", "expiresOn", "drug", "lotNumber" FROM "DrugLot" WHERE "id" = ${lotId} FOR UPDATE`;
  const lot = rows[0];
  if (!lot)
    throw new AppError('NOT_FOUND', 'This drug lot does not exist.', {
      fields: { lotId: ['This drug lot does not exist.'] },
    });
  return { ...lot, onHandUg: BigInt(lot.onHandUg) };
}

export type MovementInput = {
  lot: LockedLot;
  kind: DrugMovementKind;
  changeUg: bigint;
  actorId: string;
  witnessId?: string | null;
  visitId?: string | null;
  reason?: string | null;
  reversesId?: string | null;
};

/**
 * Appends one movement and moves the lot's balance with it. Refuses (409) a movement
 * that would take more than is on hand; nothing is written then.
 */
export async function applyMovement(input: MovementInput & { tx: Tx }) {
  const { tx } = input;
  const { lot, changeUg } = input;
  const balanceAfterUg = lot.onHandUg + changeUg;
  if (balanceAfterUg < BigInt(0)) {
    throw new AppError(
      'CONFLICT',
      `Lot ${lot.lotNumber} holds ${ugToMg(lot.onHandUg)} mg; ${ugToMg(-changeUg)} mg cannot be taken from it.`,
      { details: { onHandMg: ugToMg(lot.onHandUg), requestedMg: ugToMg(-changeUg) } },
    );
  }
  await tx.drugLot.update({ where: { id: lot.id }, data: { onHandUg: balanceAfterUg } });
  const movement = await tx.drugMovement.create({
    data: {
      lotId: lot.id,
      kind: input.kind,
      changeUg,
      balanceAfterUg,
      actorId: input.actorId,
      witnessId: input.witnessId ?? null,
      visitId: input.visitId ?? null,
      reason: input.reason ?? null,
      reversesId: input.reversesId ?? null,
    },
  });
  lot.onHandUg = balanceAfterUg;
  return movement;
}

/** A movement as the API and audit trail carry it (mg, never bigint). */
export function toMovementDto(movement: {
  id: string;
  lotId: string;
  kind: DrugMovementKind;
  changeUg: bigint;
  balanceAfterUg: bigint;
  visitId: string | null;
  reason: string | null;
  actorId: string;
  witnessId: string | null;
  reversesId: string | null;
  createdAt: Date;
}) {
  return {
    id: movement.id,
    lotId: movement.lotId,
    kind: movement.kind,
    changeMg: ugToMg(movement.changeUg),
    balanceAfterMg: ugToMg(movement.balanceAfterUg),
    visitId: movement.visitId,
    reason: movement.reason,
    actorId: movement.actorId,
    witnessId: movement.witnessId,
    reversesId: movement.reversesId,
    createdAt: movement.createdAt.toISOString(),
  };
}

export type MovementDto = ReturnType<typeof toMovementDto>;
