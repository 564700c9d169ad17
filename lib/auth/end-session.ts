import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { prisma } from '@/lib/db';
import type { RequestContext } from './request-context';

export type SessionEndReason = 'sign_out';

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
    const ended = await tx.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: new Date(), revokedReason: reason },
    });
    if (ended.count === 0) return false;
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
