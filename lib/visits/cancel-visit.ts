import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { toVisitDto } from './to-visit-dto';
import type { VisitDto } from './types';

/** Cancels a SCHEDULED visit with a reason; the chair is free again. Audited `visit.cancel`. */
export async function cancelVisit({
  visitId,
  input,
  ctx,
}: {
  visitId: string;
  input: { reason: string; version: number };
  ctx: ActorContext;
}): Promise<VisitDto> {
  return prisma.$transaction(async (tx) => {
    const visit = await tx.visit.findUnique({ where: { id: visitId } });
    if (!visit) throw new AppError('NOT_FOUND', 'This visit does not exist.');
    if (visit.version !== input.version)
      throw new AppError('CONFLICT', 'This visit was changed by someone else. Reload it and try again.', {
        details: { currentVersion: visit.version },
      });
    if (visit.status !== 'SCHEDULED')
      throw new AppError(
        'CONFLICT',
        `Only a scheduled visit can be cancelled; this one is ${visit.status.toLowerCase().replace('_', ' ')}.`,
      );
    const updated = await tx.visit.update({
      where: { id: visit.id },
      data: { status: 'CANCELLED', statusReason: input.reason, version: { increment: 1 } },
      include: { chair: { select: { name: true } } },
    });
    await ctx.audit(tx, {
      action: 'visit.cancel',
      entityType: 'Visit',
      entityId: visit.id,
      before: {
        status: visit.status,
        scheduledAt: visit.scheduledAt.toISOString(),
        chairId: visit.chairId,
        version: visit.version,
      },
      after: { status: 'CANCELLED', version: updated.version },
      reason: input.reason,
    });
    const settings = await getClinicSettings({ db: tx });
    return toVisitDto(updated, settings.timeZone);
  });
}
