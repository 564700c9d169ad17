import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db';
import type { AuditEvent } from './events';
import { eventHmac, nextChainPosition } from './audit-chain';

/** One catalogued event (lib/audit/events.ts: the action fixes the entity type and payload) and who made it. */
export type AuditInput = AuditEvent & {
  actorId: string | null;
  actorLabel?: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
};

// Never store secrets in the trail, whatever a caller passes in.
const REDACTED_KEYS = new Set(['password', 'passwordHash', 'currentPassword', 'newPassword']);

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) => (REDACTED_KEYS.has(key) ? '[redacted]' : v)),
  ) as Prisma.InputJsonValue;
}

// The last event each open transaction sealed. Once a transaction has written one event it
// holds the chain lock until it commits, so nobody else can append: its next event goes
// right after the one it wrote, at the same now(). Taking the lock and reading the head
// again cost two round trips per event, which the batched list-read log (record-list-read.ts)
// paid for every event of a batch while every reader waited.
const lastSealedIn = new WeakMap<Tx, { seq: number; hmac: string; createdAt: Date }>();

/**
 * A client handed in by `prisma.$transaction(async (tx) => ...)`, which Prisma builds without
 * $connect (its TransactionClient type omits it). A root client passed as `tx` runs each
 * statement in a transaction of its own, so the lock is gone after each event: never cached.
 */
function isInteractiveTransaction(tx: Tx): boolean {
  return typeof (tx as { $connect?: unknown }).$connect !== 'function';
}

/**
 * Appends one audit event. Pass the transaction client of the write it
 * describes, so both commit or neither does. The database stamps the time; the
 * event is sealed into the tamper-evident chain (lib/audit/audit-chain.ts), whose
 * lock the transaction then holds until it commits.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  const content = {
    actorId: input.actorId,
    actorLabel: input.actorLabel ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toJson(input.before),
    after: toJson(input.after),
    reason: input.reason ?? null,
    requestId: input.requestId ?? null,
    ipAddress: input.ipAddress ?? null,
  };
  const sealed = lastSealedIn.get(tx);
  const position = sealed
    ? { seq: sealed.seq + 1, prevHmac: sealed.hmac, createdAt: sealed.createdAt }
    : await nextChainPosition(tx);
  const hmac = eventHmac({ ...position, ...content });
  await tx.auditEvent.create({ data: { ...content, ...position, hmac } });
  if (isInteractiveTransaction(tx)) lastSealedIn.set(tx, { seq: position.seq, hmac, createdAt: position.createdAt });
}
