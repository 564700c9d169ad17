import 'server-only';
import { type ListReadContext, recordListRead } from '@/lib/audit/record-list-read';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import type { CandidateListQuery } from '@/lib/validations/candidates';
import { compactCandidateCountWhenLong } from './compact-candidate-count';
import { buildCandidateListSql, filtersOf, type CandidateListRow } from './candidate-list-sql';
import { toListItem } from './to-list-item';
import type { CandidateListResult } from './types';

/**
 * One page of the candidate list with the total for the same filters: two
 * queries, run side by side; unfiltered, one (the running count of
 * lib/candidates/candidate-count.ts comes with the page). Voided candidates are left out. `query` must
 * already have passed candidateListQuerySchema (sort fields are whitelisted there).
 * The read is logged (`candidate.list`, with the ids on the page and the search).
 */
export async function listCandidates(
  query: CandidateListQuery,
  options: { ctx: ListReadContext; now?: Date; today?: string },
): Promise<CandidateListResult> {
  const { page, pageSize } = query;
  // "Due today" and ages follow the clinic settings' calendar (decision 0039); a page that already
  // read the clock passes its day. Only the referral-age filter needs the day, so the unfiltered
  // list (the one everybody opens) skips the settings read.
  const today =
    options.today ??
    (query.referralAgeDays === undefined
      ? undefined
      : (await getClinicClock({ now: () => options.now ?? new Date() })).today());
  const sql = buildCandidateListSql({
    filters: filtersOf(query),
    today,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const { rows, total, deltaRows } = await readPageAndTotal(sql);
  compactCandidateCountWhenLong(deltaRows);
  const items = rows.map(toListItem);
  await recordListRead(options.ctx, {
    action: 'candidate.list',
    entityType: 'Candidate',
    ids: items.map((item) => item.id),
    query: { ...query },
  });
  return { items, total, page, pageSize };
}

type CountRow = { total: number; deltaRows?: number };

/** The page and its total: one statement when the total comes with the page, else two side by side. */
async function readPageAndTotal(sql: ReturnType<typeof buildCandidateListSql>) {
  if (!sql.isTotalOnPage) {
    const [rows, counted] = await Promise.all([
      prisma.$queryRaw<CandidateListRow[]>(sql.page),
      prisma.$queryRaw<CountRow[]>(sql.count),
    ]);
    return { rows, total: Number(counted[0]?.total ?? 0), deltaRows: 0 };
  }
  const rows = await prisma.$queryRaw<CandidateListRow[]>(sql.page);
  const [counted] = rows[0]
    ? [{ total: rows[0].listTotal, deltaRows: rows[0].listDeltaRows }]
    : await prisma.$queryRaw<CountRow[]>(sql.count);
  return { rows, total: Number(counted?.total ?? 0), deltaRows: Number(counted?.deltaRows ?? 0) };
}
