import { describe, expect, it } from 'vitest';
import type { RuleNode } from '@/lib/validations/eligibility';
import { evaluateCriteria } from '@/lib/eligibility/evaluate-criteria';
import { AS_OF, checkRule, makeCandidate } from '@/lib/eligibility/test-helpers';

// Three leaves with known outcomes for one fixed candidate: veteran = yes (T), speaks English = no (F),
// pregnancy never recorded (U).
const T: RuleNode = { kind: 'fact', fact: 'veteran', equals: true };
const F: RuleNode = { kind: 'fact', fact: 'speaks_english', equals: true };
const U: RuleNode = { kind: 'fact', fact: 'pregnant', equals: true };
const truthCandidate = makeCandidate({
  facts: [
    { code: 'veteran', value: true, recordedAt: '2026-11-01' },
    { code: 'speaks_english', value: false, recordedAt: '2026-11-01' },
  ],
});
const leaves = { T, F, U } as const;
const asResult = { T: 'MET', F: 'NOT_MET', U: 'UNKNOWN' } as const;
type Value = keyof typeof leaves;

function run(rule: RuleNode) {
  return checkRule({ rule, candidate: truthCandidate });
}

describe('three-valued logic', () => {
  it('evaluates the leaves as intended', () => {
    expect(run(T).result).toBe('MET');
    expect(run(F).result).toBe('NOT_MET');
    expect(run(U).result).toBe('UNKNOWN');
  });

  const andTable: Array<[Value, Value, Value]> = [
    ['T', 'T', 'T'],
    ['T', 'F', 'F'],
    ['T', 'U', 'U'],
    ['F', 'T', 'F'],
    ['F', 'F', 'F'],
    ['F', 'U', 'F'],
    ['U', 'T', 'U'],
    ['U', 'F', 'F'],
    ['U', 'U', 'U'],
  ];
  const orTable: Array<[Value, Value, Value]> = [
    ['T', 'T', 'T'],
    ['T', 'F', 'T'],
    ['T', 'U', 'T'],
    ['F', 'T', 'T'],
    ['F', 'F', 'F'],
    ['F', 'U', 'U'],
    ['U', 'T', 'T'],
    ['U', 'F', 'U'],
    ['U', 'U', 'U'],
  ];
  for (const [a, b, expected] of andTable) {
    it(`${a} AND ${b} = ${expected}`, () =>
      expect(run({ kind: 'all', rules: [leaves[a], leaves[b]] }).result).toBe(asResult[expected]));
  }
  for (const [a, b, expected] of orTable) {
    it(`${a} OR ${b} = ${expected}`, () =>
      expect(run({ kind: 'any', rules: [leaves[a], leaves[b]] }).result).toBe(asResult[expected]));
  }

  it('handles single-child groups and nesting', () => {
    expect(run({ kind: 'all', rules: [U] }).result).toBe('UNKNOWN');
    expect(run({ kind: 'any', rules: [F, { kind: 'all', rules: [T, T] }] }).result).toBe('MET');
    expect(run({ kind: 'all', rules: [T, { kind: 'any', rules: [F, U] }] }).result).toBe('UNKNOWN');
  });

  it('lists only the missing data that could still change the answer', () => {
    const pregnancy = 'Pregnant (yes/no)';
    const breastfeeding: RuleNode = { kind: 'fact', fact: 'breastfeeding', equals: true };
    expect(run({ kind: 'any', rules: [T, U] }).missing).toEqual([]);
    expect(run({ kind: 'all', rules: [F, U] }).missing).toEqual([]);
    expect(run({ kind: 'all', rules: [U, { kind: 'any', rules: [T, breastfeeding] }] }).missing).toEqual([pregnancy]);
    expect(run({ kind: 'any', rules: [U, breastfeeding, U] }).missing).toEqual([pregnancy, 'Breastfeeding (yes/no)']);
  });
});

describe('composite explanations', () => {
  const hypertension: RuleNode = {
    kind: 'any',
    rules: [
      { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
      { kind: 'number', measure: 'dbp', op: 'gt', value: 100 },
    ],
  };
  const bp = (sbp: number | null, dbp: number) =>
    makeCandidate({
      measurements: [
        ...(sbp === null ? [] : [{ code: 'sbp' as const, value: sbp, measuredAt: '2026-11-02' }]),
        { code: 'dbp', value: dbp, measuredAt: '2026-11-03' },
      ],
    });

  it('cites every value and the whole rule', () => {
    expect(checkRule({ kind: 'EXCLUSION', rule: hypertension, candidate: bp(150, 104) })).toMatchObject({
      result: 'MET',
      explanation: 'SBP = 150 on 2026-11-02; DBP = 104 on 2026-11-03; excluded if SBP > 160 or DBP > 100',
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: hypertension, candidate: bp(160, 100) }).result).toBe('NOT_MET');
  });

  it('names the missing value when the rest does not decide', () => {
    expect(checkRule({ kind: 'EXCLUSION', rule: hypertension, candidate: bp(null, 90) })).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'Missing: SBP; DBP = 90 on 2026-11-03; excluded if SBP > 160 or DBP > 100',
      missing: ['SBP'],
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: hypertension, candidate: bp(null, 101) }).result).toBe('MET');
  });

  it('cites a repeated measure once', () => {
    const rule: RuleNode = {
      kind: 'all',
      rules: [
        { kind: 'number', measure: 'age_years', op: 'gte', value: 18 },
        { kind: 'number', measure: 'age_years', op: 'lte', value: 65 },
      ],
    };
    expect(checkRule({ rule, candidate: makeCandidate({ dateOfBirth: '1990-01-01' }) }).explanation).toBe(
      'Age 36 on 2026-11-23; needs age ≥ 18 and age ≤ 65',
    );
  });
});

describe('diagnoses', () => {
  // A lifetime history: its own ten-year window, so year-old answers still decide it.
  const psychosis: RuleNode = { kind: 'diagnosis', anyOf: ['bipolar_disorder', 'schizophrenia'], withinDays: 3650 };
  const dx = (entries: Array<[string, boolean, string]>) =>
    makeCandidate({
      diagnoses: entries.map(([code, isPresent, recordedAt]) => ({
        code: code as 'schizophrenia',
        isPresent,
        recordedAt,
      })),
    });

  it('is MET when any listed diagnosis is present', () => {
    expect(
      checkRule({ kind: 'EXCLUSION', rule: psychosis, candidate: dx([['schizophrenia', true, '2025-05-01']]) }),
    ).toMatchObject({
      result: 'MET',
      explanation: 'Schizophrenia present (recorded 2025-05-01); excluded if any of: bipolar disorder, schizophrenia',
      missing: [],
    });
  });

  it('is NOT_MET only when every listed diagnosis is recorded absent', () => {
    const result = checkRule({
      kind: 'EXCLUSION',
      rule: psychosis,
      candidate: dx([
        ['bipolar_disorder', false, '2026-01-02'],
        ['schizophrenia', false, '2026-01-03'],
      ]),
    });
    expect(result).toMatchObject({
      result: 'NOT_MET',
      explanation:
        'Recorded absent: bipolar disorder (2026-01-02), schizophrenia (2026-01-03); excluded if any of: bipolar disorder, schizophrenia',
    });
  });

  it('is UNKNOWN when one is absent and the other never recorded', () => {
    expect(
      checkRule({ kind: 'EXCLUSION', rule: psychosis, candidate: dx([['bipolar_disorder', false, '2026-01-02']]) }),
    ).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'Recorded absent: bipolar disorder (2026-01-02); Missing: Schizophrenia (diagnosis)',
      missing: ['Schizophrenia (diagnosis)'],
    });
    expect(checkRule({ kind: 'EXCLUSION', rule: psychosis, candidate: makeCandidate() }).missing).toEqual([
      'Bipolar disorder (diagnosis)',
      'Schizophrenia (diagnosis)',
    ]);
  });

  it('ignores a record made after the check day', () => {
    expect(
      checkRule({
        rule: psychosis,
        candidate: dx([
          ['bipolar_disorder', false, '2026-01-02'],
          ['schizophrenia', false, '2026-01-02'],
          ['schizophrenia', true, '2026-11-24'],
        ]),
      }).result,
    ).toBe('NOT_MET');
    expect(checkRule({ rule: psychosis, candidate: dx([['schizophrenia', true, '2026-11-24']]) }).result).toBe(
      'UNKNOWN',
    );
  });

  it('lets a newer record override an older one', () => {
    expect(
      checkRule({
        rule: psychosis,
        candidate: dx([
          ['schizophrenia', true, '2025-05-01'],
          ['schizophrenia', false, '2026-05-01'],
          ['bipolar_disorder', false, '2026-05-01'],
        ]),
      }).result,
    ).toBe('NOT_MET');
  });
});

describe('medications', () => {
  const washout: RuleNode = { kind: 'medication', anyOf: ['benzodiazepine'], withinDays: 14 };
  const med = (isCurrent: boolean, lastDoseAt: string | null, recordedAt = '2026-11-20', isNeverTaken = true) =>
    makeCandidate({
      medications: [
        {
          class: 'benzodiazepine',
          isCurrent,
          lastDoseAt,
          isNeverTaken: isNeverTaken && !isCurrent && lastDoseAt === null,
          recordedAt,
        },
      ],
    });
  const run = (candidate: ReturnType<typeof med>) => checkRule({ kind: 'EXCLUSION', rule: washout, candidate });

  it('is MET when taken now or within the window (inclusive)', () => {
    expect(run(med(true, null))).toMatchObject({
      result: 'MET',
      explanation: 'Benzodiazepine: current (recorded 2026-11-20); excluded if benzodiazepine use within 14 days',
    });
    expect(run(med(false, '2026-11-09'))).toMatchObject({
      result: 'MET',
      explanation: 'Benzodiazepine: last dose 2026-11-09; excluded if benzodiazepine use within 14 days',
    });
  });

  it('is NOT_MET when the last dose is older than the window or it was never taken', () => {
    expect(run(med(false, '2026-11-08'))).toMatchObject({
      result: 'NOT_MET',
      explanation:
        'Benzodiazepine: last dose 2026-11-08 (recorded 2026-11-20); excluded if benzodiazepine use within 14 days',
    });
    expect(run(med(false, null))).toMatchObject({
      result: 'NOT_MET',
      explanation: 'Benzodiazepine: never taken (recorded 2026-11-20); excluded if benzodiazepine use within 14 days',
    });
  });

  it('is UNKNOWN when not recorded or when the history predates the window', () => {
    expect(run(makeCandidate())).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'Missing: Benzodiazepine use',
      missing: ['Benzodiazepine use'],
    });
    expect(run(med(false, null, '2026-11-08'))).toMatchObject({
      result: 'UNKNOWN',
      explanation:
        "Benzodiazepine history recorded 15 days before the check; older than this criterion's 14-day window",
    });
    expect(run(med(true, null, '2026-11-08')).result).toBe('UNKNOWN');
    expect(run(med(false, null, '2026-11-09')).result).toBe('NOT_MET');
  });

  it('is UNKNOWN, not NOT_MET, when the last dose is unknown rather than never taken', () => {
    expect(run(med(false, null, '2026-11-20', false))).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'Benzodiazepine: not taken now, last dose unknown (recorded 2026-11-20)',
      missing: ['Benzodiazepine last dose'],
    });
    // "Never taken" is the answer that clears the washout exclusion.
    expect(run(med(false, null, '2026-11-20', true)).result).toBe('NOT_MET');
  });

  it('never reads "never taken" into a record that has a last dose or is current', () => {
    const contradictory = makeCandidate({
      medications: [
        {
          class: 'benzodiazepine',
          isCurrent: false,
          lastDoseAt: '2026-11-15',
          isNeverTaken: true,
          recordedAt: '2026-11-20',
        },
      ],
    });
    expect(run(contradictory).result).toBe('MET');
  });

  it('is MET when any listed class was used even if another is unrecorded', () => {
    const rule: RuleNode = { kind: 'medication', anyOf: ['maoi', 'benzodiazepine'], withinDays: 14 };
    expect(checkRule({ rule, candidate: med(true, null) })).toMatchObject({ result: 'MET', missing: [] });
    expect(checkRule({ rule, candidate: med(false, null) })).toMatchObject({
      result: 'UNKNOWN',
      missing: ['MAOI use'],
    });
  });
});

describe('facts, sex and clinician judgment', () => {
  it('compares a fact with the expected answer and honours its window', () => {
    const notInTrial: RuleNode = { kind: 'fact', fact: 'in_another_trial', equals: false, withinDays: 30 };
    const fact = (value: boolean, recordedAt: string) =>
      makeCandidate({ facts: [{ code: 'in_another_trial', value, recordedAt }] });
    expect(checkRule({ rule: notInTrial, candidate: fact(false, '2026-11-01') })).toMatchObject({
      result: 'MET',
      explanation: 'In another trial: no on 2026-11-01; needs in another trial: no',
    });
    expect(checkRule({ rule: notInTrial, candidate: fact(true, '2026-11-01') }).result).toBe('NOT_MET');
    expect(checkRule({ rule: notInTrial, candidate: fact(false, '2026-10-23') })).toMatchObject({
      result: 'UNKNOWN',
      explanation:
        "In another trial answer recorded 31 days before the check; older than this criterion's 30-day window",
    });
  });

  it('treats an unknown sex as missing unless the rule lists it', () => {
    const female: RuleNode = { kind: 'sex', anyOf: ['female'] };
    expect(checkRule({ rule: female, candidate: makeCandidate({ sex: 'female' }) })).toMatchObject({
      result: 'MET',
      explanation: 'Sex = female; needs sex: female',
    });
    expect(checkRule({ rule: female, candidate: makeCandidate({ sex: 'other' }) }).result).toBe('NOT_MET');
    expect(checkRule({ rule: female, candidate: makeCandidate({ sex: 'unknown' }) })).toMatchObject({
      result: 'UNKNOWN',
      missing: ['Sex'],
    });
    expect(
      checkRule({ rule: { kind: 'sex', anyOf: ['unknown'] }, candidate: makeCandidate({ sex: 'unknown' }) }).result,
    ).toBe('MET');
  });

  it('leaves a criterion without a rule to the clinician', () => {
    expect(checkRule({ rule: null, candidate: makeCandidate() })).toEqual({
      criterionId: 'c1',
      kind: 'INCLUSION',
      text: 'Test criterion',
      result: 'NEEDS_REVIEW',
      explanation: 'Clinician judgment',
      missing: [],
    });
  });

  it('shares a frozen empty missing list for decided results so it cannot be corrupted', () => {
    const decided = checkRule({ rule: T, candidate: truthCandidate });
    expect(decided.missing).toEqual([]);
    expect(() => decided.missing.push('x')).toThrow(TypeError);
    expect(checkRule({ rule: F, candidate: truthCandidate }).missing).toEqual([]);
  });

  it('returns one result per criterion in order', () => {
    const results = evaluateCriteria({
      criteria: [
        { id: 'a', kind: 'INCLUSION', text: 'A', rule: T },
        { id: 'b', kind: 'EXCLUSION', text: 'B', rule: F },
        { id: 'c', kind: 'EXCLUSION', text: 'C', rule: null },
      ],
      candidate: truthCandidate,
      asOf: AS_OF,
    });
    expect(results.map((r) => [r.criterionId, r.kind, r.result])).toEqual([
      ['a', 'INCLUSION', 'MET'],
      ['b', 'EXCLUSION', 'NOT_MET'],
      ['c', 'EXCLUSION', 'NEEDS_REVIEW'],
    ]);
  });
});
