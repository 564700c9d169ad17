import { describe, expect, it } from 'vitest';
import type { StoredProvenance } from '@/lib/validations/provenance';
import { mergeProvenance, newProvenance } from './merge-provenance';
import { ruleForEngine } from './rule-assumptions';

const CONFIRMED_AT = '2026-12-01T10:00:00.000Z';
const previous: StoredProvenance = {
  quote: 'dosed at 0.5mg/kg',
  assumptions: [
    {
      field: 'weightBasis',
      note: 'Actual body weight',
      confirmedById: 'u1',
      confirmedByName: 'Ann Admin',
      confirmedAt: CONFIRMED_AT,
    },
    { field: 'roundingIncrementMg', note: '0.1 mg', confirmedById: null, confirmedByName: null, confirmedAt: null },
  ],
};

describe('mergeProvenance', () => {
  it('keeps the previous record when the write says nothing about provenance', () => {
    expect(mergeProvenance({ previous, next: null, isChanged: () => false })).toEqual(previous);
  });

  it('drops a confirmation when the value it confirmed changes', () => {
    const merged = mergeProvenance({ previous, next: null, isChanged: (field) => field === 'weightBasis' });
    expect(merged?.assumptions[0]).toMatchObject({ field: 'weightBasis', confirmedAt: null, confirmedById: null });
  });

  it('drops a confirmation when the assumption is reworded', () => {
    const next = { quote: previous.quote, assumptions: [{ field: 'weightBasis' as const, note: 'Ideal body weight' }] };
    expect(mergeProvenance({ previous, next, isChanged: () => false })?.assumptions).toEqual([
      {
        field: 'weightBasis',
        note: 'Ideal body weight',
        confirmedById: null,
        confirmedByName: null,
        confirmedAt: null,
      },
    ]);
  });

  it('starts every assumption of a new value unconfirmed, and records none for staff entries', () => {
    const created = newProvenance({ quote: null, assumptions: [{ field: 'rule', note: 'No numbers on the page' }] });
    expect(created?.assumptions[0].confirmedAt).toBeNull();
    expect(newProvenance(null)).toBeNull();
  });
});

describe('ruleForEngine', () => {
  const rule = { kind: 'number', measure: 'sbp', op: 'gt', value: 160 };
  const assumed = newProvenance({
    quote: 'Poorly controlled hypertension.',
    assumptions: [{ field: 'rule', note: 'x' }],
  });

  it('hides a rule resting on an unconfirmed assumption (clinician judgment), and only that', () => {
    expect(ruleForEngine(rule, assumed)).toBeNull();
    expect(ruleForEngine(rule, { quote: 'SBP > 160', assumptions: [] })).toBe(rule);
    expect(ruleForEngine(rule, null)).toBe(rule);
    expect(ruleForEngine(null, assumed)).toBeNull();
  });

  it('uses the rule once its assumption is confirmed', () => {
    const confirmed = {
      ...assumed!,
      assumptions: assumed!.assumptions.map((a) => ({
        ...a,
        confirmedById: 'u1',
        confirmedByName: 'A',
        confirmedAt: CONFIRMED_AT,
      })),
    };
    expect(ruleForEngine(rule, confirmed)).toBe(rule);
  });
});
