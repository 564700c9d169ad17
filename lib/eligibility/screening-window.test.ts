import { describe, expect, it } from 'vitest';
import type { RuleNode } from '@/lib/validations/eligibility';
import { evaluateCriteria } from '@/lib/eligibility/evaluate-criteria';
import { DEFAULT_SCREENING_WINDOW_DAYS, applicableWindow, describeStale } from '@/lib/eligibility/screening-window';
import { AS_OF, checkRule, makeCandidate } from '@/lib/eligibility/test-helpers';
import type { EligibilityCandidate } from '@/lib/eligibility/types';

// Worked examples of the screening-window policy. The check day is 2026-11-23 throughout:
// 2026-10-24 is exactly 30 days before it, 2026-10-23 is 31 days, 2025-10-19 is 400 days.

const severeDepression: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 };
const phq9 = (value: number, measuredAt: string) =>
  makeCandidate({ measurements: [{ code: 'phq9_total', value, measuredAt }] });

function check(rule: RuleNode, candidate: EligibilityCandidate, kind: 'INCLUSION' | 'EXCLUSION', window?: number) {
  return evaluateCriteria({
    criteria: [{ id: 'c1', kind, text: 'Test criterion', rule }],
    candidate,
    asOf: AS_OF,
    screeningWindowDays: window,
  })[0];
}

describe('screening window: the trial default', () => {
  it(`is ${DEFAULT_SCREENING_WINDOW_DAYS} days when the trial sets none`, () => {
    expect(DEFAULT_SCREENING_WINDOW_DAYS).toBe(30);
  });

  it('counts a value exactly 30 days old and makes a 31-day-old one UNKNOWN, saying how old it is', () => {
    expect(checkRule({ rule: severeDepression, candidate: phq9(20, '2026-10-24') }).result).toBe('MET');
    expect(checkRule({ rule: severeDepression, candidate: phq9(20, '2026-10-23') })).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'PHQ-9 total recorded 31 days before the check; older than the 30-day screening window',
      missing: ['PHQ-9 total'],
    });
  });

  it('does not let a 400-day-old PHQ-9 of 20 meet "PHQ-9 ≥ 15 at screening"', () => {
    expect(checkRule({ rule: severeDepression, candidate: phq9(20, '2025-10-19') })).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'PHQ-9 total recorded 400 days before the check; older than the 30-day screening window',
    });
  });

  it("uses the trial's own window when it is not the default", () => {
    expect(check(severeDepression, phq9(20, '2026-11-09'), 'INCLUSION', 14).result).toBe('MET');
    expect(check(severeDepression, phq9(20, '2026-11-08'), 'INCLUSION', 14)).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'PHQ-9 total recorded 15 days before the check; older than the 14-day screening window',
    });
  });
});

describe("screening window: a criterion's own window overrides the trial's", () => {
  it('keeps a 9-year-old veteran answer valid under a ten-year rule', () => {
    const veteran: RuleNode = { kind: 'fact', fact: 'veteran', equals: true, withinDays: 3650 };
    const candidate = makeCandidate({ facts: [{ code: 'veteran', value: true, recordedAt: '2017-11-23' }] });
    expect(checkRule({ rule: veteran, candidate }).result).toBe('MET');
    expect(checkRule({ rule: { ...veteran, withinDays: undefined }, candidate }).result).toBe('UNKNOWN');
  });

  it('lets a lifetime diagnosis rule read a 3-year-old answer the trial window would refuse', () => {
    const lifetime: RuleNode = { kind: 'diagnosis', anyOf: ['bipolar_disorder'], withinDays: 3650 };
    const candidate = makeCandidate({
      diagnoses: [{ code: 'bipolar_disorder', isPresent: true, recordedAt: '2023-11-23' }],
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: lifetime, candidate }).result).toBe('MET');
    expect(checkRule({ kind: 'EXCLUSION', rule: { ...lifetime, withinDays: undefined }, candidate })).toMatchObject({
      result: 'UNKNOWN',
      explanation: expect.stringContaining(
        'Bipolar disorder (present) recorded 1096 days before the check; older than the 30-day screening window',
      ),
    });
  });

  it('can be shorter than the trial window', () => {
    const recent: RuleNode = { ...severeDepression, withinDays: 7 } as RuleNode;
    expect(checkRule({ rule: recent, candidate: phq9(20, '2026-11-15') })).toMatchObject({
      result: 'UNKNOWN',
      explanation: "PHQ-9 total recorded 8 days before the check; older than this criterion's 7-day window",
    });
  });
});

describe('screening window: a stale value is UNKNOWN whatever it says', () => {
  it('a 2-year-old "psychotic symptoms absent" does not clear the exclusion', () => {
    const psychosis: RuleNode = { kind: 'diagnosis', anyOf: ['psychotic_symptoms'] };
    const candidate = makeCandidate({
      diagnoses: [{ code: 'psychotic_symptoms', isPresent: false, recordedAt: '2024-11-23' }],
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: psychosis, candidate })).toMatchObject({
      result: 'UNKNOWN',
      missing: ['Psychotic symptoms (diagnosis)'],
    });
  });

  it('a 5-year-old "not pregnant" does not clear the exclusion', () => {
    const pregnant: RuleNode = { kind: 'fact', fact: 'pregnant', equals: true };
    const candidate = makeCandidate({ facts: [{ code: 'pregnant', value: false, recordedAt: '2021-11-23' }] });
    expect(checkRule({ kind: 'EXCLUSION', rule: pregnant, candidate }).result).toBe('UNKNOWN');
  });

  it('a 2-year-old normal blood pressure or liver panel does not clear the exclusion', () => {
    const sbp: RuleNode = { kind: 'number', measure: 'sbp', op: 'gt', value: 160 };
    const alt: RuleNode = { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 3 };
    const candidate = makeCandidate({
      measurements: [{ code: 'sbp', value: 120, measuredAt: '2024-11-23' }],
      labs: [{ code: 'alt', value: 20, uln: 40, lln: 7, measuredAt: '2024-11-23' }],
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: sbp, candidate }).result).toBe('UNKNOWN');
    expect(checkRule({ kind: 'EXCLUSION', rule: alt, candidate }).result).toBe('UNKNOWN');
  });

  it('a stale "present" does not exclude on its own either', () => {
    const cardiac: RuleNode = { kind: 'diagnosis', anyOf: ['unstable_cardiac_condition'] };
    const candidate = makeCandidate({
      diagnoses: [{ code: 'unstable_cardiac_condition', isPresent: true, recordedAt: '2024-11-23' }],
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: cardiac, candidate }).result).toBe('UNKNOWN');
  });

  it('a fresh "present" still excludes while another listed diagnosis is stale', () => {
    const either: RuleNode = { kind: 'diagnosis', anyOf: ['cirrhosis', 'unstable_cardiac_condition'] };
    const candidate = makeCandidate({
      diagnoses: [
        { code: 'cirrhosis', isPresent: false, recordedAt: '2020-01-01' },
        { code: 'unstable_cardiac_condition', isPresent: true, recordedAt: '2026-11-20' },
      ],
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: either, candidate }).result).toBe('MET');
  });
});

describe('screening window: age and sex have none', () => {
  it('reads age from a decades-old date of birth and sex without a date', () => {
    const adult: RuleNode = { kind: 'number', measure: 'age_years', op: 'gte', value: 18 };
    const female: RuleNode = { kind: 'sex', anyOf: ['female'] };
    const candidate = makeCandidate({ dateOfBirth: '1950-01-01', sex: 'female' });
    expect(check(adult, candidate, 'INCLUSION', 1).result).toBe('MET');
    expect(check(female, candidate, 'INCLUSION', 1).result).toBe('MET');
  });
});

describe('screening window: helpers', () => {
  it("names the window that applied: the criterion's own or the trial's", () => {
    expect(applicableWindow(undefined, 30)).toEqual({ days: 30, isRuleOwn: false });
    expect(applicableWindow(3650, 30)).toEqual({ days: 3650, isRuleOwn: true });
    expect(describeStale('Weight', 1, { days: 0, isRuleOwn: false })).toBe(
      'Weight recorded 1 day before the check; older than the 0-day screening window',
    );
  });
});
