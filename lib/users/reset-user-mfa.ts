import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { resolveAudit, type UserWriteContext } from './resolve-audit';

/**
 * An administrator turns a user's two-factor sign-in off (a lost phone): the
 * secret and recovery codes are removed and the user's sessions end. If their
 * role requires a second factor they are sent to set up a new one at next sign-in.
 */
export async function resetUserMfa({
  id,
  reason,
  ...context
}: UserWriteContext & { id: string; reason?: string | null }): Promise<{ id: string; mfaEnabled: false }> {
  const audit = resolveAudit(context);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { mfaEnabledAt: true } });
    if (!before) throw new AppError('NOT_FOUND', 'This user does not exist.');
    await tx.user.update({
      where: { id },
      data: {
        mfaSecretEnc: null,
        mfaPendingSecretEnc: null,
        mfaEnabledAt: null,
        mfaLastUsedStep: null,
        sessionVersion: { increment: 1 },
      },
    });
    const removed = await tx.mfaRecoveryCode.deleteMany({ where: { userId: id } });
    await audit(tx, {
      action: 'user.mfa_reset',
      entityType: 'User',
      entityId: id,
      before: { mfaEnabledAt: before.mfaEnabledAt?.toISOString() ?? null, recoveryCodes: removed.count },
      after: { mfaEnabledAt: null, sessionsEnded: true },
      reason: reason ?? null,
    });
    return { id, mfaEnabled: false as const };
  });
}
