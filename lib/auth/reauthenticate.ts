import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { clearFailedPasswords, isLocked, recordFailedPassword } from './lockout';
import { verifyPassword } from './password-hash';

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
 * lockout as sign-in (and a lock ends the signer's sessions); a locked or
 * deactivated account cannot sign. Returns the signer's name as it is recorded
 * on the signature.
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
  if (isLocked(user)) {
    throw new AppError('FORBIDDEN', 'The account is locked after too many failed attempts. Try again later.');
  }
  if (await verifyPassword(user.passwordHash, password)) {
    if (user.failedSignInCount > 0) await clearFailedPasswords(user.id);
    return { signerName: user.name };
  }
  await recordFailedPassword(user.id, {
    action: 'auth.signature_failed',
    reason: 'wrong_password',
    detail: { purpose },
    endSessionsOnLock: true,
    requestId,
    ipAddress,
  });
  throw new AppError('FORBIDDEN', 'The password is not correct. The signature was not recorded.', {
    fields: { password: ['The password is not correct.'] },
  });
}
