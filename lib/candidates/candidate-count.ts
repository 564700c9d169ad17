import { Prisma } from '@/lib/generated/prisma/client';

// The number of active (not voided) candidates, kept by the triggers on "Candidate"
// (migration 20261204203551_candidate_active_count, decision 0046): each statement that
// changes it appends its net change to "CandidateCountDelta" in its own transaction, so
// the sum of the deltas a snapshot sees is exactly the count of the active rows it sees.

/** The total, and how many delta rows it summed ("deltaRows": compact when there are many). */
export const ACTIVE_CANDIDATE_COUNT_SQL = Prisma.sql`
SELECT COALESCE(sum("delta"), 0)::int AS total, count(*)::int AS "deltaRows" FROM "CandidateCountDelta"`;

/**
 * Past this many rows the sum is folded into one row. Each candidate created or voided
 * adds one; summing a few hundred rows still costs next to nothing, and folding that
 * seldom keeps the write off the list's path.
 */
export const COMPACT_AFTER_ROWS = 256;

/**
 * Folds the deltas this statement sees into one row of their sum, in one statement (so
 * atomically: a reader sees the rows before or the one row after, both the same sum).
 * Exact under concurrency in READ COMMITTED: deltas committed after its snapshot are not
 * deleted and stay; a row another compaction deleted first is skipped (not returned by
 * RETURNING), so each delta is moved once. Nothing deleted, nothing inserted.
 */
export const COMPACT_CANDIDATE_COUNT_SQL = Prisma.sql`
WITH folded AS (DELETE FROM "CandidateCountDelta" RETURNING "delta")
INSERT INTO "CandidateCountDelta" ("delta")
SELECT sum("delta") FROM folded HAVING count(*) > 0`;

type RawDb = { $executeRaw: (query: Prisma.Sql) => Promise<number> };

/** Compacts the deltas; returns how many rows were written (0 or 1). */
export function compactCandidateCount(db: RawDb): Promise<number> {
  return db.$executeRaw(COMPACT_CANDIDATE_COUNT_SQL);
}
