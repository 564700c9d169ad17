import 'server-only';
import { getClinicClock } from '@/lib/clinic/clock';
import type { ActorContext } from '@/lib/auth/actor-context';
import { toCsv } from '@/lib/csv/to-csv';
import { PIPELINE_STAGE_LABELS } from '@/lib/dashboard/labels';
import { openSnapshot } from '@/lib/db-snapshot';
import { prisma } from '@/lib/db';
import { SEX_LABELS } from '@/lib/measures/vocabulary';
import type { CandidateListQuery } from '@/lib/validations/candidates';
import { buildCandidateExportSql, filtersOf, type CandidateListRow } from './candidate-list-sql';
import { REFERRAL_SOURCE_LABELS } from './labels';
import { toListItem } from './to-list-item';

/**
 * Rows per FETCH from the cursor. Small enough that a batch is parsed, turned into CSV and dropped
 * between two young-generation collections, so it dies young instead of being promoted to the old
 * generation (measured in the server: ~25-45 MB promoted per 100,000-row export at 500, ~70-85 MB
 * at 2,000); big enough that the ~200 round trips stay a small part of the download time.
 */
const BATCH_SIZE = 500;

// Labels for people, codes beside them for analysis: a spreadsheet reader sees
// "Self-referral", a script filters on SELF.
const COLUMNS = [
  'MRN',
  'Last name',
  'First name',
  'Date of birth',
  'Sex',
  'Sex code',
  'Phone',
  'Email',
  'Referral source',
  'Referral source code',
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
    SEX_LABELS[item.sex] ?? item.sex,
    item.sex,
    row.phone ?? '',
    row.email ?? '',
    REFERRAL_SOURCE_LABELS[item.referralSource] ?? item.referralSource,
    item.referralSource,
    item.referralDate,
    item.coordinator?.name ?? '',
    item.pipelines.map((p) => `${p.trialLabel}: ${PIPELINE_STAGE_LABELS[p.stage] ?? p.stage} (${p.stage})`).join('; '),
    item.id,
  ];
}

export type CandidateCsvExport = {
  filename: string;
  rowCount: number;
  /** CSV text in pieces: the header, then one piece per batch of rows. */
  chunks: AsyncGenerator<string>;
  /** Ends the export early (the download was cancelled); safe to call after it finished. */
  close: () => Promise<void>;
};

/**
 * The filtered candidate list (same filters and sort as the list, every row, no
 * cap) as CSV, for download. Everything is read in one database snapshot: first
 * the ids, which go into the `candidate.export` audit event (the PHI access log)
 * before any row leaves, then the rows themselves through a server-side cursor,
 * a batch at a time as the consumer reads `chunks` — so the server holds one
 * batch, not the file, and the log names exactly the records in the file.
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
  const today = (await getClinicClock({ now: () => now })).today();
  const sql = buildCandidateExportSql({ filters, today });
  const snapshot = await openSnapshot();
  let rowCount: number;
  try {
    const [{ ids }] = await snapshot.query<{ ids: string[] }>(sql.ids);
    rowCount = ids.length;
    await prisma.$transaction((tx) =>
      ctx.audit(tx, { action: 'candidate.export', entityType: 'Candidate', after: { filters, rowCount, ids } }),
    );
  } catch (error) {
    await snapshot.close();
    throw error;
  }

  const batches = snapshot.stream<CandidateListRow>(sql.rows, BATCH_SIZE);
  /** The next batch as CSV text; its rows are garbage once this returns. */
  async function nextCsv(): Promise<string | undefined> {
    const next = await batches.next();
    return next.done ? undefined : `${toCsv(next.value.map(toCells))}\r\n`;
  }

  // Only text waits at a yield, never rows: the download may wait on the socket there for a
  // while, and rows still referenced then outlive a young-generation collection or two and are
  // promoted to the old generation, which only a full collection empties.
  async function* chunks(): AsyncGenerator<string> {
    try {
      yield `${toCsv([[...COLUMNS]])}\r\n`;
      for (let text = await nextCsv(); text !== undefined; text = await nextCsv()) yield text;
    } finally {
      await batches.return(undefined); // a download stopped early ends the cursor and the snapshot
    }
  }

  return { filename: `candidates-${today}.csv`, rowCount, chunks: chunks(), close: snapshot.close };
}
