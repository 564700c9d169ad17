import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBmi, roundBmi } from '@/lib/measures/compute-bmi';

describe('computeBmi', () => {
  it('computes worked examples rounded to one decimal', () => {
    expect(computeBmi(70, 175)).toBe(22.9); // 22.857
    expect(computeBmi(115.6, 170)).toBe(40); // exactly 40.0
    expect(computeBmi(115.69, 170)).toBe(40); // 40.031 rounds to 40.0
    expect(computeBmi(116, 170)).toBe(40.1); // 40.138
    expect(computeBmi(100, 100)).toBe(100);
  });

  it('rounds half up without binary noise', () => {
    expect(roundBmi(40.05)).toBe(40.1);
    expect(roundBmi(40.04999)).toBe(40);
    expect(roundBmi(22.45)).toBe(22.5);
  });

  it('returns null for non-positive or non-finite inputs', () => {
    expect(computeBmi(0, 170)).toBeNull();
    expect(computeBmi(70, 0)).toBeNull();
    expect(computeBmi(-70, 170)).toBeNull();
    expect(computeBmi(Number.NaN, 170)).toBeNull();
    expect(computeBmi(70, Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('always has at most one decimal and stays within 0.05 of the exact value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 300, noNaN: true }),
        fc.double({ min: 100, max: 250, noNaN: true }),
        (weight, height) => {
          const bmi = computeBmi(weight, height);
          const exact = weight / (height / 100) ** 2;
          expect(bmi).not.toBeNull();
          expect(Math.abs((bmi as number) - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Number((bmi as number).toFixed(1))).toBe(bmi);
        },
      ),
    );
  });
});
