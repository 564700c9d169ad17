import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';

// What a change between two timepoints may be reported as. One home for these rules: the results
// report, the participant page, the API and the CSV export all ask here.

/**
 * Instruments scored on a T-score scale (mean 50, SD 10 in the reference population). A T-score has no
 * true zero, so a ratio such as "% change" is meaningless (50 → 40 is not a 20 % improvement): changes
 * are reported in points only.
 */
export const T_SCORE_INSTRUMENTS: readonly InstrumentCode[] = ['PROMIS_PI'];

export function isTScoreScale(instrument: string): boolean {
  return (T_SCORE_INSTRUMENTS as readonly string[]).includes(instrument);
}

/** % change needs a ratio scale. */
export function hasPercentChange(instrument: string): boolean {
  return !isTScoreScale(instrument);
}

/** The timepoint everything is measured from; nobody responds or remits "at" it, since treatment has not begun. */
export const BASELINE_TIMEPOINT = 'BASELINE';

export function countsResponseAt(timepoint: string): boolean {
  return timepoint !== BASELINE_TIMEPOINT;
}
