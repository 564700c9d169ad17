import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculateDose } from '@/lib/dosing/calculate-dose';
import type { DosingProtocol } from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';

const today = new Date('2026-11-22');
const measuredAt = new Date('2026-11-20');

// Every quantity is generated as an integer count of its smallest unit, so an exact
// integer oracle can be computed alongside: mg/kg in 0.01, weight in 0.1 kg, mg in 0.001.
const INCREMENTS_THOUSANDTHS = [50, 100, 250, 500, 1000, 2500] as const;

type Case = { mgPerKgHundredths: number; weightTenths: number; incrementThousandths: number; capSteps: number | null };

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  mgPerKgHundredths: fc.integer({ min: 1, max: 500 }),
  weightTenths: fc.integer({ min: 300, max: 3000 }),
  incrementThousandths: fc.constantFrom(...INCREMENTS_THOUSANDTHS),
  capSteps: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
});

function protocolFor(testCase: Case): DosingProtocol {
  const { mgPerKgHundredths, incrementThousandths, capSteps } = testCase;
  return {
    ...defaultDosingProtocol(),
    mgPerKg: mgPerKgHundredths / 100,
    roundingIncrementMg: incrementThousandths / 1000,
    maxMgPerSession: capSteps === null ? null : (capSteps * incrementThousandths) / 1000,
  };
}

function run(testCase: Case, weightTenths = testCase.weightTenths) {
  return calculateDose({ protocol: protocolFor(testCase), weight: { kg: weightTenths / 10, measuredAt }, today });
}

/** Dose in thousandths of a mg by integer arithmetic: round half up, then cap. */
function oracleThousandths(testCase: Case): number {
  const { mgPerKgHundredths, weightTenths, incrementThousandths, capSteps } = testCase;
  const rawThousandths = mgPerKgHundredths * weightTenths; // 0.01 × 0.1 = 0.001
  const count = Math.floor((2 * rawThousandths + incrementThousandths) / (2 * incrementThousandths));
  const rounded = count * incrementThousandths;
  return capSteps === null ? rounded : Math.min(rounded, capSteps * incrementThousandths);
}

describe('calculateDose properties', () => {
  it('matches an exact integer oracle (round half up, then cap)', () => {
    fc.assert(
      fc.property(caseArbitrary, (testCase) => {
        const result = run(testCase);
        const expected = oracleThousandths(testCase);
        if (expected === 0) {
          expect(result).toMatchObject({
            ok: false,
            errors: [expect.objectContaining({ code: 'DOSE_ROUNDS_TO_ZERO' })],
          });
          return;
        }
        expect(result.ok && Math.round(result.doseMg * 1000)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never exceeds the cap, and flags capping only when the cap reduced the dose', () => {
    fc.assert(
      fc.property(caseArbitrary, (testCase) => {
        const result = run(testCase);
        const cap = protocolFor(testCase).maxMgPerSession;
        if (!result.ok) return;
        if (cap !== null) expect(result.doseMg).toBeLessThanOrEqual(cap);
        expect(result.capped).toBe(result.uncappedDoseMg > result.doseMg);
      }),
      { numRuns: 1000 },
    );
  });

  it('always gives a multiple of the rounding increment', () => {
    fc.assert(
      fc.property(caseArbitrary, (testCase) => {
        const result = run(testCase);
        if (!result.ok) return;
        const multiples = result.doseMg / (testCase.incrementThousandths / 1000);
        expect(Math.abs(multiples - Math.round(multiples))).toBeLessThan(1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('is monotone non-decreasing in weight for actual body weight', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 300, max: 3000 }), (testCase, otherTenths) => {
        const [lighter, heavier] = [
          Math.min(testCase.weightTenths, otherTenths),
          Math.max(testCase.weightTenths, otherTenths),
        ];
        const lighterResult = run(testCase, lighter);
        const heavierResult = run(testCase, heavier);
        const lighterDose = lighterResult.ok ? lighterResult.doseMg : 0;
        expect(heavierResult.ok || !lighterResult.ok).toBe(true);
        if (heavierResult.ok) expect(heavierResult.doseMg).toBeGreaterThanOrEqual(lighterDose);
      }),
      { numRuns: 1000 },
    );
  });

  it('returns errors, never a number, for implausible weights', () => {
    const invalidWeight = fc.oneof(
      fc.double({ max: 30, maxExcluded: true, noNaN: true }),
      fc.double({ min: 300, minExcluded: true, noNaN: true }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    );
    fc.assert(
      fc.property(caseArbitrary, invalidWeight, (testCase, kg) => {
        const result = calculateDose({ protocol: protocolFor(testCase), weight: { kg, measuredAt }, today });
        expect(result.ok).toBe(false);
        expect(result).not.toHaveProperty('doseMg');
        expect(result.ok ? [] : result.errors.map((error) => error.code)).toContain('WEIGHT_OUT_OF_RANGE');
      }),
      { numRuns: 1000 },
    );
  });
});
