import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVE_CANDIDATE_COUNT_SQL, COMPACT_CANDIDATE_COUNT_SQL } from '@/lib/candidates/candidate-count';
import { buildCandidateListSql, filtersOf } from '@/lib/candidates/candidate-list-sql';
import { listCandidates } from '@/lib/candidates/list-candidates';
import { contextFor } from '@/lib/candidates/test-support';
import { candidateListQuerySchema } from '@/lib/validations/candidates';
import { createUser } from '@/prisma/seed/users';
import { databaseBeforeMigration } from '@/tests/helpers/migration-database';
import { createScratchDatabase } from '@/tests/helpers/scratch-database';
import { getTestPrisma } from '@/tests/helpers/test-db';

// The running count of active candidates (migration 20261204203551_candidate_active_count):
// in every snapshot, sum("delta") must equal count(*) of the candidates not voided, whatever
// inserts, voids, un-voids, deletes, rollbacks and compactions ran side by side. A database
// of its own, so the numbers are exact (other files add candidates to the shared one).

type Scratch = Awaited<ReturnType<typeof createScratchDatabase>>;
let scratch: Scratch;
let pool: pg.Pool;
let serial = 0;

beforeAll(async () => {
  scratch = await createScratchDatabase('candidate_count');
  // The app's role and privileges: the triggers run as whoever writes the candidate.
  pool = new pg.Pool({ connectionString: scratch.appUrl, max: 6 });
});

afterAll(async () => {
  await pool?.end();
  await scratch?.drop();
});

/** The running total and the exact count, read in one snapshot. */
async function snapshot(): Promise<{ total: number; exact: number; deltaRows: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const running = await client.query<{ total: number; deltaRows: number }>(
      ACTIVE_CANDIDATE_COUNT_SQL.text,
      ACTIVE_CANDIDATE_COUNT_SQL.values as unknown[],
    );
    const exact = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM "Candidate" WHERE "voidedAt" IS NULL',
    );
    await client.query('COMMIT');
    return { total: running.rows[0].total, exact: exact.rows[0].n, deltaRows: running.rows[0].deltaRows };
  } finally {
    client.release();
  }
}

/** `count` rows in one INSERT statement, `voided` of them already voided. */
function insertSql(count: number, voided: number): { text: string; values: unknown[] } {
  const start = serial;
  serial += count;
  return {
    text: `INSERT INTO "Candidate"(id, "firstName", "lastName", "dateOfBirth", sex, mrn, "referralSource", "referralDate", "updatedAt", "voidedAt")
           SELECT 'cc' || i, 'Testina', 'Countwell' || i, '1980-01-01', 'FEMALE', 'CNT-' || i, 'SELF', '2026-01-01', now(),
                  CASE WHEN i - $1 < $3 THEN now() END
           FROM generate_series($1::int, $2::int) i`,
    values: [start, start + count - 1, voided],
  };
}

type Step =
  | { kind: 'insert'; count: number; voided: number }
  | { kind: 'void'; count: number }
  | { kind: 'unvoid'; count: number }
  | { kind: 'delete'; count: number }
  | { kind: 'touch'; count: number };

function stepSql(step: Step): { text: string; values: unknown[] } {
  const pick = (where: string) => `SELECT id FROM "Candidate" WHERE ${where} ORDER BY random() LIMIT $1`;
  switch (step.kind) {
    case 'insert':
      return insertSql(step.count, step.voided);
    case 'void':
      return {
        text: `UPDATE "Candidate" SET "voidedAt" = now() WHERE id IN (${pick('"voidedAt" IS NULL')})`,
        values: [step.count],
      };
    case 'unvoid':
      return {
        text: `UPDATE "Candidate" SET "voidedAt" = NULL WHERE id IN (${pick('"voidedAt" IS NOT NULL')})`,
        values: [step.count],
      };
    case 'delete':
      return { text: `DELETE FROM "Candidate" WHERE id IN (${pick('true')})`, values: [step.count] };
    case 'touch':
      // An update that changes nothing the count depends on (voided rows stay voided).
      return { text: `UPDATE "Candidate" SET notes = 'seen' WHERE id IN (${pick('true')})`, values: [step.count] };
  }
}

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc
    .record({ count: fc.integer({ min: 1, max: 6 }), voided: fc.integer({ min: 0, max: 6 }) })
    .map(({ count, voided }) => ({ kind: 'insert' as const, count, voided: Math.min(voided, count) })),
  fc.record({ kind: fc.constant('void' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('unvoid' as const), count: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('touch' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

/** A transaction of a few statements that commits or rolls back; or a compaction. */
type Batch = { steps: Step[]; commit: boolean } | 'compact';

const batchArb: fc.Arbitrary<Batch> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ steps: fc.array(stepArb, { minLength: 1, maxLength: 4 }), commit: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant('compact' as const) },
);

/** Errors two writers of the same rows may get; the batch then rolls back, which the count must survive too. */
const CONFLICTS = new Set(['40P01', '40001']);

async function runBatch(batch: Batch) {
  const client = await pool.connect();
  try {
    if (batch === 'compact') {
      await client.query(COMPACT_CANDIDATE_COUNT_SQL.text, COMPACT_CANDIDATE_COUNT_SQL.values as unknown[]);
      return;
    }
    await client.query('BEGIN');
    try {
      for (const step of batch.steps) {
        const sql = stepSql(step);
        await client.query(sql.text, sql.values);
      }
      await client.query(batch.commit ? 'COMMIT' : 'ROLLBACK');
    } catch (error) {
      await client.query('ROLLBACK');
      if (!CONFLICTS.has((error as { code?: string }).code ?? '')) throw error;
    }
  } finally {
    client.release();
  }
}

describe('the running count of active candidates', () => {
  it('is exact in every snapshot while writers, rollbacks and compactions run side by side', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 4, maxLength: 24 }), async (batches) => {
        // Readers check the invariant while the batches run, five at a time.
        let isRunning = true;
        const seen: Array<{ total: number; exact: number }> = [];
        const reader = (async () => {
          while (isRunning) seen.push(await snapshot());
        })();
        const queue = [...batches];
        await Promise.all(
          Array.from({ length: 4 }, async () => {
            for (let batch = queue.shift(); batch !== undefined; batch = queue.shift()) await runBatch(batch);
          }),
        );
        isRunning = false;
        await reader;
        for (const read of seen) expect(read.total).toBe(read.exact);
        const after = await snapshot();
        expect(after.total).toBe(after.exact);
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('compacting folds every delta into one row of the same sum', async () => {
    for (let i = 0; i < 5; i += 1) {
      const sql = insertSql(2, i % 2);
      await pool.query(sql.text, sql.values);
    }
    const before = await snapshot();
    expect(before.deltaRows).toBeGreaterThan(1);
    await pool.query(COMPACT_CANDIDATE_COUNT_SQL.text, COMPACT_CANDIDATE_COUNT_SQL.values as unknown[]);
    const after = await snapshot();
    expect(after).toEqual({ total: before.exact, exact: before.exact, deltaRows: 1 });
  });

  it('two compactions at once still leave the exact sum', async () => {
    for (let i = 0; i < 6; i += 1) {
      const sql = insertSql(1, 0);
      await pool.query(sql.text, sql.values);
    }
    const compact = () => pool.query(COMPACT_CANDIDATE_COUNT_SQL.text, COMPACT_CANDIDATE_COUNT_SQL.values as unknown[]);
    await Promise.all([compact(), compact(), compact()]);
    const after = await snapshot();
    expect(after.total).toBe(after.exact);
    expect(after.deltaRows).toBeLessThanOrEqual(3);
  });

  it('is what the unfiltered candidate list reports, on every row of its page; a filtered list still counts', async () => {
    const listSql = (input: Record<string, string>, offset = 0) =>
      buildCandidateListSql({
        filters: filtersOf(candidateListQuerySchema.parse(input)),
        today: undefined,
        limit: 25,
        offset,
      });
    const run = <T>(sql: { text: string; values: unknown[] }) =>
      pool.query<T & pg.QueryResultRow>(sql.text, sql.values);
    const unfiltered = listSql({});
    const pastTheEnd = listSql({}, 1_000_000);
    const filtered = listSql({ q: 'Countwell' });
    expect(unfiltered.isTotalOnPage).toBe(true);
    expect(filtered.isTotalOnPage).toBe(false);
    const [page, empty, runningAlone, counted, exact] = await Promise.all([
      run<{ listTotal: number }>(unfiltered.page),
      run<{ listTotal: number }>(pastTheEnd.page),
      run<{ total: number }>(pastTheEnd.count),
      run<{ total: number }>(filtered.count),
      pool.query<{ n: number }>('SELECT count(*)::int AS n FROM "Candidate" WHERE "voidedAt" IS NULL'),
    ]);
    const n = exact.rows[0].n;
    expect(page.rows.length).toBe(Math.min(25, n));
    for (const row of page.rows) expect(row.listTotal).toBe(n);
    expect(empty.rows).toEqual([]);
    expect(runningAlone.rows[0].total).toBe(n);
    expect(counted.rows[0].total).toBe(n);
  });

  it('starts again from nothing when the candidates are truncated', async () => {
    // TRUNCATE ... CASCADE reaches append-only tables whose triggers refuse it: lifted by
    // the owner inside a transaction that is rolled back.
    const { owner } = scratch;
    const read = async () =>
      (
        await owner.query(
          'SELECT COALESCE(sum("delta"), 0)::int AS total, count(*)::int AS rows FROM "CandidateCountDelta"',
        )
      ).rows[0];
    await owner.query('BEGIN');
    try {
      await owner.query('ALTER TABLE "DrugMovement" DISABLE TRIGGER drug_movement_no_truncate');
      await owner.query('ALTER TABLE "ConsentDocument" DISABLE TRIGGER consent_document_no_truncate');
      await owner.query('TRUNCATE "Candidate" CASCADE');
      expect(await read()).toEqual({ total: 0, rows: 0 });
      const sql = insertSql(3, 1);
      await owner.query(sql.text, sql.values);
      expect(await read()).toEqual({ total: 2, rows: 1 });
    } finally {
      await owner.query('ROLLBACK');
    }
    const after = await snapshot();
    expect(after.total).toBe(after.exact);
    expect(after.exact).toBeGreaterThan(2);
  });
});

describe('migration candidate_active_count over existing candidates', () => {
  const database = databaseBeforeMigration('candidate_active_count');
  let client: pg.Client;

  beforeAll(async () => {
    client = await database.open();
    await client.query(`
      INSERT INTO "Candidate"(id, "firstName", "lastName", "dateOfBirth", sex, mrn, "referralSource", "referralDate", "updatedAt", "voidedAt")
        SELECT 'm' || i, 'Testina', 'Notarealperson' || i, '1980-01-01', 'FEMALE', 'MIG-' || i, 'SELF', '2026-01-01', now(),
               CASE WHEN i <= 2 THEN now() END
        FROM generate_series(1, 7) i`);
    await database.applyMigration();
  });

  afterAll(() => database.drop());

  it('starts the running count at the candidates already there, voided ones left out', async () => {
    const { rows } = await client.query('SELECT sum("delta")::int AS total FROM "CandidateCountDelta"');
    expect(rows[0].total).toBe(5);
    await client.query(`UPDATE "Candidate" SET "voidedAt" = now() WHERE id = 'm7'`);
    const after = await client.query('SELECT sum("delta")::int AS total FROM "CandidateCountDelta"');
    expect(after.rows[0].total).toBe(4);
  });
});

describe('listCandidates without filters (the shared test database)', () => {
  const prisma = getTestPrisma();
  const exactCount = () => prisma.candidate.count({ where: { voidedAt: null } });

  /** The list's total, read while nobody else changed the count (other files write beside this one). */
  async function quietTotal(page: number) {
    const user = await createUser(prisma, { role: 'COORDINATOR' });
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const before = await exactCount();
      const result = await listCandidates(candidateListQuerySchema.parse({ page: String(page) }), {
        ctx: contextFor(user),
      });
      if ((await exactCount()) === before) return { result, exact: before };
    }
    throw new Error('The candidate count never held still for one list read.');
  }

  it('reports the exact total with the first page, and past the last page too', async () => {
    await prisma.candidate.create({
      data: {
        firstName: 'Testina',
        lastName: 'Totalwell',
        dateOfBirth: new Date('1980-01-01'),
        sex: 'FEMALE',
        mrn: `TOT-${crypto.randomUUID()}`,
        referralSource: 'SELF',
        referralDate: new Date('2026-01-01'),
      },
    });
    const first = await quietTotal(1);
    expect(first.result.items.length).toBeGreaterThan(0);
    expect(first.result.total).toBe(first.exact);
    const beyond = await quietTotal(100_000);
    expect(beyond.result.items).toEqual([]);
    expect(beyond.result.total).toBe(beyond.exact);
  });
});
