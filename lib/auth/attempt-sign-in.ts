import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { prisma } from '@/lib/db';
import { clearFailedPasswords, isLocked, recordFailedPassword } from './lockout';
import { verifySecondFactor } from './mfa/verify-second-factor';
import { verifyAgainstDummy, verifyPassword } from './password-hash';
import { checkSignInThrottle, recordSignInFailureFromIp } from './sign-in-throttle';

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: string; sessionVersion: number } }
  | { ok: false; retryAfterSeconds?: number };

type Options = {
  email: string;
  password: string;
  /** The second factor (TOTP or a recovery code); required once the user has turned it on. */
  code?: string | null;
  ipAddress?: string | null;
  requestId?: string | null;
};

/**
 * Checks a sign-in. Every failure looks the same to the caller (unknown email,
 * wrong password, wrong or missing second-factor code, locked or deactivated
 * account), so the answer never reveals whether an email exists or has two-factor
 * sign-in. A wrong code counts like a wrong password toward the account lockout
 * (lib/auth/lockout.ts); every failure counts toward the per-address limit
 * (lib/auth/sign-in-throttle.ts), which refuses before any password is checked.
 */
export async function attemptSignIn({ email, password, code, ipAddress, requestId }: Options): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const meta = { ipAddress: ipAddress ?? null, requestId: requestId ?? null };
  const throttle = await checkSignInThrottle(meta.ipAddress);
  if (throttle.isThrottled) return { ok: false, retryAfterSeconds: throttle.retryAfterSeconds };

  const user = await prisma.user.findUnique({ where: { email: normalized } });
  if (!user) {
    await verifyAgainstDummy(password);
    await recordSignInFailureFromIp(meta.ipAddress);
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

  const isPasswordRight = await verifyPassword(user.passwordHash, password);
  const now = new Date();
  if (isLocked(user, now) || !user.isActive) {
    // Not counted: failing while locked never moves the lock (see recordFailedPassword).
    await recordSignInFailureFromIp(meta.ipAddress);
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: user.id,
        action: 'auth.sign_in_failed',
        entityType: 'User',
        entityId: user.id,
        after: { reason: user.isActive ? 'locked' : 'inactive' },
        ...meta,
      }),
    );
    return { ok: false };
  }

  const secondFactor = isPasswordRight && user.mfaEnabledAt ? await verifySecondFactor(user, code ?? '', now) : null;
  const failure = !isPasswordRight
    ? 'wrong_password'
    : user.mfaEnabledAt && !secondFactor
      ? code
        ? 'wrong_code'
        : 'missing_code'
      : null;
  if (failure) {
    await recordSignInFailureFromIp(meta.ipAddress);
    await recordFailedPassword(user.id, { action: 'auth.sign_in_failed', reason: failure, ...meta }, now);
    return { ok: false };
  }

  await prisma.$transaction(async (tx) => {
    await clearFailedPasswords(user.id, { lastSignInAt: now }, tx);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'auth.sign_in',
      entityType: 'User',
      entityId: user.id,
      after: secondFactor ? { secondFactor } : undefined,
      ...meta,
    });
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}
