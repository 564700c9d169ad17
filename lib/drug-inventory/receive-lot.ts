import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import type { ReceiveLotInput } from '@/lib/validations/drug-inventory';
import { applyMovement, toMovementDto } from './apply-movement';
import { drugRecordToday } from './clinic-day';
import { lotTotalUg } from './policy';
import { toLotDto, type LotDto } from './types';

const RECEIVED_BY = { receivedBy: { select: { id: true, name: true } } } as const;

/**
 * Receives a lot: the lot row and its RECEIPT movement (every vial's labelled content)
 * in one transaction, audited `drug.lot_receive`. A lot number already received for the
 * same NDC is refused (409): a second delivery of one lot is unusual enough to check.
 */
export async function receiveLot(options: { input: ReceiveLotInput; ctx: ActorContext }): Promise<LotDto> {
  const { input, ctx } = options;
  const totalUg = lotTotalUg(input);
  try {
    return await prisma.$transaction(async (tx) => {
      const today = await drugRecordToday({ db: tx });
      if (input.receivedOn > today) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          fields: { receivedOn: ['The receipt date cannot be in the future'] },
        });
      }
      const row = await tx.drugLot.create({
        data: {
          drug: input.drug,
          ndc: input.ndc,
          lotNumber: input.lotNumber,
          expiresOn: new Date(`${input.expiresOn}T00:00:00.000Z`),
          concentrationMgPerMl: input.concentrationMgPerMl,
          vialVolumeMl: input.vialVolumeMl,
          vialsReceived: input.vialsReceived,
          isMultiDoseVial: input.isMultiDoseVial,
          receivedOn: new Date(`${input.receivedOn}T00:00:00.000Z`),
          onHandUg: BigInt(0),
          receivedById: ctx.user.id,
        },
        include: RECEIVED_BY,
      });
      const lot = {
        id: row.id,
        onHandUg: BigInt(0),
        expiresOn: row.expiresOn,
        drug: row.drug,
        lotNumber: row.lotNumber,
      };
      const movement = await applyMovement({ tx, lot, kind: 'RECEIPT', changeUg: totalUg, actorId: ctx.user.id });
      const dto = toLotDto({ ...row, onHandUg: totalUg }, { receivedUg: totalUg, today });
      await ctx.audit(tx, {
        action: 'drug.lot_receive',
        entityType: 'DrugLot',
        entityId: row.id,
        after: { lot: dto, movement: toMovementDto(movement) },
      });
      return dto;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', `Lot ${input.lotNumber} of NDC ${input.ndc} has already been received.`, {
        fields: { lotNumber: ['This lot has already been received for this NDC'] },
      });
    }
    throw error;
  }
}
