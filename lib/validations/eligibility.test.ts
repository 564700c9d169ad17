import { describe, expect, it } from 'vitest';
import { measurementInputSchema, ruleNodeSchema, type RuleNode } from '@/lib/validations/eligibility';

function messages(input: unknown): string[] {
  const result = ruleNodeSchema.safeParse(input);
  if (result.success) throw new Error('expected the rule to be rejected');
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const bmiOver40: RuleNode = { kind: 'number', measure: 'bmi', op: 'gt', value: 40 };

describe('ruleNodeSchema', () => {
  it('accepts the contract examples', () => {
    const hypertension: RuleNode = {
      kind: 'any',
      rules: [
        { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
        { kind: 'number', measure: 'dbp', op: 'gt', value: 100 },
      ],
    };
    expect(ruleNodeSchema.parse(bmiOver40)).toEqual(bmiOver40);
    expect(ruleNodeSchema.parse(hypertension)).toEqual(hypertension);
  });

  it('accepts every leaf kind', () => {
    const rules: RuleNode[] = [
      { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 },
      { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15, withinDays: 30 },
      { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 2, withinDays: 90 },
      { kind: 'sex', anyOf: ['female'] },
      { kind: 'diagnosis', anyOf: ['bipolar_disorder', 'schizophrenia'] },
      { kind: 'medication', anyOf: ['benzodiazepine'], withinDays: 14 },
      { kind: 'fact', fact: 'pregnant', equals: true },
      { kind: 'all', rules: [bmiOver40, { kind: 'fact', fact: 'veteran', equals: false, withinDays: 365 }] },
    ];
    for (const rule of rules) expect(ruleNodeSchema.safeParse(rule).success).toBe(true);
  });

  it('requires an ordered upper bound for between, and only for between', () => {
    expect(messages({ kind: 'number', measure: 'age_years', op: 'between', value: 18 })).toEqual([
      'max: A range needs an upper bound',
    ]);
    expect(messages({ kind: 'number', measure: 'age_years', op: 'between', value: 65, max: 18 })).toEqual([
      'max: Upper bound must be at least the lower bound',
    ]);
    expect(messages({ kind: 'number', measure: 'bmi', op: 'gt', value: 40, max: 50 })).toEqual([
      'max: Only a range (between) takes an upper bound',
    ]);
    expect(
      ruleNodeSchema.safeParse({ kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 18 }).success,
    ).toBe(true);
  });

  it('rejects thresholds outside the plausible range of the measure', () => {
    expect(messages({ kind: 'number', measure: 'bmi', op: 'gt', value: 400 })).toEqual([
      'value: BMI threshold must be within 10–80 kg/m²',
    ]);
    expect(messages({ kind: 'number', measure: 'phq9_total', op: 'gte', value: 28 })).toEqual([
      'value: PHQ-9 total threshold must be within 0–27',
    ]);
    expect(ruleNodeSchema.safeParse({ kind: 'number', measure: 'phq9_total', op: 'gte', value: 27 }).success).toBe(
      true,
    );
  });

  it('rejects unknown codes, operators and kinds', () => {
    expect(ruleNodeSchema.safeParse({ kind: 'number', measure: 'iq', op: 'gt', value: 1 }).success).toBe(false);
    expect(ruleNodeSchema.safeParse({ kind: 'number', measure: 'bmi', op: 'ge', value: 30 }).success).toBe(false);
    expect(ruleNodeSchema.safeParse({ kind: 'lab', lab: 'ggt', reference: 'uln', op: 'gt', value: 2 }).success).toBe(
      false,
    );
    expect(ruleNodeSchema.safeParse({ kind: 'diagnosis', anyOf: ['flu'] }).success).toBe(false);
    expect(ruleNodeSchema.safeParse({ kind: 'not', rule: bmiOver40 }).success).toBe(false);
  });

  it('rejects empty lists and empty groups, and duplicate codes', () => {
    expect(messages({ kind: 'diagnosis', anyOf: [] })).toEqual(['anyOf: Choose at least one diagnosis']);
    expect(messages({ kind: 'medication', anyOf: ['maoi', 'maoi'], withinDays: 14 })).toEqual([
      'anyOf: Each medication class may be listed only once',
    ]);
    expect(messages({ kind: 'all', rules: [] })).toEqual(['rules: A group needs at least one rule']);
    expect(messages({ kind: 'any', rules: [{ kind: 'sex', anyOf: [] }] })).toEqual([
      'rules.0.anyOf: Choose at least one sex',
    ]);
  });

  it('validates time windows and lab multiples', () => {
    expect(messages({ kind: 'medication', anyOf: ['maoi'] })).toHaveLength(1);
    expect(messages({ kind: 'medication', anyOf: ['maoi'], withinDays: 0 })).toEqual([
      'withinDays: Must be at least 1 day',
    ]);
    expect(messages({ kind: 'number', measure: 'phq9_total', op: 'gte', value: 15, withinDays: 1.5 })).toEqual([
      'withinDays: Enter a whole number of days',
    ]);
    expect(messages({ kind: 'number', measure: 'age_years', op: 'gte', value: 18, withinDays: 30 })).toEqual([
      'withinDays: Age is computed on the check date; it cannot be stale',
    ]);
    expect(messages({ kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 0 })).toEqual([
      'value: Multiple must be above 0 and at most 100',
    ]);
  });

  it('rejects unexpected keys and overly deep nesting', () => {
    expect(ruleNodeSchema.safeParse({ ...bmiOver40, note: 'x' }).success).toBe(false);
    let deep: RuleNode = bmiOver40;
    for (let i = 0; i < 6; i++) deep = { kind: 'all', rules: [deep] };
    expect(messages(deep)).toEqual([': Rules may nest at most 6 levels deep']);
    const { rules } = deep as { rules: RuleNode[] };
    expect(ruleNodeSchema.safeParse(rules[0]).success).toBe(true);
  });

  it('re-exports the measurement input schema', () => {
    expect(measurementInputSchema.safeParse({ code: 'sbp', value: 120, measuredAt: '2026-11-02' }).success).toBe(true);
  });
});
