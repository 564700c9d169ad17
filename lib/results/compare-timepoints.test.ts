import { describe, expect, it } from 'vitest';
import { isTScoreScale } from './change-policy';
import { compareTimepoints, type PairedScore } from './compare-timepoints';
import { resolveTimepointRange } from './timepoint-range';

const score = (participantId: string, from: number | null, to: number | null, group = 'Ketamine'): PairedScore => ({
  group,
  participantId,
  from,
  to,
});

describe('compareTimepoints: worked examples', () => {
  it('two participants 20 → 10 and 10 → 8: mean of individual % changes −35 %, % change of means −40 %', () => {
    const [ketamine] = compareTimepoints({
      instrument: 'PHQ9',
      groups: ['Ketamine'],
      scores: [score('a', 20, 10), score('b', 10, 8)],
    });
    expect(ketamine.nPaired).toBe(2);
    expect(ketamine.meanFrom).toBe(15);
    expect(ketamine.meanTo).toBe(9);
    expect(ketamine.meanChangePoints).toBe(-6); // (−10 + −2) / 2
    expect(ketamine.sdChangePoints).toBeCloseTo(Math.sqrt(32), 10); // deviations ±4, (16 + 16) / 1
    expect(ketamine.meanOfIndividualPercentChange).toBeCloseTo(-35, 10); // (−50 + −20) / 2
    expect(ketamine.nIndividualPercentChange).toBe(2);
    expect(ketamine.percentChangeOfMeans).toBeCloseTo(-40, 10); // (9 − 15) / 15
  });

  it('KAP-style session 1 → 3: 18 → 9, 12 → 12, 6 → 3 (−50, 0, −50: mean −33.3 %; means 12 → 8: −33.3 %)', () => {
    const [group] = compareTimepoints({
      instrument: 'PHQ9',
      groups: ['All participants'],
      scores: [
        score('a', 18, 9, 'All participants'),
        score('b', 12, 12, 'All participants'),
        score('c', 6, 3, 'All participants'),
      ],
    });
    expect(group.meanOfIndividualPercentChange).toBeCloseTo(-100 / 3, 10);
    expect(group.percentChangeOfMeans).toBeCloseTo(-100 / 3, 10);
  });

  it('counts only participants with both scores, so both figures describe the same people', () => {
    const [group] = compareTimepoints({
      instrument: 'PHQ9',
      groups: ['Ketamine'],
      scores: [score('a', 20, 10), score('b', 10, null), score('c', null, 2)],
    });
    expect(group).toMatchObject({
      nParticipants: 3,
      nPaired: 1,
      meanFrom: 20,
      meanTo: 10,
      meanOfIndividualPercentChange: -50,
      percentChangeOfMeans: -50,
    });
  });

  it('leaves a participant starting at 0 out of the individual % changes but not out of the means', () => {
    const [group] = compareTimepoints({
      instrument: 'NRS',
      groups: ['Ketamine'],
      scores: [score('a', 0, 2), score('b', 8, 4)],
    });
    expect(group).toMatchObject({
      nPaired: 2,
      nIndividualPercentChange: 1,
      meanOfIndividualPercentChange: -50,
      meanFrom: 4,
      meanTo: 3,
    });
    expect(group.percentChangeOfMeans).toBeCloseTo(-25, 10);
  });

  it('reports PROMIS T-scores in points only', () => {
    expect(isTScoreScale('PROMIS_PI')).toBe(true);
    const [group] = compareTimepoints({
      instrument: 'PROMIS_PI',
      groups: ['Ketamine'],
      scores: [score('a', 60, 50), score('b', 70, 62)],
    });
    expect(group).toMatchObject({
      meanChangePoints: -9,
      meanOfIndividualPercentChange: null,
      percentChangeOfMeans: null,
      nIndividualPercentChange: 0,
    });
  });

  it('gives every group a row, empty ones included, and refuses a participant counted twice', () => {
    const rows = compareTimepoints({
      instrument: 'PHQ9',
      groups: ['Ketamine', 'Midazolam'],
      scores: [score('a', 20, 10)],
    });
    expect(rows[1]).toMatchObject({
      group: 'Midazolam',
      nPaired: 0,
      meanOfIndividualPercentChange: null,
      percentChangeOfMeans: null,
    });
    expect(() =>
      compareTimepoints({ instrument: 'PHQ9', groups: ['Ketamine'], scores: [score('a', 20, 10), score('a', 20, 12)] }),
    ).toThrow(/twice/);
  });
});

describe('resolveTimepointRange', () => {
  const plan = ['AFTER_SESSION_6', 'BASELINE', 'AFTER_SESSION_3', 'AFTER_SESSION_1', 'BASELINE'];

  it('defaults to baseline → the latest planned timepoint', () => {
    expect(resolveTimepointRange({ planned: plan })).toEqual({ from: 'BASELINE', to: 'AFTER_SESSION_6' });
    expect(resolveTimepointRange({ planned: ['AFTER_SESSION_1', 'AFTER_SESSION_3'] })).toEqual({
      from: 'AFTER_SESSION_1',
      to: 'AFTER_SESSION_3',
    });
  });

  it('takes any two planned timepoints in order', () => {
    expect(resolveTimepointRange({ planned: plan, from: 'AFTER_SESSION_1', to: 'AFTER_SESSION_3' })).toEqual({
      from: 'AFTER_SESSION_1',
      to: 'AFTER_SESSION_3',
    });
  });

  it('refuses a timepoint outside the plan with a message per field', () => {
    expect(() => resolveTimepointRange({ planned: plan, from: 'AFTER_SESSION_2', to: 'DAYS_AFTER_LAST_30' })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        fields: {
          from: [
            `"AFTER_SESSION_2" is not a timepoint of this trial's assessment plan (BASELINE, AFTER_SESSION_1, AFTER_SESSION_3, AFTER_SESSION_6).`,
          ],
          to: [
            `"DAYS_AFTER_LAST_30" is not a timepoint of this trial's assessment plan (BASELINE, AFTER_SESSION_1, AFTER_SESSION_3, AFTER_SESSION_6).`,
          ],
        },
      }),
    );
  });

  it('refuses "to" at or before "from"', () => {
    expect(() => resolveTimepointRange({ planned: plan, from: 'AFTER_SESSION_3', to: 'AFTER_SESSION_1' })).toThrow(
      expect.objectContaining({ fields: { to: [expect.stringContaining('is not after')] } }),
    );
  });

  it('has nothing to compare with fewer than two planned timepoints', () => {
    expect(resolveTimepointRange({ planned: ['BASELINE'] })).toBeNull();
  });
});
