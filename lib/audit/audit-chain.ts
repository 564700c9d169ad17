import { canonicalJson } from '@/lib/auth/content-hash';
import { keyedHmac } from './audit-key';

// The tamper-evident chain of the audit trail. Every event carries
// hmac = HMAC(AUDIT_KEY, content + seq + prevHmac), where prevHmac is the hmac of the
// event before it, and seq counts 1, 2, 3, ... without gaps. Changing an event breaks
// its own hmac, removing one leaves a gap in seq (or a broken link), and inserting one
// needs the key. Ordering is safe under concurrent writers: the next seq and prevHmac
// are read under a transaction-scoped advisory lock held until the transaction ends, so
// the writers take turns and a rolled-back transaction leaves no gap.

/** pg_advisory_xact_lock(classid, objid): arbitrary constants that only the chain uses. */
export const AUDIT_CHAIN_LOCK = [0x7464, 0x0a0d17] as const;

/**
 * The columns an hmac covers, as stored (JSON already normalised, time as the database
 * keeps it). Not the row id: seq is the event's identity in the chain, and the id stays
 * Prisma's cuid, whose order existing readers rely on.
 */
export type ChainedEvent = {
  seq: number;
  prevHmac: string;
  createdAt: Date;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  requestId: string | null;
  ipAddress: string | null;
};

export function eventHmac(event: ChainedEvent): string {
  return keyedHmac(
    'audit-chain',
    canonicalJson({
      v: 1,
      seq: event.seq,
      prevHmac: event.prevHmac,
      createdAt: event.createdAt,
      actorId: event.actorId,
      actorLabel: event.actorLabel,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before ?? null,
      after: event.after ?? null,
      reason: event.reason,
      requestId: event.requestId,
      ipAddress: event.ipAddress,
    }),
  );
}

type ChainTx = { $queryRaw: <T>(query: TemplateStringsArray, ...values: unknown[]) => Promise<T> };

export type ChainPosition = { seq: number; prevHmac: string; createdAt: Date };

/**
 * Takes the chain lock for the rest of the transaction and returns where the next
 * event goes: its seq, the hmac it links to, and the time the database will stamp
 * on it (now() is the transaction's start, rounded as the timestamptz(3) column rounds).
 */
export async function nextChainPosition(tx: ChainTx): Promise<ChainPosition> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK[0]}::int, ${AUDIT_CHAIN_LOCK[1]}::int)::text AS locked`;
  const [row] = await tx.$queryRaw<{ now: Date; seq: number | null; hmac: string | null }[]>`
    SELECT now()::timestamptz(3) AS "now", last."seq", last."hmac"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT "seq", "hmac" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1) AS last ON true`;
  return {
    seq: (row.seq ?? 0) + 1,
    // The first sealed event links to "": nothing, or only events from before the chain.
    prevHmac: row.hmac ?? '',
    createdAt: row.now,
  };
}
