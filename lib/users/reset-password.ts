import 'server-only';
import { hashPassword } from '@/lib/auth/password-hash';
import { assertPasswordPolicy } from '@/lib/auth/password-policy';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import { resetPasswordSchema } from '@/lib/validations/auth';
import { PUBLIC_USER_SELECT, type PublicUser } from './public-user';
import { resolveAudit, type UserWriteContext } from './resolve-audit';

type Options = UserWriteContext & { id: string; password: string; reason?: string | null };

/**
 * An admin sets a new password for a user. The policy is checked against the
 * stored email and name (not what a form claims), the lockout is cleared and
 * the session version bumped so anyone signed in with the old password is out.
 */
export async function resetPassword({ id, password, reason, ...context }: Options): Promise<PublicUser> {
  const target = await prisma.user.findUnique({ where: { id }, select: { email: true, name: true } });
  if (!target) throw new AppError('NOT_FOUND', 'This user does not exist.');

  const parsed = resetPasswordSchema.safeParse({ password });
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', undefined, { fields: zodFieldErrors(parsed.error) });
  assertPasswordPolicy(parsed.data.password, { email: target.email, name: target.name });

  const passwordHash = await hashPassword(parsed.data.password);
  const audit = resolveAudit(context);
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id }, select: { lockedUntil: true, failedSignInCount: true } });
    if (!before) throw new AppError('NOT_FOUND', 'This user does not exist.');
    const updated = await tx.user.update({
      where: { id },
      data: { passwordHash, failedSignInCount: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
      select: PUBLIC_USER_SELECT,
    });
    // Only the facts around the password go in the trail, never the password or its hash.
    await audit(tx, {
      action: 'user.password_reset',
      entityType: 'User',
      entityId: id,
      before: { lockedUntil: before.lockedUntil?.toISOString() ?? null, failedSignInCount: before.failedSignInCount },
      after: { lockedUntil: null, failedSignInCount: 0, sessionsEnded: true },
      reason: reason ?? null,
    });
    return updated;
  });
}
