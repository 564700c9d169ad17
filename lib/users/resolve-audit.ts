import 'server-only';
import type { AuditFn } from '@/lib/auth/actor-context';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';

/** Who is making a change to an account, and how to record it. */
export type UserWriteContext = {
  /** null for the CLI and seeds, which act without a signed-in user. */
  actorId: string | null;
  actorLabel?: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
  /** The guard's audit function (it fills actor, request id and IP); wins over the fields above. */
  audit?: AuditFn;
};

/**
 * Server actions and routes hand over the guard's `audit`; tests and scripts
 * call the lib directly, so fall back to recording with the given actor.
 */
export function resolveAudit(context: UserWriteContext): AuditFn {
  if (context.audit) return context.audit;
  return (tx, event) =>
    recordAuditEvent(tx, {
      ...event,
      actorId: context.actorId,
      actorLabel: event.actorLabel ?? context.actorLabel ?? null,
      requestId: context.requestId ?? null,
      ipAddress: context.ipAddress ?? null,
    });
}
