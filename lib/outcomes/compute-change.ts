import type { InstrumentCode } from './instrument-codes';

export type Change = { change: number | null; percentChange: number | null };

/**
 * Change from baseline (current − baseline; negative = improvement on every instrument here) and
 * percent change relative to baseline. Percent change is null for a zero baseline (undefined ratio).
 */
export const computeChange = ({ baseline, current }: { baseline: number | null; current: number | null }): Change => {
  if (baseline === null || current === null) return { change: null, percentChange: null };
  const change = current - baseline;
  return { change, percentChange: baseline === 0 ? null : (change / baseline) * 100 };
};

/**
 * Instruments for which ">= 50% reduction from baseline" is a meaningful response definition.
 * Excluded: PROMIS_PI (a T-score centred on 50 has no true zero, so ratios are meaningless) and
 * CADSS (a dissociation safety measure, not an efficacy outcome).
 */
export const RESPONSE_INSTRUMENTS: readonly InstrumentCode[] = [
  'PHQ9',
  'GAD7',
  'QIDS_SR16',
  'BDI_II',
  'BPI_SF',
  'PCL5',
  'NRS',
];

export const isResponseApplicable = (instrument: InstrumentCode): boolean => RESPONSE_INSTRUMENTS.includes(instrument);

/**
 * Response = at least 50% reduction from baseline. Null when not applicable to the instrument, when a
 * score is missing, or when baseline is 0 (no reduction is possible).
 */
export const isResponse = ({
  instrument,
  baseline,
  current,
}: {
  instrument: InstrumentCode;
  baseline: number | null;
  current: number | null;
}): boolean | null => {
  if (!isResponseApplicable(instrument)) return null;
  if (baseline === null || current === null || baseline <= 0) return null;
  // current <= baseline / 2, multiplied out so exact halves (20 -> 10) are not lost to rounding.
  return current * 2 <= baseline;
};

/** Remission thresholds fixed by the protocol: PHQ-9 < 5, QIDS-SR16 <= 5; none for other instruments. */
export const isRemissionApplicable = (instrument: InstrumentCode): boolean =>
  instrument === 'PHQ9' || instrument === 'QIDS_SR16';

export const isRemission = ({
  instrument,
  total,
}: {
  instrument: InstrumentCode;
  total: number | null;
}): boolean | null => {
  if (total === null) return null;
  if (instrument === 'PHQ9') return total < 5;
  if (instrument === 'QIDS_SR16') return total <= 5;
  return null;
};
