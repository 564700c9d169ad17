import { describe, expect, it } from 'vitest';
import type { RuleNode } from '@/lib/validations/eligibility';
import { describeRule, lowerFirst } from '@/lib/eligibility/describe-rule';

const hypertension: RuleNode = {
  kind: 'any',
  rules: [
    { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
    { kind: 'number', measure: 'dbp', op: 'gt', value: 100 },
  ],
};

describe('describeRule', () => {
  it('describes numeric rules with labels and units', () => {
    expect(describeRule({ kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 })).toBe('PHQ-9 total ≥ 15');
    expect(describeRule({ kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 })).toBe(
      'Age 18–65 years',
    );
    expect(describeRule({ kind: 'number', measure: 'bmi', op: 'lte', value: 35 })).toBe('BMI ≤ 35 kg/m²');
    expect(describeRule({ kind: 'number', measure: 'weight_kg', op: 'lt', value: 50, withinDays: 7 })).toBe(
      'Weight < 50 kg within 7 days',
    );
    expect(describeRule({ kind: 'number', measure: 'nrs_pain', op: 'eq', value: 0 })).toBe('Pain NRS = 0');
    expect(describeRule(hypertension)).toBe('SBP > 160 mmHg or DBP > 100 mmHg');
  });

  it('describes labs as multiples of the reference limit', () => {
    expect(describeRule({ kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 2, withinDays: 90 })).toBe(
      'ALT > 2 × ULN within 90 days',
    );
    expect(describeRule({ kind: 'lab', lab: 'tsh', reference: 'lln', op: 'lt', value: 1 })).toBe('TSH < 1 × LLN');
  });

  it('describes diagnoses, medications, facts and sex', () => {
    expect(describeRule({ kind: 'diagnosis', anyOf: ['bipolar_disorder', 'schizophrenia'] })).toBe(
      'Any of: bipolar disorder, schizophrenia',
    );
    expect(describeRule({ kind: 'diagnosis', anyOf: ['ptsd_active', 'crps'] })).toBe(
      'Any of: PTSD (active), CRPS (complex regional pain syndrome)',
    );
    expect(describeRule({ kind: 'diagnosis', anyOf: ['glaucoma'] })).toBe('Glaucoma');
    expect(describeRule({ kind: 'medication', anyOf: ['benzodiazepine'], withinDays: 14 })).toBe(
      'Benzodiazepine use within 14 days',
    );
    expect(describeRule({ kind: 'medication', anyOf: ['benzodiazepine', 'maoi', 'opioid'], withinDays: 14 })).toBe(
      'Use of benzodiazepine, MAOI or opioid within 14 days',
    );
    expect(describeRule({ kind: 'fact', fact: 'pregnant', equals: true })).toBe('Pregnant: yes');
    expect(describeRule({ kind: 'fact', fact: 'able_to_consent', equals: true, withinDays: 30 })).toBe(
      'Able to consent: yes (recorded within 30 days)',
    );
    expect(describeRule({ kind: 'sex', anyOf: ['female', 'other'] })).toBe('Sex: female or other');
  });

  it('parenthesises nested groups and lower-cases words but not acronyms', () => {
    const rule: RuleNode = {
      kind: 'all',
      rules: [
        { kind: 'number', measure: 'age_years', op: 'gte', value: 60 },
        {
          kind: 'any',
          rules: [
            { kind: 'number', measure: 'bmi', op: 'gte', value: 35 },
            { kind: 'fact', fact: 'pregnant', equals: true },
          ],
        },
      ],
    };
    expect(describeRule(rule)).toBe('Age ≥ 60 years and (BMI ≥ 35 kg/m² or pregnant: yes)');
    expect(describeRule({ kind: 'all', rules: [{ kind: 'fact', fact: 'veteran', equals: true }] })).toBe(
      'Veteran: yes',
    );
  });

  it('has a short style without units or windows for explanations', () => {
    expect(describeRule(hypertension, { style: 'short' })).toBe('SBP > 160 or DBP > 100');
    expect(
      describeRule({ kind: 'number', measure: 'phq9_total', op: 'gte', value: 15, withinDays: 30 }, { style: 'short' }),
    ).toBe('PHQ-9 ≥ 15');
  });
});

describe('lowerFirst', () => {
  it('lower-cases ordinary words only', () => {
    expect(lowerFirst('Age ≥ 18')).toBe('age ≥ 18');
    expect(lowerFirst('PHQ-9 ≥ 15')).toBe('PHQ-9 ≥ 15');
    expect(lowerFirst('SpO₂ ≥ 94')).toBe('SpO₂ ≥ 94');
    expect(lowerFirst('(Age ≥ 18)')).toBe('(age ≥ 18)');
    expect(lowerFirst('')).toBe('');
  });
});
