import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { applyMovement, lockLot, toMovementDto, type MovementDto } from './apply-movement';
import { drugRecordToday } from './clinic-day';
import { isLotExpired, mgToUg, openedVialRemainderUg, ugToMg, vialContentUg } from './policy';

export type Dispensed = {
  movement: MovementDto;
  /** What is left of the last vial opened for this dose, mg. */
  openedVialRemainderMg: number;
  /** Single-dose vials: the remainder must be wasted, witnessed. */
  mustWasteRemainder: boolean;
};

/**
 * Checks that a lot can supply a dose (exists, not expired, holds enough), without
 * writing: used when the dose is verified, so a problem shows before the drug is drawn.
 */
export async function assertLotCanSupply(options: {
  tx: Tx;
  lotId: string;
  mg: number;
  field?: string;
}): Promise<void> {
  const { tx } = options;
  const field = options.field ?? 'lotId';
  const lot = await tx.drugLot.findUnique({
    where: { id: options.lotId },
    select: { lotNumber: true, expiresOn: true, onHandUg: true },
  });
  if (!lot)
    throw new AppError('VALIDATION_FAILED', undefined, { fields: { [field]: ['This drug lot does not exist'] } });
  const today = await drugRecordToday({ db: tx });
  if (isLotExpired({ expiresOn: lot.expiresOn.toISOString().slice(0, 10), today })) {
    throw new AppError(
      'CONFLICT',
      `Lot ${lot.lotNumber} expired on ${lot.expiresOn.toISOString().slice(0, 10)} and cannot be used.`,
      { fields: { [field]: ['This lot has expired'] } },
    );
  }
  if (lot.onHandUg < mgToUg(options.mg)) {
    throw new AppError('CONFLICT', `Lot ${lot.lotNumber} holds ${ugToMg(lot.onHandUg)} mg, less than this dose.`, {
      fields: { [field]: ['Not enough drug on hand in this lot'] },
    });
  }
}

/**
 * Draws an administered dose from its lot at an infusion visit, inside the
 * administration's transaction: DISPENSE movement under the lot's lock, refused for an
 * expired lot or a balance that cannot cover it. Returns what the opened vial leaves.
 */
export async function dispenseFromLot(options: {
  tx: Tx;
  lotId: string;
  visitId: string;
  mg: number;
  actorId: string;
}): Promise<Dispensed> {
  const { tx } = options;
  const { lotId, visitId, mg, actorId } = options;
  const lot = await lockLot({ tx, lotId });
  const today = await drugRecordToday({ db: tx });
  const expiresOn = lot.expiresOn.toISOString().slice(0, 10);
  if (isLotExpired({ expiresOn, today })) {
    throw new AppError('CONFLICT', `Lot ${lot.lotNumber} expired on ${expiresOn} and cannot be used.`);
  }
  const doseUg = mgToUg(mg);
  const movement = await applyMovement({ tx, lot, kind: 'DISPENSE', changeUg: -doseUg, actorId, visitId });
  const label = await tx.drugLot.findUniqueOrThrow({
    where: { id: lotId },
    select: { concentrationMgPerMl: true, vialVolumeMl: true, isMultiDoseVial: true },
  });
  const vialUg = vialContentUg({
    concentrationMgPerMl: Number(label.concentrationMgPerMl),
    vialVolumeMl: Number(label.vialVolumeMl),
  });
  const remainderUg = openedVialRemainderUg({ doseUg, vialUg });
  return {
    movement: toMovementDto(movement),
    openedVialRemainderMg: ugToMg(remainderUg),
    mustWasteRemainder: !label.isMultiDoseVial && remainderUg > BigInt(0),
  };
}
