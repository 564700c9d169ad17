import 'server-only';
import pg from 'pg';
import { poolOptions } from '@/lib/db-pool-options';

// Long reads streamed to a client (the candidate CSV export) run on a pool of
// their own: a server-side cursor holds its connection for the whole download,
// and must not take connections from the pool every page and API call shares.
// A statement here is one FETCH of a batch, so the shared statement timeout
// still applies to each step, never to the whole download.
const STREAM_POOL_SIZE = 4;
/** A slow download may pause between batches (the browser applies backpressure). */
const STREAM_IDLE_TIMEOUT = '120s';

const globalForStream = globalThis as unknown as { streamPool?: pg.Pool };

function streamPool(): pg.Pool {
  globalForStream.streamPool ??= new pg.Pool({ ...poolOptions(), max: STREAM_POOL_SIZE });
  return globalForStream.streamPool;
}

/**
 * The rows of a finished query, detached from pg's Result. A finished Result is still pointed at
 * from pg's query plumbing once that has reached V8's old generation (dead, but only a full
 * mark-compact frees it), so every young-generation scavenge found the batch's rows alive, copied
 * them and then promoted them. Measured on 100,000 synthetic rows in batches of 2,000 (plain Node
 * and pg): 65% of what was parsed survived each scavenge, 20 MB were promoted; with the rows
 * detached, 0.1 MB. A batch now dies young once its consumer lets go of it (decision 0047).
 */
function takeRows<Row>(result: pg.QueryResult): Row[] {
  const rows = result.rows as Row[];
  result.rows = [];
  return rows;
}

export type SqlStatement = { text: string; values: readonly unknown[] };

export type Snapshot = {
  /** One statement, read in the snapshot. */
  query: <Row>(sql: SqlStatement) => Promise<Row[]>;
  /** The rows of `sql` in batches of `batchSize`, through a server-side cursor, in the same snapshot. Ends the snapshot when done. */
  stream: <Row>(sql: SqlStatement, batchSize: number) => AsyncGenerator<Row[]>;
  /** Ends the snapshot and hands the connection back; safe to call more than once. */
  close: () => Promise<void>;
};

/**
 * A read-only REPEATABLE READ transaction: every statement sees the database as
 * it was at the first one, so what a caller counts or logs first is exactly
 * what it streams afterwards. The caller must `close()` it (the stream closes it
 * when it finishes, or when the consumer stops early).
 */
export async function openSnapshot(): Promise<Snapshot> {
  const client = await streamPool().connect();
  let isOpen = true;
  const close = async () => {
    if (!isOpen) return;
    isOpen = false;
    try {
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      // A connection that failed mid-transaction is not handed back to the pool.
      client.release(error instanceof Error ? error : true);
    }
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = '${STREAM_IDLE_TIMEOUT}'`);
    // A whole-table read looks expensive to the planner, which then JIT-compiles it: hundreds of
    // milliseconds of compiling for a plan that is a plain index walk.
    await client.query('SET LOCAL jit = off');
  } catch (error) {
    isOpen = false;
    client.release(error instanceof Error ? error : true);
    throw error;
  }

  async function query<Row>(sql: SqlStatement): Promise<Row[]> {
    return takeRows<Row>(await client.query(sql.text, sql.values as unknown[]));
  }

  async function* stream<Row>(sql: SqlStatement, batchSize: number): AsyncGenerator<Row[]> {
    try {
      await client.query(`DECLARE rows_out NO SCROLL CURSOR FOR ${sql.text}`, sql.values as unknown[]);
      while (true) {
        const result = await client.query(`FETCH ${Math.trunc(batchSize)} FROM rows_out`);
        const count = result.rows.length;
        if (count === 0) return;
        // Handed over, not kept: while the consumer works and the download waits on the socket,
        // this generator holds only the count, so the batch can die as soon as the consumer is done.
        yield takeRows<Row>(result);
        if (count < batchSize) return;
      }
    } finally {
      await close();
    }
  }

  return { query, stream, close };
}
