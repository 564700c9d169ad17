import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { toCsv } from '@/lib/csv/to-csv';
import { prisma } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors/app-error';
import { CANDIDATE_EXPORT_MAX_ROWS, type CandidateListQuery } from '@/lib/validations/candidates';
import { buildCandidateListSql, filtersOf, type CandidateListRow } from './candidate-list-sql';
import { clinicToday } from './mappers';
import { toListItem } from './to-list-item';

/** Rows fetched per query while streaming. */
const BATCH_SIZE = 2_000;

const COLUMNS = [
  'MRN',
  'Last name',
  'First name',
  'Date of birth',
  'Sex',
  'Phone',
  'Email',
  'Referral source',
  'Referral date',
  'Coordinator',
  'Trials and stages',
  'Candidate id',
] as const;

function toCells(row: CandidateListRow): string[] {
  const item = toListItem(row);
  return [
    item.mrn,
    item.lastName,
    item.firstName,
    item.dateOfBirth,
    item.sex,
    row.phone ?? '',
    row.email ?? '',
    item.referralSource,
    item.referralDate,
    item.coordinator?.name ?? '',
    item.pipelines.map((p) => `${p.trialLabel}: ${p.stage}`).join('; '),
    item.id,
  ];
}

export type CandidateCsvExport = { filename: string; rowCount: number; chunks: AsyncGenerator<string> };

/**
 * The filtered candidate list (same filters and sort as the list, every page) as
 * CSV, for download. Refuses more than 50,000 rows with a message saying so.
 * The export is a bulk read of PHI, so it is audited (`candidate.export`, with
 * the filters and row count) before any row leaves. Rows are produced in
 * batches as the consumer reads `chunks`, so the response can stream.
 */
export async function exportCandidatesCsv({
  query,
  ctx,
  now = new Date(),
}: {
  query: CandidateListQuery;
  ctx: ActorContext;
  now?: Date;
}): Promise<CandidateCsvExport> {
  const filters = filtersOf(query);
  const today = clinicToday(now);
  const { count } = buildCandidateListSql({ filters, today, limit: 1, offset: 0 });
  const [{ total }] = await prisma.$queryRaw<Array<{ total: number }>>(count);
  const rowCount = Number(total);
  if (rowCount > CANDIDATE_EXPORT_MAX_ROWS) {
    throw new AppError(
      'VALIDATION_FAILED',
      `This export would hold ${rowCount.toLocaleString('en-US')} candidates; one export holds at most ${CANDIDATE_EXPORT_MAX_ROWS.toLocaleString('en-US')}. Narrow the filters (trial, stage, coordinator, referral age) and export in parts.`,
      { details: { reason: 'EXPORT_TOO_LARGE', rowCount, maxRows: CANDIDATE_EXPORT_MAX_ROWS } },
    );
  }
  // The PHI access log names every exported record before any row leaves: the ids
  // are read with the same filters and order as the rows streamed below.
  const { page: allRows } = buildCandidateListSql({ filters, today, limit: rowCount, offset: 0 });
  const exported = await prisma.$queryRaw<Array<{ id: string }>>(
    Prisma.sql`SELECT listed.id FROM (${allRows}) AS listed`,
  );
  await prisma.$transaction((tx) =>
    ctx.audit(tx, {
      action: 'candidate.export',
      entityType: 'Candidate',
      after: { filters, rowCount, ids: exported.map((row) => row.id) },
    }),
  );

  async function* chunks(): AsyncGenerator<string> {
    yield `${toCsv([[...COLUMNS]])}\r\n`;
    for (let offset = 0; offset < rowCount; offset += BATCH_SIZE) {
      const sql = buildCandidateListSql({ filters, today, limit: Math.min(BATCH_SIZE, rowCount - offset), offset });
      const rows = await prisma.$queryRaw<CandidateListRow[]>(sql.page);
      if (rows.length === 0) return;
      yield `${toCsv(rows.map(toCells))}\r\n`;
    }
  }

  return { filename: `candidates-${today}.csv`, rowCount, chunks: chunks() };
}
