import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { prisma } from '@/lib/db';
import { verifyAgainstDummy, verifyPassword } from './password-hash';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from './session-policy';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; sessionVersion: number } }
  | { ok: false };

type Options = { email: string; password: string; ipAddress?: string | null; requestId?: string | null };

/**
 * Checks a sign-in. Every failure looks the same to the caller (unknown email,
 * wrong password, locked or deactivated account), so the answer never reveals
 * whether an email exists. Five consecutive failures lock the account for 15 min.
 */
export async function attemptSignIn({ email, password, ipAddress, requestId }: Options): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const meta = { ipAddress: ipAddress ?? null, requestId: requestId ?? null };
  const user = await prisma.user.findUnique({ where: { email: normalized } });

  if (!user) {
    await verifyAgainstDummy(password);
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: null,
        actorLabel: normalized.slice(0, 200),
        action: 'auth.sign_in_failed',
        entityType: 'User',
        after: { reason: 'unknown_email' },
        ...meta,
      }),
    );
    return { ok: false };
  }

  const now = Date.now();
  const isLocked = user.lockedUntil !== null && user.lockedUntil.getTime() > now;
  const isPasswordRight = await verifyPassword(user.passwordHash, password);

  if (isLocked || !user.isActive) {
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: user.id,
        action: 'auth.sign_in_failed',
        entityType: 'User',
        entityId: user.id,
        after: { reason: isLocked ? 'locked' : 'inactive' },
        ...meta,
      }),
    );
    return { ok: false };
  }

  if (!isPasswordRight) {
    await prisma.$transaction(async (tx) => {
      // Increment in SQL so concurrent failures are all counted.
      const updated = await tx.user.update({ where: { id: user.id }, data: { failedSignInCount: { increment: 1 } } });
      await recordAuditEvent(tx, {
        actorId: user.id,
        action: 'auth.sign_in_failed',
        entityType: 'User',
        entityId: user.id,
        after: { reason: 'wrong_password', failedSignInCount: updated.failedSignInCount },
        ...meta,
      });
      if (updated.failedSignInCount >= MAX_FAILED_SIGN_INS) {
        const lockedUntil = new Date(now + LOCKOUT_MS);
        await tx.user.update({ where: { id: user.id }, data: { lockedUntil, failedSignInCount: 0 } });
        await recordAuditEvent(tx, {
          actorId: user.id,
          action: 'auth.locked_out',
          entityType: 'User',
          entityId: user.id,
          after: { lockedUntil: lockedUntil.toISOString() },
          ...meta,
        });
      }
    });
    return { ok: false };
  }

  await prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedSignInCount: 0, lockedUntil: null, lastSignInAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'auth.sign_in',
      entityType: 'User',
      entityId: user.id,
      ...meta,
    });
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
