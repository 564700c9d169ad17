import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { MEASUREMENT_INCLUDE, toMeasurementDto } from './measurement-row';
import type { MeasurementDto } from './types';

/**
 * A candidate's screening measurements, newest first (by day measured, then
 * entry), voided ones included and flagged. The read is logged
 * (`measurement.view`) like every view of a candidate's record.
 */
export async function listMeasurements({
  candidateId,
  ctx,
}: {
  candidateId: string;
  ctx: ActorContext;
}): Promise<MeasurementDto[]> {
  return prisma.$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { voidedAt: true } });
    if (!candidate || candidate.voidedAt) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
    const rows = await tx.measurement.findMany({
      where: { candidateId },
      include: MEASUREMENT_INCLUDE,
      orderBy: [{ measuredOn: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    });
    await ctx.audit(tx, { action: 'measurement.view', entityType: 'Candidate', entityId: candidateId });
    return rows.map(toMeasurementDto);
  });
}
