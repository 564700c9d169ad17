import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { prisma, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from './session-policy';

// The one home of the account lockout: who is locked, and what a failed password
// (or second-factor code) does to the count. Sign-in and the e-signature
// re-entry both count toward it.

export type LockState = { lockedUntil: Date | null };

/** A lock that has expired is no lock. */
export function isLocked(user: LockState, now: Date = new Date()): boolean {
  return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
}

/** The end of the lock still in force, or null. */
export function activeLockUntil(user: LockState, now: Date = new Date()): Date | null {
  return isLocked(user, now) ? user.lockedUntil : null;
}

export type FailureMeta = {
  /** What failed, kept on the audit event: 'wrong_password', 'wrong_code', 'signature'… */
  reason: string;
  /** The audit action for the failure itself. */
  action: 'auth.sign_in_failed' | 'auth.signature_failed';
  /** Extra fields for the failure's audit event (e.g. the signature's purpose). */
  detail?: Record<string, unknown>;
  /** Also end the user's sessions when this failure locks the account. */
  endSessionsOnLock?: boolean;
  ipAddress?: string | null;
  requestId?: string | null;
};

export type FailureResult = { failedSignInCount: number; lockedUntil: Date | null; isNewLock: boolean };

/**
 * Counts one failed attempt and locks the account at MAX_FAILED_SIGN_INS.
 *
 * While a lock is in force nothing is counted and the lock is never moved: a
 * stranger who knows the email can keep failing, but the owner is back in
 * LOCKOUT_MS after the lock began. Both updates are single conditional SQL
 * statements, so parallel failures neither lose counts nor re-lock.
 */
export async function recordFailedPassword(
  userId: string,
  meta: FailureMeta,
  now = new Date(),
): Promise<FailureResult> {
  const audit = { requestId: meta.requestId ?? null, ipAddress: meta.ipAddress ?? null };
  return prisma.$transaction(async (tx) => {
    const counted = await tx.$queryRaw<Array<{ failedSignInCount: number }>>(Prisma.sql`
      UPDATE "User" SET "failedSignInCount" = "failedSignInCount" + 1, "updatedAt" = ${now}
      WHERE id = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      RETURNING "failedSignInCount"`);
    if (counted.length === 0) {
      const row = await tx.user.findUnique({ where: { id: userId }, select: { lockedUntil: true } });
      await recordAuditEvent(tx, {
        actorId: userId,
        action: meta.action,
        entityType: 'User',
        entityId: userId,
        after: { reason: 'locked', attempted: meta.reason, ...meta.detail },
        ...audit,
      });
      return { failedSignInCount: 0, lockedUntil: row?.lockedUntil ?? null, isNewLock: false };
    }
    const failedSignInCount = counted[0].failedSignInCount;
    await recordAuditEvent(tx, {
      actorId: userId,
      action: meta.action,
      entityType: 'User',
      entityId: userId,
      after: { reason: meta.reason, failedSignInCount, ...meta.detail },
      ...audit,
    });
    if (failedSignInCount < MAX_FAILED_SIGN_INS) return { failedSignInCount, lockedUntil: null, isNewLock: false };

    const lockedUntil = new Date(now.getTime() + LOCKOUT_MS);
    const locked = await tx.$queryRaw<Array<{ id: string }>>(Prisma.sql`
      UPDATE "User" SET "lockedUntil" = ${lockedUntil}, "failedSignInCount" = 0, "updatedAt" = ${now}
        ${meta.endSessionsOnLock ? Prisma.sql`, "sessionVersion" = "sessionVersion" + 1` : Prisma.empty}
      WHERE id = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      RETURNING id`);
    if (locked.length === 0) return { failedSignInCount, lockedUntil: null, isNewLock: false };
    await recordAuditEvent(tx, {
      actorId: userId,
      action: 'auth.locked_out',
      entityType: 'User',
      entityId: userId,
      after: { lockedUntil: lockedUntil.toISOString(), ...meta.detail },
      ...audit,
    });
    return { failedSignInCount: 0, lockedUntil, isNewLock: true };
  });
}

/** A success ends the run of failures (they must be consecutive) and clears an expired lock. */
export async function clearFailedPasswords(
  userId: string,
  extra: Prisma.UserUpdateInput = {},
  db: Tx | typeof prisma = prisma,
): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { failedSignInCount: 0, lockedUntil: null, ...extra } });
}
