import { describe, expect, it } from 'vitest';
import { type OutcomeRow, summarize, summarizeByArmAndTimepoint } from './summarize';

describe('summarize', () => {
  it('matches a hand-computed example: [2,4,4,4,5,5,7,9] -> mean 5, sample SD sqrt(32/7)', () => {
    const result = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(result.n).toBe(8);
    expect(result.mean).toBe(5);
    expect(result.sd).toBeCloseTo(2.138089935, 8);
    expect(result.min).toBe(2);
    expect(result.max).toBe(9);
  });

  it('gives SD 0 for identical values and null SD for a single value', () => {
    expect(summarize([3, 3]).sd).toBe(0);
    expect(summarize([7])).toEqual({ n: 1, mean: 7, sd: null, min: 7, max: 7 });
  });

  it('returns nulls for no values', () => {
    expect(summarize([])).toEqual({ n: 0, mean: null, sd: null, min: null, max: null });
  });

  it('throws on NaN or Infinity rather than returning NaN statistics', () => {
    expect(() => summarize([1, Number.NaN])).toThrow(/finite/);
    expect(() => summarize([Number.POSITIVE_INFINITY])).toThrow(/finite/);
  });
});

const row = (
  armLabel: string,
  timepoint: string,
  participantId: string,
  total: number | null,
  baselineTotal: number | null,
): OutcomeRow => ({
  armLabel,
  timepoint,
  participantId,
  total,
  baselineTotal,
});

const ROWS: OutcomeRow[] = [
  row('Ketamine', 'BASELINE', 'p1', 20, 20),
  row('Ketamine', 'BASELINE', 'p2', 16, 16),
  row('Ketamine', 'BASELINE', 'p3', 10, 10),
  row('Ketamine', 'AFTER_SESSION_1', 'p1', 10, 20),
  row('Ketamine', 'AFTER_SESSION_1', 'p2', 4, 16),
  row('Ketamine', 'AFTER_SESSION_1', 'p3', null, 10),
  row('Midazolam', 'AFTER_SESSION_1', 'p4', 11, 20),
  row('Midazolam', 'AFTER_SESSION_1', 'p5', 3, null),
  row('Midazolam', 'AFTER_SESSION_1', 'p6', 0, 0),
];

describe('summarizeByArmAndTimepoint', () => {
  it('summarizes a PHQ-9 worked example per arm x timepoint, in order of first appearance', () => {
    const [baseline, ketamineDay1, midazolamDay1, ...rest] = summarizeByArmAndTimepoint(ROWS, { instrument: 'PHQ9' });
    expect(rest).toEqual([]);

    expect(baseline).toMatchObject({ armLabel: 'Ketamine', timepoint: 'BASELINE', n: 3, nParticipants: 3 });
    expect(baseline?.mean).toBeCloseTo(46 / 3, 10);
    expect(baseline).toMatchObject({ meanPercentChange: 0, responders: 0, remitters: 0, nResponseEvaluable: 3 });

    // Totals 10 and 4 (p3 missing): mean 7, SD sqrt(18). % changes -50 and -75: mean -62.5, which is
    // deliberately not the % change of the means (7 vs 18 -> -61.1).
    expect(ketamineDay1).toMatchObject({
      armLabel: 'Ketamine',
      timepoint: 'AFTER_SESSION_1',
      nParticipants: 3,
      n: 2,
      mean: 7,
      min: 4,
      max: 10,
      nPercentChange: 2,
      meanPercentChange: -62.5,
      nResponseEvaluable: 2,
      responders: 2,
      nRemissionEvaluable: 2,
      remitters: 1,
    });
    expect(ketamineDay1?.sd).toBeCloseTo(Math.sqrt(18), 10);

    // Totals 11, 3, 0: mean 14/3, SD sqrt(64.667/2). Only p4 has a usable baseline (-45%, no response);
    // p5 (no baseline) and p6 (baseline 0) still count for remission (3 and 0 are < 5).
    expect(midazolamDay1).toMatchObject({
      armLabel: 'Midazolam',
      n: 3,
      nPercentChange: 1,
      meanPercentChange: -45,
      nResponseEvaluable: 1,
      responders: 0,
      nRemissionEvaluable: 3,
      remitters: 2,
    });
    expect(midazolamDay1?.mean).toBeCloseTo(14 / 3, 10);
    expect(midazolamDay1?.sd).toBeCloseTo(Math.sqrt(194 / 3 / 2), 10);
  });

  it('leaves responder and remitter counts null without an instrument', () => {
    const [first] = summarizeByArmAndTimepoint(ROWS);
    expect(first).toMatchObject({
      responders: null,
      nResponseEvaluable: null,
      remitters: null,
      nRemissionEvaluable: null,
    });
    expect(first?.meanPercentChange).toBe(0);
  });

  it('counts responders but not remitters for GAD-7, and neither for PROMIS', () => {
    const gad = summarizeByArmAndTimepoint(ROWS, { instrument: 'GAD7' })[1];
    expect(gad).toMatchObject({ responders: 2, remitters: null, nRemissionEvaluable: null });
    const promis = summarizeByArmAndTimepoint(ROWS, { instrument: 'PROMIS_PI' })[1];
    expect(promis).toMatchObject({ responders: null, remitters: null });
  });

  it('reports a cell where every total is missing with n 0 and null statistics', () => {
    const [cell] = summarizeByArmAndTimepoint([row('A', 'BASELINE', 'p1', null, null)], { instrument: 'PHQ9' });
    expect(cell).toMatchObject({
      nParticipants: 1,
      n: 0,
      mean: null,
      sd: null,
      meanPercentChange: null,
      responders: 0,
      remitters: 0,
    });
  });

  it('returns an empty list for no rows', () => {
    expect(summarizeByArmAndTimepoint([])).toEqual([]);
  });

  it('throws when a participant appears twice in the same arm and timepoint', () => {
    const rows = [row('A', 'BASELINE', 'p1', 10, 10), row('A', 'BASELINE', 'p1', 12, 10)];
    expect(() => summarizeByArmAndTimepoint(rows)).toThrow(/p1 appears twice/);
  });

  it('keeps arms apart even when labels could collide when joined', () => {
    const rows = [row('A|B', 'C', 'p1', 1, 1), row('A', 'B|C', 'p2', 2, 2)];
    expect(summarizeByArmAndTimepoint(rows).map((cell) => cell.n)).toEqual([1, 1]);
  });
});
