import type { PoolConfig } from 'pg';

// How long TrialDesk waits on PostgreSQL before giving up. Without these a pool
// with warm connections to a database that stopped answering held requests for
// more than 40 s; with them a request fails within a few seconds, and the API
// answers 503 (lib/errors/database-unavailable.ts).
const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

export function poolOptions(env: Record<string, string | undefined> = process.env): PoolConfig {
  // The slowest statement the app runs (the 10,000-candidate pre-screen load) takes about 2 s.
  const statementTimeout = positiveInt(env.DATABASE_STATEMENT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS);
  return {
    connectionString: env.DATABASE_URL,
    max: Number(env.DATABASE_POOL_SIZE ?? 10),
    /** Opening a connection. */
    connectionTimeoutMillis: 3_000,
    /** Server side: PostgreSQL cancels a statement that runs longer (SQLSTATE 57014). */
    statement_timeout: statementTimeout,
    /** Client side: pg gives up on a reply that never comes (a hung server or a dead network path). */
    query_timeout: statementTimeout + 1_000,
    /** A transaction left open (e.g. a crashed request) releases its locks. */
    idle_in_transaction_session_timeout: 15_000,
    /** Idle pooled connections are closed, so a restarted database is reconnected to cleanly. */
    idleTimeoutMillis: 30_000,
    // TCP keepalive notices a peer that vanished without closing the connection.
    keepAlive: true,
  };
}
