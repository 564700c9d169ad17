import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { verifyPassword } from './password-hash';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from './session-policy';

type Options = {
  userId: string;
  password: string;
  purpose: string;
  requestId?: string | null;
  ipAddress?: string | null;
};

/**
 * The password re-entry behind every e-signature (eligibility decisions, dose
 * verification). A wrong password answers 403 and counts toward the same
 * lockout as sign-in; a locked or deactivated account cannot sign. Returns the
 * signer's name as it is recorded on the signature.
 */
export async function reauthenticate({
  userId,
  password,
  purpose,
  requestId,
  ipAddress,
}: Options): Promise<{ signerName: string }> {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || !user.isActive) throw new AppError('FORBIDDEN', 'This account cannot sign.');
  const now = Date.now();
  if (user.lockedUntil && user.lockedUntil.getTime() > now) {
    throw new AppError('FORBIDDEN', 'The account is locked after too many failed attempts. Try again later.');
  }
  if (await verifyPassword(user.passwordHash, password)) {
    if (user.failedSignInCount > 0)
      await prisma.user.update({ where: { id: user.id }, data: { failedSignInCount: 0 } });
    return { signerName: user.name };
  }
  const meta = { requestId: requestId ?? null, ipAddress: ipAddress ?? null };
  await prisma.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { failedSignInCount: { increment: 1 } } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'auth.signature_failed',
      entityType: 'User',
      entityId: user.id,
      after: { purpose, failedSignInCount: updated.failedSignInCount },
      ...meta,
    });
    if (updated.failedSignInCount >= MAX_FAILED_SIGN_INS) {
      const lockedUntil = new Date(now + LOCKOUT_MS);
      await tx.user.update({
        where: { id: user.id },
        data: { lockedUntil, failedSignInCount: 0, sessionVersion: { increment: 1 } },
      });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: 'auth.locked_out',
        entityType: 'User',
        entityId: user.id,
        after: { lockedUntil: new Date(now + LOCKOUT_MS).toISOString(), purpose },
        ...meta,
      });
    }
  });
  throw new AppError('FORBIDDEN', 'The password is not correct. The signature was not recorded.', {
    fields: { password: ['The password is not correct.'] },
  });
}
