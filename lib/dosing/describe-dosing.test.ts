import { describe, expect, it } from 'vitest';
import { dosingProtocolSchema, NCT06419439_DOSING, NCT06668571_DOSING } from '@/lib/validations/dosing';
import { describeDosing } from './describe-dosing';

// What staff read on the trial page must say exactly what the protocol says.
describe('describeDosing', () => {
  it('NCT06419439: four twice-weekly infusions at 0.5 mg/kg, no cap', () => {
    expect(describeDosing(NCT06419439_DOSING)).toBe(
      '0.5 mg/kg actual body weight, no cap, IV; 4 sessions, at most 2 in any 7 days, ≥ 48 h and ≤ 7 days apart',
    );
  });

  it('NCT06668571: one 40-minute infusion capped at 50 mg, optional open-label extension 1–7 days later', () => {
    expect(describeDosing(NCT06668571_DOSING)).toBe(
      '0.5 mg/kg actual body weight, capped at 50 mg, IV over 40 min; 1 session; optional open-label extension 1–7 days after (0.5 mg/kg actual body weight)',
    );
  });

  it('a placebo arm says there is no drug dose, on the same schedule', () => {
    const placebo = dosingProtocolSchema.parse({
      ...NCT06419439_DOSING,
      doseMode: 'PLACEBO',
      mgPerKg: null,
      weightBasis: null,
    });
    expect(describeDosing(placebo)).toBe(
      'placebo (no drug dose), IV; 4 sessions, at most 2 in any 7 days, ≥ 48 h and ≤ 7 days apart',
    );
  });
});
