import { computeChange, isRemission, isRemissionApplicable, isResponse, isResponseApplicable } from './compute-change';
import type { InstrumentCode } from './instrument-codes';

export type Summary = {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1 denominator); null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
};

export const summarize = (values: readonly number[]): Summary => {
  if (values.some((value) => !Number.isFinite(value))) {
    throw new Error('summarize: every value must be a finite number.');
  }
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null };
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  // Two-pass (deviations from the mean) for numerical stability over the textbook sum-of-squares form.
  const sd = n < 2 ? null : Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd, min: Math.min(...values), max: Math.max(...values) };
};

export type OutcomeRow = {
  armLabel: string;
  timepoint: string;
  participantId: string;
  total: number | null;
  baselineTotal: number | null;
};

export type ArmTimepointSummary = Summary & {
  armLabel: string;
  timepoint: string;
  /** Participants with a row in this cell, including those whose total is missing. */
  nParticipants: number;
  /** Participants contributing a % change (total and a non-zero baseline present). */
  nPercentChange: number;
  /** Mean of the participants' individual % changes, not the % change of the means. */
  meanPercentChange: number | null;
  /** Participants with a total and a positive baseline; null when response does not apply. */
  nResponseEvaluable: number | null;
  responders: number | null;
  /** Participants with a total; null when remission does not apply. */
  nRemissionEvaluable: number | null;
  remitters: number | null;
};

const countWhere = <T>(items: readonly T[], predicate: (item: T) => boolean): number => items.filter(predicate).length;

const summarizeCell = (cellRows: readonly OutcomeRow[], instrument: InstrumentCode | undefined) => {
  const scored = cellRows.filter((row): row is OutcomeRow & { total: number } => row.total !== null);
  const percentChanges = scored.flatMap((row) => {
    const { percentChange } = computeChange({ baseline: row.baselineTotal, current: row.total });
    return percentChange === null ? [] : [percentChange];
  });

  const canRespond = instrument !== undefined && isResponseApplicable(instrument);
  const responseResults = canRespond
    ? scored.map((row) => isResponse({ instrument, baseline: row.baselineTotal, current: row.total }))
    : [];
  const canRemit = instrument !== undefined && isRemissionApplicable(instrument);
  const remissionResults = canRemit ? scored.map((row) => isRemission({ instrument, total: row.total })) : [];

  return {
    ...summarize(scored.map((row) => row.total)),
    nParticipants: cellRows.length,
    nPercentChange: percentChanges.length,
    meanPercentChange: summarize(percentChanges).mean,
    nResponseEvaluable: canRespond ? countWhere(responseResults, (result) => result !== null) : null,
    responders: canRespond ? countWhere(responseResults, (result) => result === true) : null,
    nRemissionEvaluable: canRemit ? countWhere(remissionResults, (result) => result !== null) : null,
    remitters: canRemit ? countWhere(remissionResults, (result) => result === true) : null,
  };
};

/**
 * Descriptive statistics per arm × timepoint, in order of first appearance in `rows`. Pass one row per
 * participant per timepoint (the current, corrected score): a duplicate would be counted twice, so it
 * throws instead. Response/remission counts need `instrument`; they are null without it or when the
 * instrument has no such definition.
 */
export const summarizeByArmAndTimepoint = (
  rows: readonly OutcomeRow[],
  options: { instrument?: InstrumentCode } = {},
): ArmTimepointSummary[] => {
  const cells = new Map<string, { armLabel: string; timepoint: string; rows: OutcomeRow[] }>();
  for (const row of rows) {
    const key = JSON.stringify([row.armLabel, row.timepoint]);
    const cell = cells.get(key) ?? { armLabel: row.armLabel, timepoint: row.timepoint, rows: [] };
    if (cell.rows.some((existing) => existing.participantId === row.participantId)) {
      throw new Error(
        `summarizeByArmAndTimepoint: participant ${row.participantId} appears twice in arm "${row.armLabel}" at ${row.timepoint}.`,
      );
    }
    cell.rows.push(row);
    cells.set(key, cell);
  }
  return [...cells.values()].map((cell) => ({
    armLabel: cell.armLabel,
    timepoint: cell.timepoint,
    ...summarizeCell(cell.rows, options.instrument),
  }));
};
