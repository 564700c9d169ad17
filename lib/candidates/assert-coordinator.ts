import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

/** A candidate's assigned coordinator must be an active coordinator account. */
export async function assertAssignableCoordinator({ tx, userId }: { tx: Tx; userId: string }): Promise<void> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, isActive: true } });
  if (!user || !user.isActive || user.role !== 'COORDINATOR') {
    throw new AppError('VALIDATION_FAILED', undefined, {
      fields: { assignedCoordinatorId: ['Choose an active study coordinator.'] },
    });
  }
}
