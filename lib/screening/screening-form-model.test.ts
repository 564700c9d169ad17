import { describe, expect, it } from 'vitest';
import type { EligibilityCandidate, EligibilityCriterion } from '@/lib/eligibility/types';
import { buildScreeningFields, collectScreeningNeeds } from '@/lib/screening/screening-form-model';

const AS_OF = '2026-12-04';

function candidate(overrides: Partial<EligibilityCandidate> = {}): EligibilityCandidate {
  return {
    dateOfBirth: '1986-01-01',
    sex: 'female',
    measurements: [],
    labs: [],
    diagnoses: [],
    medications: [],
    facts: [],
    ...overrides,
  };
}

const criteria: EligibilityCriterion[] = [
  {
    id: 'c1',
    kind: 'INCLUSION',
    text: 'Age 18–65, PHQ-9 ≥ 15',
    rule: {
      kind: 'all',
      rules: [
        { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 },
        { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 },
      ],
    },
  },
  { id: 'c2', kind: 'EXCLUSION', text: 'BMI > 40', rule: { kind: 'number', measure: 'bmi', op: 'gt', value: 40 } },
  {
    id: 'c3',
    kind: 'EXCLUSION',
    text: 'Uncontrolled blood pressure',
    rule: {
      kind: 'any',
      rules: [
        { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
        { kind: 'number', measure: 'dbp', op: 'gt', value: 100, withinDays: 7 },
      ],
    },
  },
  {
    id: 'c4',
    kind: 'EXCLUSION',
    text: 'MAOI in the last 14 days',
    rule: { kind: 'medication', anyOf: ['maoi'], withinDays: 14 },
  },
  {
    id: 'c5',
    kind: 'EXCLUSION',
    text: 'ALT > 3 × ULN',
    rule: { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 3 },
  },
  {
    id: 'c6',
    kind: 'EXCLUSION',
    text: 'Lifetime bipolar disorder',
    rule: { kind: 'diagnosis', anyOf: ['bipolar_disorder'], withinDays: 3650 },
  },
  {
    id: 'c7',
    kind: 'INCLUSION',
    text: 'Adult driver',
    rule: { kind: 'fact', fact: 'adult_driver_available', equals: true },
  },
  { id: 'c8', kind: 'INCLUSION', text: 'Female', rule: { kind: 'sex', anyOf: ['female'] } },
  { id: 'c9', kind: 'INCLUSION', text: 'Per the psychiatrist', rule: null },
];

describe('collectScreeningNeeds', () => {
  it('asks for what the rules read: BMI as weight and height, SBP and DBP as one reading, not age or sex', () => {
    const needs = collectScreeningNeeds(criteria, 30);
    expect([...needs.keys()].sort()).toEqual(
      [
        'alt',
        'bp',
        'dx:bipolar_disorder',
        'fact:adult_driver_available',
        'height_cm',
        'med:maoi',
        'phq9_total',
        'weight_kg',
      ].sort(),
    );
  });

  it('keeps the shortest window when several rules read the same value', () => {
    const needs = collectScreeningNeeds(criteria, 30);
    expect(needs.get('bp')).toMatchObject({ windowDays: 7, isRuleOwnWindow: true });
    expect(needs.get('phq9_total')).toMatchObject({ windowDays: 30, isRuleOwnWindow: false });
    expect(needs.get('med:maoi')).toMatchObject({ windowDays: 14, isRuleOwnWindow: true });
  });
});

describe('buildScreeningFields', () => {
  it('marks every field missing for a candidate with no data, with units, unit choices and ranges', () => {
    const fields = buildScreeningFields({ criteria, screeningWindowDays: 30, candidate: candidate(), asOf: AS_OF });
    expect(fields.every((field) => field.status === 'missing' && field.latest === null)).toBe(true);
    expect(fields.map((field) => field.code)).toEqual([
      'weight_kg',
      'height_cm',
      'bp',
      'phq9_total',
      'alt',
      'dx:bipolar_disorder',
      'med:maoi',
      'fact:adult_driver_available',
    ]);
    const weight = fields.find((field) => field.code === 'weight_kg');
    expect(weight).toMatchObject({ unit: 'kg', units: ['kg', 'lb'], ranges: [{ min: 30, max: 300, unit: 'kg' }] });
    expect(weight?.note).toMatch(/BMI is computed/);
    expect(fields.find((field) => field.code === 'bp')).toMatchObject({
      kind: 'bp',
      unit: 'mmHg',
      ranges: [
        { min: 60, max: 260 },
        { min: 30, max: 160 },
      ],
    });
  });

  it('marks a value older than its window stale and one exactly at the window current, with its date and age', () => {
    const fields = buildScreeningFields({
      criteria,
      screeningWindowDays: 30,
      candidate: candidate({
        measurements: [
          { code: 'phq9_total', value: 12, measuredAt: '2026-10-01' },
          { code: 'phq9_total', value: 18, measuredAt: '2026-11-04' },
          { code: 'weight_kg', value: 80, measuredAt: '2026-11-03' },
          { code: 'sbp', value: 130, measuredAt: '2026-12-01' },
          { code: 'dbp', value: 85, measuredAt: '2026-11-20' },
        ],
        medications: [
          { class: 'maoi', isCurrent: false, lastDoseAt: null, isNeverTaken: true, recordedAt: '2026-11-30' },
        ],
      }),
      asOf: AS_OF,
    });
    const byCode = new Map(fields.map((field) => [field.code, field]));
    expect(byCode.get('phq9_total')).toMatchObject({
      status: 'current',
      latest: { value: '18', measuredOn: '2026-11-04', ageDays: 30 },
    });
    expect(byCode.get('weight_kg')).toMatchObject({ status: 'stale', latest: { value: '80 kg', ageDays: 31 } });
    // A reading is as old as its older half; the 7-day DBP window makes it stale.
    expect(byCode.get('bp')).toMatchObject({
      status: 'stale',
      latest: { value: '130/85 mmHg', measuredOn: '2026-11-20', ageDays: 14 },
    });
    expect(byCode.get('med:maoi')).toMatchObject({ status: 'current', latest: { value: 'Never taken' } });
    expect(byCode.get('height_cm')?.status).toBe('missing');
  });

  it('treats a blood pressure with only one half recorded as missing', () => {
    const fields = buildScreeningFields({
      criteria,
      screeningWindowDays: 30,
      candidate: candidate({ measurements: [{ code: 'sbp', value: 130, measuredAt: AS_OF }] }),
      asOf: AS_OF,
    });
    expect(fields.find((field) => field.code === 'bp')?.status).toBe('missing');
  });
});
