import type { Prisma } from '@/lib/generated/prisma/client';
import { ugToMg } from './policy';

export type LotDto = {
  id: string;
  drug: string;
  ndc: string;
  lotNumber: string;
  expiresOn: string;
  concentrationMgPerMl: number;
  vialVolumeMl: number;
  vialsReceived: number;
  isMultiDoseVial: boolean;
  receivedOn: string;
  receivedMg: number;
  onHandMg: number;
  isExpired: boolean;
  receivedBy: { id: string; name: string };
};

type LotRow = Prisma.DrugLotGetPayload<{ include: { receivedBy: { select: { id: true; name: true } } } }>;

const day = (value: Date) => value.toISOString().slice(0, 10);

export function toLotDto(row: LotRow, options: { receivedUg: bigint; today: string }): LotDto {
  const expiresOn = day(row.expiresOn);
  return {
    id: row.id,
    drug: row.drug,
    ndc: row.ndc,
    lotNumber: row.lotNumber,
    expiresOn,
    concentrationMgPerMl: Number(row.concentrationMgPerMl),
    vialVolumeMl: Number(row.vialVolumeMl),
    vialsReceived: row.vialsReceived,
    isMultiDoseVial: row.isMultiDoseVial,
    receivedOn: day(row.receivedOn),
    receivedMg: ugToMg(options.receivedUg),
    onHandMg: ugToMg(row.onHandUg),
    isExpired: options.today > expiresOn,
    receivedBy: row.receivedBy,
  };
}
