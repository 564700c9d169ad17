import { describe, expect, it } from 'vitest';
import type { CompareOp, RuleNode } from '@/lib/validations/eligibility';
import { checkRule, makeCandidate } from '@/lib/eligibility/test-helpers';

const phq9 = (value: number, measuredAt = '2026-11-02') =>
  makeCandidate({ measurements: [{ code: 'phq9_total', value, measuredAt }] });
const phq9Rule = (op: CompareOp, value: number, max?: number): RuleNode => ({
  kind: 'number',
  measure: 'phq9_total',
  op,
  value,
  ...(max === undefined ? {} : { max }),
});

describe('evaluateCriteria: numeric operators on both sides of the threshold', () => {
  const cases: Array<[CompareOp, [number, string][]]> = [
    [
      'lt',
      [
        [14, 'MET'],
        [15, 'NOT_MET'],
        [16, 'NOT_MET'],
      ],
    ],
    [
      'lte',
      [
        [14, 'MET'],
        [15, 'MET'],
        [16, 'NOT_MET'],
      ],
    ],
    [
      'gt',
      [
        [14, 'NOT_MET'],
        [15, 'NOT_MET'],
        [16, 'MET'],
      ],
    ],
    [
      'gte',
      [
        [14, 'NOT_MET'],
        [15, 'MET'],
        [16, 'MET'],
      ],
    ],
    [
      'eq',
      [
        [14, 'NOT_MET'],
        [15, 'MET'],
        [16, 'NOT_MET'],
      ],
    ],
  ];
  for (const [op, expectations] of cases) {
    for (const [value, expected] of expectations) {
      it(`PHQ-9 ${value} ${op} 15 → ${expected}`, () => {
        expect(checkRule({ rule: phq9Rule(op, 15), candidate: phq9(value) }).result).toBe(expected);
      });
    }
  }

  it('between is inclusive at both ends', () => {
    const rule = phq9Rule('between', 10, 20);
    expect([9, 10, 15, 20, 21].map((v) => checkRule({ rule, candidate: phq9(v) }).result)).toEqual([
      'NOT_MET',
      'MET',
      'MET',
      'MET',
      'NOT_MET',
    ]);
  });

  it('explains inclusion as "needs" and cites value and date', () => {
    expect(checkRule({ rule: phq9Rule('gte', 15), candidate: phq9(14) }).explanation).toBe(
      'PHQ-9 = 14 on 2026-11-02; needs ≥ 15',
    );
  });
});

describe('evaluateCriteria: BMI', () => {
  const bmiOver40: RuleNode = { kind: 'number', measure: 'bmi', op: 'gt', value: 40 };
  const directBmi = (value: number) =>
    makeCandidate({ measurements: [{ code: 'bmi', value, measuredAt: '2026-11-02' }] });
  const fromWeight = (weightKg: number, heightCm = 170, heightOn = '2026-11-01') =>
    makeCandidate({
      measurements: [
        { code: 'weight_kg', value: weightKg, measuredAt: '2026-11-02' },
        { code: 'height_cm', value: heightCm, measuredAt: heightOn },
      ],
    });

  it('excludes at 40.1 but not at 40.0', () => {
    const over = checkRule({ kind: 'EXCLUSION', rule: bmiOver40, candidate: directBmi(40.1) });
    expect(over.result).toBe('MET');
    expect(over.explanation).toBe('BMI = 40.1 on 2026-11-02; excluded if > 40');
    const at = checkRule({ kind: 'EXCLUSION', rule: bmiOver40, candidate: directBmi(40) });
    expect(at.result).toBe('NOT_MET');
    expect(at.explanation).toBe('BMI = 40.0 on 2026-11-02; excluded if > 40');
  });

  it('rounds a computed BMI to one decimal before comparing: 40.03 → 40.0 does not exclude', () => {
    const result = checkRule({ kind: 'EXCLUSION', rule: bmiOver40, candidate: fromWeight(115.69) });
    expect(result.result).toBe('NOT_MET');
    // Dated by the older of weight and height.
    expect(result.explanation).toBe('BMI = 40.0 on 2026-11-01 (from weight and height); excluded if > 40');
    expect(checkRule({ kind: 'EXCLUSION', rule: bmiOver40, candidate: fromWeight(116) }).result).toBe('MET');
  });

  it('uses whichever of entered and computed BMI is more recent', () => {
    const measurements = [
      { code: 'weight_kg' as const, value: 120, measuredAt: '2026-11-10' },
      { code: 'height_cm' as const, value: 170, measuredAt: '2026-11-05' },
    ];
    const olderDirect = makeCandidate({
      measurements: [...measurements, { code: 'bmi', value: 30, measuredAt: '2026-11-04' }],
    });
    expect(checkRule({ rule: bmiOver40, candidate: olderDirect }).explanation).toBe(
      'BMI = 41.5 on 2026-11-05 (from weight and height); needs > 40',
    );
    const sameDayDirect = makeCandidate({
      measurements: [...measurements, { code: 'bmi', value: 30, measuredAt: '2026-11-05' }],
    });
    expect(checkRule({ rule: bmiOver40, candidate: sameDayDirect }).explanation).toBe(
      'BMI = 30.0 on 2026-11-05; needs > 40',
    );
  });

  it('rounds a typed BMI to one decimal like a computed one: 40.04 → 40.0 does not exclude, 40.05 → 40.1 does', () => {
    expect(checkRule({ kind: 'EXCLUSION', rule: bmiOver40, candidate: directBmi(40.04) })).toMatchObject({
      result: 'NOT_MET',
      explanation: 'BMI = 40.0 on 2026-11-02; excluded if > 40',
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: bmiOver40, candidate: directBmi(40.05) })).toMatchObject({
      result: 'MET',
      explanation: 'BMI = 40.1 on 2026-11-02; excluded if > 40',
    });
  });

  it('treats a computed BMI as stale when the older input is stale', () => {
    const rule: RuleNode = { kind: 'number', measure: 'bmi', op: 'gt', value: 40, withinDays: 30 };
    const result = checkRule({ rule, candidate: fromWeight(116, 170, '2026-10-01') }); // height 53 days old
    expect(result.result).toBe('UNKNOWN');
    expect(result.explanation).toBe(
      "BMI (from weight and height) recorded 53 days before the check; older than this criterion's 30-day window",
    );
  });

  it('is missing without a BMI or both weight and height', () => {
    const onlyWeight = makeCandidate({ measurements: [{ code: 'weight_kg', value: 80, measuredAt: '2026-11-02' }] });
    expect(checkRule({ rule: bmiOver40, candidate: onlyWeight })).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'Missing: BMI',
      missing: ['BMI'],
    });
  });
});

describe('evaluateCriteria: age', () => {
  const adult: RuleNode = { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 };
  const born = (dateOfBirth: string) => makeCandidate({ dateOfBirth });

  it('counts the 18th birthday itself, not the day before', () => {
    expect(checkRule({ rule: adult, candidate: born('2008-11-23') })).toMatchObject({
      result: 'MET',
      explanation: 'Age 18 on 2026-11-23; needs 18–65',
    });
    expect(checkRule({ rule: adult, candidate: born('2008-11-24') })).toMatchObject({
      result: 'NOT_MET',
      explanation: 'Age 17 on 2026-11-23; needs 18–65',
    });
  });

  it('stops at the upper bound the day the person turns 66', () => {
    expect(checkRule({ rule: adult, candidate: born('1960-11-24') }).result).toBe('MET');
    expect(checkRule({ rule: adult, candidate: born('1960-11-23') }).result).toBe('NOT_MET');
  });

  it('gives a 29 February birthday on 1 March in common years', () => {
    const leapling = born('2008-02-29');
    expect(checkRule({ rule: adult, candidate: leapling, asOf: '2026-02-28' }).explanation).toBe(
      'Age 17 on 2026-02-28; needs 18–65',
    );
    expect(checkRule({ rule: adult, candidate: leapling, asOf: '2026-03-01' }).explanation).toBe(
      'Age 18 on 2026-03-01; needs 18–65',
    );
    expect(checkRule({ rule: adult, candidate: leapling, asOf: '2028-02-29' }).explanation).toBe(
      'Age 20 on 2028-02-29; needs 18–65',
    );
  });

  it('is UNKNOWN when the date of birth is invalid or after the check day', () => {
    expect(checkRule({ rule: adult, candidate: born('1980-02-30') })).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'Missing: Date of birth',
      missing: ['Date of birth'],
    });
    expect(checkRule({ rule: adult, candidate: born('2026-11-24') }).result).toBe('UNKNOWN');
  });
});

describe('evaluateCriteria: missing, stale and most recent data', () => {
  const recentPhq9: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15, withinDays: 30 };

  it('is UNKNOWN when data is missing', () => {
    expect(checkRule({ rule: recentPhq9, candidate: makeCandidate() })).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'Missing: PHQ-9 total',
      missing: ['PHQ-9 total'],
    });
  });

  it('accepts data exactly withinDays old and rejects one day older', () => {
    expect(checkRule({ rule: recentPhq9, candidate: phq9(20, '2026-10-24') }).result).toBe('MET');
    expect(checkRule({ rule: recentPhq9, candidate: phq9(20, '2026-10-23') })).toMatchObject({
      result: 'UNKNOWN',
      explanation: "PHQ-9 total recorded 31 days before the check; older than this criterion's 30-day window",
      missing: ['PHQ-9 total'],
    });
  });

  it('uses the most recent entry regardless of list order, and ignores entries after the check day', () => {
    const candidate = makeCandidate({
      measurements: [
        { code: 'phq9_total', value: 20, measuredAt: '2026-11-20' },
        { code: 'phq9_total', value: 10, measuredAt: '2026-11-01' },
        { code: 'phq9_total', value: 5, measuredAt: '2026-11-24' },
      ],
    });
    expect(checkRule({ rule: recentPhq9, candidate }).explanation).toBe('PHQ-9 = 20 on 2026-11-20; needs ≥ 15');
  });

  it('lets the later entry win on the same day', () => {
    const candidate = makeCandidate({
      measurements: [
        { code: 'phq9_total', value: 20, measuredAt: '2026-11-20' },
        { code: 'phq9_total', value: 12, measuredAt: '2026-11-20' },
      ],
    });
    expect(checkRule({ rule: recentPhq9, candidate }).result).toBe('NOT_MET');
  });

  it('refuses malformed dates instead of guessing', () => {
    expect(() => checkRule({ rule: recentPhq9, candidate: phq9(20, '2026-13-01') })).toThrow(
      /Invalid date "2026-13-01" in candidate measurements\[0\]\.measuredAt/,
    );
    expect(() => checkRule({ rule: recentPhq9, candidate: phq9(20), asOf: 'today' })).toThrow(/Invalid check date/);
  });
});

describe('evaluateCriteria: labs as multiples of the reference limit', () => {
  const altOver2: RuleNode = { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 2, withinDays: 90 };
  const alt = (value: number, uln: number | null, measuredAt = '2026-11-02') =>
    makeCandidate({ labs: [{ code: 'alt', value, uln, lln: 7, measuredAt }] });

  it('treats exactly 2 × ULN as not above 2 × ULN', () => {
    expect(checkRule({ kind: 'EXCLUSION', rule: altOver2, candidate: alt(80, 40) })).toMatchObject({
      result: 'NOT_MET',
      explanation: 'ALT = 2 × ULN (80, ULN 40) on 2026-11-02; excluded if > 2 × ULN',
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: altOver2, candidate: alt(81, 40) })).toMatchObject({
      result: 'MET',
      explanation: 'ALT = 2.03 × ULN (81, ULN 40) on 2026-11-02; excluded if > 2 × ULN',
    });
  });

  it('shows enough decimals not to display the threshold for a value just above it', () => {
    expect(checkRule({ kind: 'EXCLUSION', rule: altOver2, candidate: alt(80.1, 40) }).explanation).toBe(
      'ALT = 2.0025 × ULN (80.1, ULN 40) on 2026-11-02; excluded if > 2 × ULN',
    );
  });

  it('compares decimal ratios without binary noise (0.3 / 0.1 is exactly 3)', () => {
    const candidate = makeCandidate({
      labs: [{ code: 'bilirubin_direct', value: 0.3, uln: 0.1, lln: null, measuredAt: '2026-11-02' }],
    });
    expect(
      checkRule({ rule: { kind: 'lab', lab: 'bilirubin_direct', reference: 'uln', op: 'gte', value: 3 }, candidate })
        .result,
    ).toBe('MET');
    expect(
      checkRule({ rule: { kind: 'lab', lab: 'bilirubin_direct', reference: 'uln', op: 'gt', value: 3 }, candidate })
        .result,
    ).toBe('NOT_MET');
  });

  it('is UNKNOWN without the reference limit, when missing, or when stale', () => {
    expect(checkRule({ rule: altOver2, candidate: alt(81, null) })).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'ALT on 2026-11-02 has no ULN recorded',
      missing: ['ALT ULN'],
    });
    expect(checkRule({ rule: altOver2, candidate: makeCandidate() })).toMatchObject({
      result: 'UNKNOWN',
      missing: ['ALT'],
    });
  });

  it('applies the time window to labs', () => {
    expect(checkRule({ rule: altOver2, candidate: alt(81, 40, '2026-08-25') }).result).toBe('MET'); // 90 days old
    expect(checkRule({ rule: altOver2, candidate: alt(81, 40, '2026-08-24') })).toMatchObject({
      result: 'UNKNOWN',
      explanation: "ALT recorded 91 days before the check; older than this criterion's 90-day window",
      missing: ['ALT'],
    }); // 91 days old
  });

  it('compares against the LLN when asked', () => {
    const rule: RuleNode = { kind: 'lab', lab: 'tsh', reference: 'lln', op: 'lt', value: 1 };
    const tsh = (value: number) =>
      makeCandidate({ labs: [{ code: 'tsh', value, uln: 4.5, lln: 0.4, measuredAt: '2026-11-02' }] });
    expect(checkRule({ rule, candidate: tsh(0.3) })).toMatchObject({
      result: 'MET',
      explanation: 'TSH = 0.75 × LLN (0.3, LLN 0.4) on 2026-11-02; needs < 1 × LLN',
    });
    expect(checkRule({ rule, candidate: tsh(0.4) }).result).toBe('NOT_MET');
  });
});
