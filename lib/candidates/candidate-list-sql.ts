import { Prisma } from '@/lib/generated/prisma/client';
import { defaultSortDirection, type CandidateListQuery } from '@/lib/validations/candidates';
import { ACTIVE_CANDIDATE_COUNT_SQL } from './candidate-count';
import { TRIAL_LABEL_SQL } from './mappers';

// The candidate list as SQL: one query for the page (the page's coordinators and
// pipelines joined onto just those rows) and one for the total, both from the
// same filters. Kept apart from the Prisma client so the benchmark can run the
// very same statements straight through `pg` and compare.
//
// Every filter is an indexed predicate: the name/MRN search is ILIKE on the
// gin_trgm_ops indexes (one OR-group per word, so "ada test" finds "Ada
// Testwell"), trial and stage use PipelineEntry(trialId, stage), and each sort
// follows a b-tree index. The page is picked by id first (a CTE), so the join to
// User and the pipeline lookup run for the rows shown, never for the rows
// skipped by OFFSET. The partial indexes WHERE "voidedAt" IS NULL (migration
// 20261123114800_candidate_list_indexes) make filtered totals and deep OFFSETs
// index-only scans (see BENCHMARKS.md); the unfiltered total is a running count.

export type CandidateListFilters = Omit<CandidateListQuery, 'page' | 'pageSize'>;

/** The query without its paging: what both the page and the total (and the CSV export) filter and sort by. */
export function filtersOf(query: CandidateListQuery): CandidateListFilters {
  const filters: CandidateListFilters & { page?: number; pageSize?: number } = { ...query };
  delete filters.page;
  delete filters.pageSize;
  return filters;
}

export type CandidateListRow = {
  id: string;
  firstName: string;
  lastName: string;
  mrn: string;
  dateOfBirth: string;
  sex: string;
  phone: string | null;
  email: string | null;
  referralSource: string;
  referralDate: string;
  coordinatorId: string | null;
  coordinatorName: string | null;
  /** json_agg of { trialId, trialLabel, stage }; drivers may hand it over parsed or as text. */
  pipelines: unknown;
  /** The total, on every row when it comes with the page (`isTotalOnPage`). */
  listTotal?: number;
  /** How many running-count rows that total summed (lib/candidates/candidate-count.ts). */
  listDeltaRows?: number;
};

/** At most this many search words count; more would only slow the query down. */
const MAX_SEARCH_WORDS = 5;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Words of the search box, as ILIKE patterns ('%ada%'). */
export function searchPatterns(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS)
    .map((word) => `%${escapeLike(word)}%`);
}

function referralCutoff(today: string | undefined, days: number): string {
  if (today === undefined) throw new Error('The referral-age filter needs the clinic day.');
  const ms = Date.parse(`${today}T00:00:00Z`) - days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The FROM and WHERE of the filtered list, and whether nothing but "not voided" filters it.
 * `today` (the clinic day) is needed only for the referral-age filter.
 */
function fromAndWhere(
  filters: CandidateListFilters,
  today: string | undefined,
): { sql: Prisma.Sql; isUnfiltered: boolean } {
  const joinTrial = filters.trialId !== undefined;
  const conditions: Prisma.Sql[] = [Prisma.sql`c."voidedAt" IS NULL`];
  for (const pattern of searchPatterns(filters.q)) {
    conditions.push(
      Prisma.sql`(c."firstName" ILIKE ${pattern} OR c."lastName" ILIKE ${pattern} OR c.mrn ILIKE ${pattern})`,
    );
  }
  if (!joinTrial && filters.stage) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "PipelineEntry" pe WHERE pe."candidateId" = c.id AND pe.stage = ${filters.stage}::"PipelineStage")`,
    );
  }
  if (filters.coordinatorId === 'none') conditions.push(Prisma.sql`c."assignedCoordinatorId" IS NULL`);
  else if (filters.coordinatorId) conditions.push(Prisma.sql`c."assignedCoordinatorId" = ${filters.coordinatorId}`);
  if (filters.referralSource)
    conditions.push(Prisma.sql`c."referralSource" = ${filters.referralSource}::"ReferralSource"`);
  if (filters.referralAgeDays !== undefined)
    conditions.push(Prisma.sql`c."referralDate" <= ${referralCutoff(today, filters.referralAgeDays)}::date`);

  const join = joinTrial
    ? Prisma.sql`JOIN "PipelineEntry" pe ON pe."candidateId" = c.id AND pe."trialId" = ${filters.trialId}${
        filters.stage ? Prisma.sql` AND pe.stage = ${filters.stage}::"PipelineStage"` : Prisma.empty
      }`
    : Prisma.empty;
  return {
    sql: Prisma.sql`FROM "Candidate" c ${join} WHERE ${Prisma.join(conditions, ' AND ')}`,
    isUnfiltered: !joinTrial && conditions.length === 1,
  };
}

function orderBy(filters: CandidateListFilters, stageColumn: string): Prisma.Sql {
  const dir = (filters.dir ?? defaultSortDirection(filters.sort)) === 'desc' ? 'DESC' : 'ASC';
  switch (filters.sort) {
    case 'lastName':
      return Prisma.raw(`c."lastName" ${dir}, c."firstName" ${dir}, c.id ${dir}`);
    case 'referralDate':
      return Prisma.raw(`c."referralDate" ${dir}, c.id ${dir}`);
    case 'createdAt':
      return Prisma.raw(`c."createdAt" ${dir}, c.id ${dir}`);
    case 'dateOfBirth':
      return Prisma.raw(`c."dateOfBirth" ${dir}, c.id ${dir}`);
    case 'stage':
      // Enum order is pipeline order (REFERRED first, the exits last).
      return Prisma.raw(`${stageColumn} ${dir}, c."lastName" ASC, c."firstName" ASC, c.id ASC`);
  }
}

/**
 * The page of rows (limit/offset) and the total, for the given filters and sort. When
 * `isTotalOnPage`, every row of `page` carries the total and `count` is needed only when
 * the page is empty; otherwise both run.
 */
export function buildCandidateListSql({
  filters,
  today,
  limit,
  offset,
}: {
  filters: CandidateListFilters;
  /** The clinic day; needed only when filtering by referral age. */
  today: string | undefined;
  limit: number;
  offset: number;
}) {
  const { sql: from, isUnfiltered } = fromAndWhere(filters, today);
  const sortsByStage = filters.sort === 'stage' && filters.trialId !== undefined;
  // Unfiltered (the list everybody opens), the total is the triggers' running count, not a
  // count of ~100,000 index entries per request (lib/candidates/candidate-count.ts), and it
  // comes with the page: one statement, so one round trip and one snapshot for both.
  const total = isUnfiltered
    ? {
        columns: Prisma.sql`, total.total AS "listTotal", total."deltaRows" AS "listDeltaRows"`,
        join: Prisma.sql`CROSS JOIN (${ACTIVE_CANDIDATE_COUNT_SQL}) AS total`,
      }
    : { columns: Prisma.empty, join: Prisma.empty };
  const page = Prisma.sql`
WITH page AS (
  SELECT c.id${sortsByStage ? Prisma.sql`, pe.stage AS "sortStage"` : Prisma.empty}
  ${from}
  ORDER BY ${orderBy(filters, 'pe.stage')}
  LIMIT ${limit} OFFSET ${offset}
)
SELECT c.id, c."firstName", c."lastName", c.mrn,
  to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", c.sex::text AS sex, c.phone, c.email,
  c."referralSource"::text AS "referralSource", to_char(c."referralDate", 'YYYY-MM-DD') AS "referralDate",
  u.id AS "coordinatorId", u.name AS "coordinatorName",
  COALESCE((
    SELECT json_agg(json_build_object('trialId', p."trialId", 'trialLabel', ${Prisma.raw(TRIAL_LABEL_SQL)}, 'stage', p.stage) ORDER BY p."createdAt", p.id)
    FROM "PipelineEntry" p JOIN "Trial" t ON t.id = p."trialId"
    WHERE p."candidateId" = c.id
  ), '[]'::json) AS pipelines${total.columns}
FROM page
JOIN "Candidate" c ON c.id = page.id
LEFT JOIN "User" u ON u.id = c."assignedCoordinatorId"
${total.join}
ORDER BY ${orderBy(filters, 'page."sortStage"')}`;
  // With the total on the page, `count` is only for an empty page (past the end), which has no row to carry it.
  const count = isUnfiltered ? ACTIVE_CANDIDATE_COUNT_SQL : Prisma.sql`SELECT count(*)::int AS total ${from}`;
  return { page, count, isTotalOnPage: isUnfiltered };
}

/**
 * Every row for the given filters and sort, for the CSV export to stream through
 * a cursor, and the ids of those rows as one JSON array (its access-log entry). No page CTE: with
 * nothing skipped, the rows come straight off the sort's index in order, so the
 * cursor hands out the first batch at once instead of after a sort of the lot.
 */
export function buildCandidateExportSql({ filters, today }: { filters: CandidateListFilters; today: string }) {
  const { sql: from } = fromAndWhere(filters, today);
  const rows = Prisma.sql`
SELECT c.id, c."firstName", c."lastName", c.mrn,
  to_char(c."dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", c.sex::text AS sex, c.phone, c.email,
  c."referralSource"::text AS "referralSource", to_char(c."referralDate", 'YYYY-MM-DD') AS "referralDate",
  c."assignedCoordinatorId" AS "coordinatorId",
  (SELECT u.name FROM "User" u WHERE u.id = c."assignedCoordinatorId") AS "coordinatorName",
  COALESCE((
    SELECT json_agg(json_build_object('trialId', p."trialId", 'trialLabel', ${Prisma.raw(TRIAL_LABEL_SQL)}, 'stage', p.stage) ORDER BY p."createdAt", p.id)
    FROM "PipelineEntry" p JOIN "Trial" t ON t.id = p."trialId"
    WHERE p."candidateId" = c.id
  ), '[]'::json) AS pipelines
${from}
ORDER BY ${orderBy(filters, 'pe.stage')}`;
  // One row holding every id, not a row per id: pg builds an object, a field array and a
  // message per row, ~100,000 of them for a full export, all alive until the event is written.
  const ids = Prisma.sql`SELECT COALESCE(json_agg(c.id), '[]'::json) AS ids ${from}`;
  return { rows, ids };
}
