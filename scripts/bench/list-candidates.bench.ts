import pg from 'pg';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { AuditFn } from '@/lib/auth/actor-context';
import { buildCandidateListSql, filtersOf } from '@/lib/candidates/candidate-list-sql';
import { listCandidates } from '@/lib/candidates/list-candidates';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { candidateListQuerySchema } from '@/lib/validations/candidates';
import { summarize, timeOnce } from './stats.mjs';
import type { BenchContext, BenchRow } from './types';

// The candidate list "through the API" — the route's own steps: the query
// string through candidateListQuerySchema, then listCandidates (Prisma, the pg
// driver adapter, DTO mapping) — beside the very same two SQL statements sent
// straight through `pg`, run side by side exactly as listCandidates runs them.

const TARGET_P95_MS = 50;

// The route logs every list read (candidate.list), so the bench does too.
const audit: AuditFn = (tx, event) => recordAuditEvent(tx, { ...event, actorId: null, actorLabel: 'bench' });
const MAX_RATIO = 2;

export async function run({ runs, warmup, log }: BenchContext): Promise<BenchRow[]> {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  try {
    const sample = await pool.query<{ firstName: string; lastName: string; mrn: string }>(
      `SELECT "firstName", "lastName", mrn FROM "Candidate" WHERE id = 'bench-c-004242'`,
    );
    const { lastName, mrn } = sample.rows[0];
    const scenarios: Array<{ name: string; params: Record<string, string> }> = [
      { name: 'First page (25, newest referrals first)', params: {} },
      {
        name: 'Filtered + sorted (trial, stage, source; by last name)',
        params: {
          trialId: 'bench-trial-1',
          stage: 'CONTACTED',
          referralSource: 'PROVIDER',
          sort: 'lastName',
          dir: 'asc',
        },
      },
      { name: `Name search (q=${lastName})`, params: { q: lastName } },
      { name: `MRN search (q=${mrn.slice(-6)})`, params: { q: mrn.slice(-6) } },
      { name: 'Page 2,000 (offset 49,975)', params: { page: '2000' } },
    ];

    const rows: BenchRow[] = [];
    for (const scenario of scenarios) {
      const query = candidateListQuerySchema.parse(scenario.params);
      const { page, pageSize } = query;
      const sql = buildCandidateListSql({
        filters: filtersOf(query),
        today: (await getClinicClock()).today(),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      const api = async () => listCandidates(candidateListQuerySchema.parse(scenario.params), { ctx: { audit } });
      // What listCandidates sends: unfiltered, the total comes with the page.
      const direct = async () =>
        sql.isTotalOnPage
          ? pool.query(sql.page.text, sql.page.values as unknown[])
          : Promise.all([
              pool.query(sql.page.text, sql.page.values as unknown[]),
              pool.query(sql.count.text, sql.count.values as unknown[]),
            ]);

      const first = await api();
      for (let i = 0; i < warmup; i += 1) {
        await api();
        await direct();
      }
      const apiSamples: number[] = [];
      const directSamples: number[] = [];
      // Alternate the two so drift on a shared machine hits both alike.
      for (let i = 0; i < runs; i += 1) {
        apiSamples.push(await timeOnce(api));
        directSamples.push(await timeOnce(direct));
      }
      const apiStats = summarize(apiSamples);
      const directStats = summarize(directSamples);
      const pass = apiStats.p95 <= TARGET_P95_MS && apiStats.p95 <= MAX_RATIO * directStats.p95;
      log(
        `  ${scenario.name}: API p50 ${apiStats.p50.toFixed(1)} / p95 ${apiStats.p95.toFixed(1)} ms; pg p50 ${directStats.p50.toFixed(1)} / p95 ${directStats.p95.toFixed(1)} ms`,
      );
      rows.push({
        scenario: scenario.name,
        runs,
        p50: apiStats.p50,
        p95: apiStats.p95,
        directP50: directStats.p50,
        directP95: directStats.p95,
        note: `${first.items.length} rows of ${first.total.toLocaleString('en-US')}`,
        target: `p95 ≤ ${TARGET_P95_MS} ms and ≤ ${MAX_RATIO}× pg`,
        pass,
      });
    }
    return rows;
  } finally {
    await pool.end();
    await prisma.$disconnect();
  }
}
