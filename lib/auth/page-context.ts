import 'server-only';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { ActorContext, AuditFn } from './actor-context';
import type { CurrentUser } from './current-user';
import type { RequestContext } from './request-context';
import { getRequestContext } from './request-context';

/**
 * The guard context for a server-component page, after requirePageUser() has
 * already checked the permission: the same shape defineRoute/defineAction hand
 * to lib functions, so a page read (e.g. a PHI view) is audited exactly like
 * the API's, with the actor, request id and IP address filled in.
 */
export async function getPageContext(
  user: CurrentUser,
): Promise<ActorContext & { user: CurrentUser; request: RequestContext }> {
  const request = await getRequestContext();
  const audit: AuditFn = (tx, event) =>
    recordAuditEvent(tx, { ...event, actorId: user.id, requestId: request.requestId, ipAddress: request.ipAddress });
  return { user, request, audit };
}
