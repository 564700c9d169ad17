import 'server-only';
import { prisma } from '@/lib/db';
import type { CandidateListQuery } from '@/lib/validations/candidates';
import { buildCandidateListSql, filtersOf, type CandidateListRow } from './candidate-list-sql';
import { clinicToday } from './mappers';
import { toListItem } from './to-list-item';
import type { CandidateListResult } from './types';

/**
 * One page of the candidate list with the total for the same filters: two
 * queries, run side by side. Voided candidates are left out. `query` must
 * already have passed candidateListQuerySchema (sort fields are whitelisted there).
 */
export async function listCandidates(
  query: CandidateListQuery,
  options: { now?: Date } = {},
): Promise<CandidateListResult> {
  const { page, pageSize } = query;
  const sql = buildCandidateListSql({
    filters: filtersOf(query),
    today: clinicToday(options.now),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const [rows, counted] = await Promise.all([
    prisma.$queryRaw<CandidateListRow[]>(sql.page),
    prisma.$queryRaw<Array<{ total: number }>>(sql.count),
  ]);
  return { items: rows.map(toListItem), total: Number(counted[0]?.total ?? 0), page, pageSize };
}
