import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { isUniqueViolation } from '@/lib/candidates/unique-violation';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { ChairPatchInput } from '@/lib/validations/infusions';
import type { Chair } from '@/lib/validations/scheduling';

export type UpdateChairResult = Chair & {
  /** When the chair is taken out of service: its future booked visits, which must be moved. */
  affectedVisitIds: string[];
};

/**
 * Admin: renames a chair or takes it out of (or back into) service. Chairs are never
 * deleted: past visits point at them. Audited `chair.rename`, `chair.deactivate` or `chair.activate`.
 */
export async function updateChair({
  id,
  input,
  ctx,
}: {
  id: string;
  input: ChairPatchInput;
  ctx: ActorContext;
}): Promise<UpdateChairResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.chair.findUnique({ where: { id } });
      if (!before) throw new AppError('NOT_FOUND', 'This chair does not exist.');
      const chair = await tx.chair.update({
        where: { id },
        data: { name: input.name ?? before.name, isActive: input.isActive ?? before.isActive },
      });
      const snapshot = (c: { name: string; isActive: boolean }) => ({ name: c.name, isActive: c.isActive });
      if (chair.name !== before.name) {
        await ctx.audit(tx, {
          action: 'chair.rename',
          entityType: 'Chair',
          entityId: id,
          before: { name: before.name },
          after: { name: chair.name },
        });
      }
      let affectedVisitIds: string[] = [];
      if (chair.isActive !== before.isActive) {
        if (!chair.isActive) {
          const future = await tx.visit.findMany({
            where: { chairId: id, status: 'SCHEDULED', scheduledAt: { gte: new Date() } },
            select: { id: true },
          });
          affectedVisitIds = future.map((visit) => visit.id);
        }
        await ctx.audit(tx, {
          action: chair.isActive ? 'chair.activate' : 'chair.deactivate',
          entityType: 'Chair',
          entityId: id,
          before: snapshot(before),
          after: { ...snapshot(chair), futureVisitsOnChair: affectedVisitIds.length },
        });
      }
      return { id: chair.id, name: chair.name, isActive: chair.isActive, affectedVisitIds };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'name'))
      throw new AppError('CONFLICT', 'A chair with this name already exists.', {
        fields: { name: ['A chair with this name already exists.'] },
      });
    throw error;
  }
}
