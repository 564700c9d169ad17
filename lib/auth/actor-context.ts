import type { AuditEvent } from '@/lib/audit/events';
import type { Tx } from '@/lib/db';
import type { Role } from './permissions';

/** Records one catalogued event (lib/audit/events.ts); the guard fills in the actor, request id and IP. */
export type AuditFn = (tx: Tx, event: AuditEvent) => Promise<void>;

/** Who acts. The guard hands the signed-in user (with email); tests and scripts may pass less. */
export type Actor = { id: string; name?: string; email?: string; role: Role };

/**
 * The one context every lib use case takes (in its options object, as `ctx`): who acts, how
 * their writes are audited, and the request's id and IP for e-signatures (password re-entry).
 * defineRoute/defineAction and getPageContext hand it over; tests build one by hand.
 */
export type ActorContext = {
  user: Actor;
  audit: AuditFn;
  request?: { requestId: string | null; ipAddress: string | null; pathname?: string | null };
};
