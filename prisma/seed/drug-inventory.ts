import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db';
import { lotTotalUg } from '@/lib/drug-inventory/policy';

export type LotSpec = {
  drug?: string;
  ndc?: string;
  lotNumber?: string;
  expiresOn?: string;
  concentrationMgPerMl?: number;
  vialVolumeMl?: number;
  vialsReceived?: number;
  isMultiDoseVial?: boolean;
  receivedOn?: string;
  receivedById: string;
};

let counter = 0;

/**
 * Factory: a received lot with its RECEIPT movement, audited as the app does. Defaults
 * are a fictional ketamine lot of 10 multi-dose vials of 50 mg/mL × 10 mL (5,000 mg).
 * The NDC defaults to a made-up labeler code (99999) so it can never match a real product.
 */
export async function createDrugLot(db: Db, spec: LotSpec) {
  counter += 1;
  const label = {
    concentrationMgPerMl: spec.concentrationMgPerMl ?? 50,
    vialVolumeMl: spec.vialVolumeMl ?? 10,
    vialsReceived: spec.vialsReceived ?? 10,
  };
  const totalUg = lotTotalUg(label);
  const unique = `${Date.now().toString(36)}${counter}`.toUpperCase();
  return db.$transaction(async (tx) => {
    const lot = await tx.drugLot.create({
      data: {
        drug: spec.drug ?? 'Ketamine hydrochloride',
        ndc: spec.ndc ?? `99999-${String(counter % 1000).padStart(3, '0')}-${String(counter % 100).padStart(2, '0')}`,
        lotNumber: spec.lotNumber ?? `FIC-${unique}`,
        expiresOn: new Date(`${spec.expiresOn ?? '2099-12-31'}T00:00:00.000Z`),
        ...label,
        isMultiDoseVial: spec.isMultiDoseVial ?? true,
        receivedOn: new Date(`${spec.receivedOn ?? '2026-11-02'}T00:00:00.000Z`),
        onHandUg: totalUg,
        receivedById: spec.receivedById,
      },
    });
    const movement = await tx.drugMovement.create({
      data: { lotId: lot.id, kind: 'RECEIPT', changeUg: totalUg, balanceAfterUg: totalUg, actorId: spec.receivedById },
    });
    await recordAuditEvent(tx, {
      actorId: spec.receivedById,
      action: 'drug.lot_receive',
      entityType: 'DrugLot',
      entityId: lot.id,
      after: { lotNumber: lot.lotNumber, movementId: movement.id },
    });
    return lot;
  });
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Demo stock: two fictional ketamine lots (labeler code 99999 is not a real NDC labeler),
 * one of multi-dose 50 mg/mL vials and one of single-dose 10 mg/mL vials. Skipped when
 * any lot exists, so a restarted demo keeps its record.
 */
export async function seedDemoDrugLots(db: Db, options: { receivedById: string; today: Date }) {
  if ((await db.drugLot.count()) > 0) return;
  const receivedOn = isoDay(new Date(options.today.getTime() - 20 * 86_400_000));
  const inYears = (years: number) => `${options.today.getUTCFullYear() + years}-06-30`;
  await createDrugLot(db, {
    receivedById: options.receivedById,
    ndc: '99999-050-10',
    lotNumber: 'DEMO-KET-5010',
    concentrationMgPerMl: 50,
    vialVolumeMl: 10,
    vialsReceived: 20,
    isMultiDoseVial: true,
    receivedOn,
    expiresOn: inYears(2),
  });
  await createDrugLot(db, {
    receivedById: options.receivedById,
    ndc: '99999-010-20',
    lotNumber: 'DEMO-KET-1020',
    concentrationMgPerMl: 10,
    vialVolumeMl: 20,
    vialsReceived: 10,
    isMultiDoseVial: false,
    receivedOn,
    expiresOn: inYears(1),
  });
}
