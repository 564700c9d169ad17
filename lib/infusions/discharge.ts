import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { DischargeInput } from '@/lib/validations/infusions';
import type { WriteContext } from '@/lib/visits/types';
import { assertCheckedIn, loadInfusionVisit } from './load-infusion-visit';

export type DischargeResult = { visitId: string; status: 'COMPLETED'; completedAt: string; dischargedAt: string; wasAdministered: boolean; version: number };

/**
 * Discharge: the adult driver must be present (400 otherwise), and either the infusion is
 * recorded (with its stop time, which may be sent here) or a reason says why none was
 * given. The visit becomes COMPLETED. Audited `visit.discharge`.
 */
export async function discharge({ visitId, input, ctx, now = new Date() }: { visitId: string; input: DischargeInput; ctx: WriteContext; now?: Date }): Promise<DischargeResult> {
  return prisma.$transaction(async (tx) => {
    const { visit, administration } = await loadInfusionVisit(tx, visitId);
    assertCheckedIn(visit, 'discharge');
    if (!input.isDriverPresentAtDischarge) {
      throw new AppError('VALIDATION_FAILED', 'The participant can only be discharged to an adult driver.', {
        fields: { isDriverPresentAtDischarge: ['The participant can only be discharged to an adult driver.'] },
      });
    }
    if (!administration && !input.notAdministeredReason) {
      throw new AppError('VALIDATION_FAILED', 'No infusion is recorded for this visit; record it, or say why none was given.', {
        fields: { notAdministeredReason: ['No infusion is recorded for this visit; record it, or say why none was given.'] },
      });
    }
    if (administration && administration.stoppedAt === null) {
      if (!input.infusionStoppedAt) {
        throw new AppError('VALIDATION_FAILED', 'Record when the infusion stopped before discharge.', { fields: { infusionStoppedAt: ['Record when the infusion stopped before discharge.'] } });
      }
      const stoppedAt = new Date(input.infusionStoppedAt);
      if (stoppedAt <= administration.startedAt || stoppedAt.getTime() > now.getTime() + 5 * 60_000) {
        throw new AppError('VALIDATION_FAILED', undefined, { fields: { infusionStoppedAt: ['The stop time must be after the start and not in the future'] } });
      }
      await tx.infusionAdministration.update({ where: { id: administration.id }, data: { stoppedAt } });
      await ctx.audit(tx, { action: 'infusion.stop', entityType: 'InfusionAdministration', entityId: administration.id, before: { stoppedAt: null }, after: { stoppedAt: stoppedAt.toISOString() } });
    }
    const reason = administration ? null : input.notAdministeredReason!;
    const updated = await tx.visit.update({
      where: { id: visitId },
      data: {
        status: 'COMPLETED',
        completedAt: now,
        dischargedAt: now,
        isDriverPresentAtDischarge: true,
        ...(reason ? { statusReason: reason } : {}),
        version: { increment: 1 },
      },
    });
    await ctx.audit(tx, {
      action: 'visit.discharge',
      entityType: 'Visit',
      entityId: visitId,
      before: { status: visit.status },
      after: { status: 'COMPLETED', isDriverPresentAtDischarge: true, wasAdministered: administration !== null, completedAt: now.toISOString() },
      reason,
    });
    return { visitId, status: 'COMPLETED', completedAt: now.toISOString(), dischargedAt: now.toISOString(), wasAdministered: administration !== null, version: updated.version };
  });
}
