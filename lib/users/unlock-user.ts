import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { PUBLIC_USER_SELECT, type PublicUser } from './public-user';
import { resolveAudit, type UserWriteContext } from './resolve-audit';

/** Lifts a sign-in lockout early and resets the failed-attempt counter. */
export async function unlockUser({
  id,
  reason,
  ...context
}: UserWriteContext & { id: string; reason?: string | null }): Promise<PublicUser> {
  const audit = resolveAudit(context);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { lockedUntil: true, failedSignInCount: true } });
    if (!before) throw new AppError('NOT_FOUND', 'This user does not exist.');
    const updated = await tx.user.update({
      where: { id },
      data: { lockedUntil: null, failedSignInCount: 0 },
      select: PUBLIC_USER_SELECT,
    });
    await audit(tx, {
      action: 'user.unlock',
      entityType: 'User',
      entityId: id,
      before: { lockedUntil: before.lockedUntil?.toISOString() ?? null, failedSignInCount: before.failedSignInCount },
      after: { lockedUntil: null, failedSignInCount: 0 },
      reason: reason ?? null,
    });
    return updated;
  });
}
