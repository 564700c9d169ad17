import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db';
import type { AuditEvent } from './events';
import { type ChainedEvent, type ChainPosition, eventHmac, nextChainPosition } from './audit-chain';
import { toJson } from './to-json';

/** One catalogued event (lib/audit/events.ts: the action fixes the entity type and payload) and who made it. */
export type AuditInput = AuditEvent & {
  actorId: string | null;
  actorLabel?: string | null;
  requestId?: string | null;
  ipAddress?: string | null;
};

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/**
 * What Prisma is handed for a Json column. Prisma walks a Json value element by element before
 * it serialises it, building a path object for each: ~45 MB of garbage for the ~100,000 ids of a
 * full candidate export's access-log entry. An array of plain values needs no such walk: behind
 * toJSON (Prisma's InputJsonValue accepts `{ toJSON() }` and writes what it returns) it is stored
 * exactly as before. Objects keep Prisma's own walk, which guards a `$type` key in user data.
 */
function forPrisma(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.every(isScalar) ? { toJSON: () => value } : value.map(forPrisma);
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, forPrisma(v)]));
}

/** The event as a row: the sealed content with its place in the chain. */
function toRow(content: ChainedContent, link: ChainPosition, hmac: string) {
  const before = forPrisma(content.before) as Prisma.InputJsonValue | undefined;
  const after = forPrisma(content.after) as Prisma.InputJsonValue | undefined;
  return { ...content, before, after, ...link, hmac };
}

// Events of a transaction opened through lib/db.ts's prisma.$transaction wait here and are
// sealed together just before it commits (flushAuditEvents). The chain lock is then the
// last lock such a transaction takes, and it holds it only while it appends its events, so
// it never waits on another transaction's rows while others wait on the chain. Sealed as
// soon as they were recorded, two enrolments of one candidate in two trials deadlocked:
// one held the chain (its allocation list's event) and waited on the other's enrolment
// row, which waited on the chain to seal its own event; PostgreSQL then killed one with a
// raw-query error (a 500) instead of the unique index's 409.
const pendingIn = new WeakMap<Tx, ChainedContent[]>();

type ChainedContent = Omit<ChainedEvent, 'seq' | 'prevHmac' | 'createdAt'> & {
  before: Prisma.InputJsonValue | undefined;
  after: Prisma.InputJsonValue | undefined;
};

// The last event each open transaction sealed, for a transaction that seals as it goes (one
// not opened through lib/db.ts: a script's own client). Once it has written one event it
// holds the chain lock until it commits, so nobody else can append: its next event goes
// right after the one it wrote, at the same now().
const lastSealedIn = new WeakMap<Tx, { seq: number; hmac: string; createdAt: Date }>();

/**
 * A client handed in by `prisma.$transaction(async (tx) => ...)`, which Prisma builds without
 * $connect (its TransactionClient type omits it). A root client passed as `tx` runs each
 * statement in a transaction of its own, so recordAuditEvent opens one for the event.
 */
function isInteractiveTransaction(tx: Tx): boolean {
  return typeof (tx as { $connect?: unknown }).$connect !== 'function';
}

/** lib/db.ts: this transaction's events wait for flushAuditEvents, which it calls before commit. */
export function deferAuditEvents(tx: Tx): void {
  pendingIn.set(tx, []);
}

/** Seals the transaction's waiting events into the chain, in the order they were recorded. */
export async function flushAuditEvents(tx: Tx): Promise<void> {
  const events = pendingIn.get(tx);
  pendingIn.delete(tx);
  if (!events || events.length === 0) return;
  const position = await nextChainPosition(tx);
  let prevHmac = position.prevHmac;
  const rows = events.map((content, index) => {
    const link = { seq: position.seq + index, prevHmac, createdAt: position.createdAt };
    const hmac = eventHmac({ ...link, ...content });
    prevHmac = hmac;
    return toRow(content, link, hmac);
  });
  await tx.auditEvent.createMany({ data: rows });
}

/**
 * Appends one audit event. Pass the transaction client of the write it describes, so both
 * commit or neither does. The database stamps the time (the transaction's start). In a
 * transaction opened through lib/db.ts the event is sealed into the tamper-evident chain
 * (lib/audit/audit-chain.ts) just before commit; elsewhere it is sealed now, and the
 * transaction holds the chain lock until it ends. Given a root client, the event gets a
 * transaction of its own.
 */
export async function recordAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  if (!isInteractiveTransaction(tx)) {
    // A root client runs each statement on its own: the chain lock would be released before the
    // insert, and a concurrent writer could link to the same head. Seal in a transaction of its own.
    const root = tx as unknown as { $transaction: (fn: (inner: Tx) => Promise<void>) => Promise<void> };
    return root.$transaction((inner) => recordAuditEvent(inner, input));
  }
  const content: ChainedContent = {
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
  const pending = pendingIn.get(tx);
  if (pending) {
    pending.push(content);
    return;
  }
  const sealed = lastSealedIn.get(tx);
  const position = sealed
    ? { seq: sealed.seq + 1, prevHmac: sealed.hmac, createdAt: sealed.createdAt }
    : await nextChainPosition(tx);
  const hmac = eventHmac({ ...position, ...content });
  await tx.auditEvent.create({ data: toRow(content, position, hmac) });
  lastSealedIn.set(tx, { seq: position.seq, hmac, createdAt: position.createdAt });
}
