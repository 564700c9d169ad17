import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { prisma, type Tx } from '@/lib/db';
import type { RequestContext } from './request-context';

export type SessionEndReason = 'sign_out' | 'tablet_mode';

/** Marks a session ended inside the caller's transaction; false when it already was. */
export async function revokeSession(tx: Tx, sessionId: string, reason: SessionEndReason): Promise<boolean> {
  const ended = await tx.session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(), revokedReason: reason },
  });
  return ended.count === 1;
}

/**
 * Revokes a session server-side, so a copy of its cookie is refused from now on, and
 * audits the sign-out. Ending an already-ended session changes and records nothing.
 */
export async function endSession({
  sessionId,
  userId,
  reason,
  request,
}: {
  sessionId: string;
  userId: string;
  reason: SessionEndReason;
  request: Pick<RequestContext, 'requestId' | 'ipAddress'> | null;
}): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const owned = await tx.session.count({ where: { id: sessionId, userId } });
    if (owned === 0 || !(await revokeSession(tx, sessionId, reason))) return false;
    await recordAuditEvent(tx, {
      actorId: userId,
      action: 'auth.sign_out',
      entityType: 'User',
      entityId: userId,
      after: { reason },
      requestId: request?.requestId ?? null,
      ipAddress: request?.ipAddress ?? null,
    });
    return true;
  });
}
