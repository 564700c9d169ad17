import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { MEASUREMENT_INCLUDE, toMeasurementDto } from './measurement-row';
import type { MeasurementDto, ScreeningContext } from './types';

/**
 * Voids a measurement entered in error: the row stays (clinical rows are never
 * deleted) with when and why, and eligibility checks run after this ignore it.
 * Checks saved earlier keep the value in their input snapshot. 409 when it is
 * already voided.
 */
export async function voidMeasurement({
  id,
  reason,
  ctx,
}: {
  id: string;
  reason: string;
  ctx: ScreeningContext;
}): Promise<MeasurementDto> {
  const why = reason.trim();
  if (!why)
    throw new AppError('VALIDATION_FAILED', 'Say why this value is voided.', {
      fields: { reason: ['Say why this value is voided.'] },
    });
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM "Measurement" WHERE id = ${id} FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND', 'This measurement does not exist.');
    const before = await tx.measurement.findUniqueOrThrow({ where: { id } });
    if (before.voidedAt) throw new AppError('CONFLICT', 'This measurement is already voided.');
    const row = await tx.measurement.update({
      where: { id },
      data: { voidedAt: new Date(), voidReason: why },
      include: MEASUREMENT_INCLUDE,
    });
    await ctx.audit(tx, {
      action: 'measurement.void',
      entityType: 'Measurement',
      entityId: id,
      before: {
        candidateId: before.candidateId,
        code: before.code,
        valueNum: before.valueNum,
        valueBool: before.valueBool,
        voidedAt: null,
      },
      after: { voidedAt: row.voidedAt?.toISOString(), voidReason: why },
      reason: why,
    });
    return toMeasurementDto(row);
  });
}
