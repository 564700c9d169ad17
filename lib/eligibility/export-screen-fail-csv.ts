import 'server-only';
import { getClinicClock } from '@/lib/clinic/clock';
import { REFERRAL_SOURCE_LABELS } from '@/lib/candidates/labels';
import { toCsv, type CsvCell } from '@/lib/csv/to-csv';
import type { CriterionKindValue } from './check-types';
import { getScreenFailReport } from './screen-fail-report';

/** Criterion kinds as the report names them; the code column keeps the stored enum. */
const CRITERION_KIND_LABELS: Record<CriterionKindValue, string> = {
  inclusion: 'Inclusion (not met)',
  exclusion: 'Exclusion (present)',
};

/**
 * The screen-fail report as one CSV: a section per table (blocking criteria, then conversion
 * per referral source), labels with their codes beside them. Aggregates only: no candidate is
 * named, so like the report itself it is not an access to anyone's record.
 */
export async function exportScreenFailCsv(options: {
  trialId: string;
  now?: Date;
}): Promise<{ filename: string; csv: string; rowCount: number }> {
  const report = await getScreenFailReport(options.trialId);
  const criteria: CsvCell[][] = report.blockingCriteria.map((row) => [
    CRITERION_KIND_LABELS[row.kind],
    row.kind.toUpperCase(),
    row.text,
    row.count,
  ]);
  const conversion: CsvCell[][] = report.conversion.map((row) => [
    row.referralSource === 'ALL' ? 'All sources' : REFERRAL_SOURCE_LABELS[row.referralSource],
    row.referralSource,
    row.referred,
    row.eligible,
    row.enrolled,
    row.eligibleRate,
    row.enrolledRate,
  ]);
  const csv = toCsv([
    [`Screen failures for ${report.trial.label}: ${report.ineligibleCandidates} candidates ruled out`],
    ['Criterion kind', 'Criterion kind code', 'Criterion', 'Candidates ruled out'],
    ...criteria,
    [
      'Decided "not eligible" without a single ruling-out criterion',
      null,
      null,
      report.decisionsWithoutBlockingCriterion,
    ],
    [],
    [
      'Referral source',
      'Referral source code',
      'Referred',
      'Reached eligible',
      'Enrolled',
      'Eligible share',
      'Enrolled share',
    ],
    ...conversion,
  ]);
  const stem = report.trial.label.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  const now = options.now ?? new Date();
  const day = (await getClinicClock({ now: () => now })).today();
  return {
    filename: `screen-fails-${stem}-${day}.csv`,
    csv: `\uFEFF${csv}\r\n`,
    rowCount: criteria.length + conversion.length,
  };
}
