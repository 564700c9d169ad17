import pg from 'pg';
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
const AUDIT_CHAIN_LOCK = [0x7464, 0x0a0d17] as const;

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

type Head = { seq: number | null; hmac: string | null };

// A REPEATABLE READ or SERIALIZABLE transaction (the booking transactions) sees the data
// as of its first statement, so it may not see an event another writer committed while
// it waited for the lock. It reads the head through a connection of its own instead: under
// the lock nobody else can commit an event, so that read is exact. One connection is enough:
// only the lock holder uses it.
// Keyed by database name: the app has one, but tests run isolated databases beside it.
const headPools = new Map<string, pg.Pool>();

async function readHeadOutsideSnapshot(database: string): Promise<Head> {
  let pool = headPools.get(database);
  if (!pool) {
    const url = new URL(process.env.DATABASE_URL ?? '');
    url.pathname = `/${encodeURIComponent(database)}`;
    pool = new pg.Pool({ connectionString: url.toString(), max: 1, idleTimeoutMillis: 30_000 });
    // An idle connection the server drops (restart, dropped database) is replaced on next use;
    // unhandled, its error event would take the process down.
    pool.on('error', () => {});
    headPools.set(database, pool);
  }
  const { rows } = await pool.query<Head>('SELECT "seq", "hmac" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1');
  return rows[0] ?? { seq: null, hmac: null };
}

/**
 * Takes the chain lock for the rest of the transaction and returns where the next
 * event goes: its seq, the hmac it links to, and the time the database will stamp
 * on it (now() is the transaction's start, rounded as the timestamptz(3) column rounds).
 */
export async function nextChainPosition(tx: ChainTx): Promise<ChainPosition> {
  const [lock] = await tx.$queryRaw<{ isolation: string; database: string }[]>`
    SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK[0]}::int, ${AUDIT_CHAIN_LOCK[1]}::int)::text AS locked,
           current_setting('transaction_isolation') AS isolation, current_database() AS database`;
  const [row] = await tx.$queryRaw<Array<{ now: Date } & Head>>`
    SELECT now()::timestamptz(3) AS "now", last."seq", last."hmac"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT "seq", "hmac" FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1) AS last ON true`;
  // The transaction's own earlier events are not visible to another connection, so they win when present.
  const outside = lock.isolation === 'read committed' ? null : await readHeadOutsideSnapshot(lock.database);
  const head = outside && (outside.seq ?? 0) > (row.seq ?? 0) ? outside : row;
  return {
    seq: (head.seq ?? 0) + 1,
    // The first sealed event links to "": nothing, or only events from before the chain.
    prevHmac: head.hmac ?? '',
    createdAt: row.now,
  };
}
