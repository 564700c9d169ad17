import { describe, expect, it } from 'vitest';
import {
  addDecimal,
  compareDecimal,
  decimalToNumber,
  formatDecimal,
  isMultipleOf,
  multiplyDecimal,
  roundRatioToIncrement,
  roundToIncrement,
  subtractDecimal,
  toDecimal,
} from '@/lib/dosing/decimal';

const d = toDecimal;

describe('toDecimal / formatDecimal', () => {
  it.each([
    [0, '0'],
    [80, '80'],
    [63.4, '63.4'],
    [0.1, '0.1'],
    [-2.5, '-2.5'],
    [1e-7, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
  ])('round-trips %s as %s', (value, text) => {
    expect(formatDecimal(d(value))).toBe(text);
  });

  it('rejects non-finite numbers', () => {
    expect(() => d(Number.NaN)).toThrow(RangeError);
    expect(() => d(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('exact arithmetic', () => {
  it('multiplies without float artefacts: 63.4 × 0.5 = 31.7', () => {
    const product = multiplyDecimal(d(63.4), d(0.5));
    expect(formatDecimal(product)).toBe('31.7');
    expect(decimalToNumber(product)).toBe(31.7);
  });

  it('adds and subtracts across scales', () => {
    expect(formatDecimal(addDecimal(d(0.1), d(0.2)))).toBe('0.3');
    expect(formatDecimal(subtractDecimal(d(50), d(138)))).toBe('-88');
  });

  it('compares across scales', () => {
    expect(compareDecimal(d(50), d(50.0))).toBe(0);
    expect(compareDecimal(d(50.05), d(50))).toBe(1);
    expect(compareDecimal(d(49.99), d(50))).toBe(-1);
  });
});

describe('rounding', () => {
  it.each([
    [31.7, 0.1, '31.7'],
    [31.75, 0.1, '31.8'],
    [31.74, 0.1, '31.7'],
    [31.7, 0.5, '31.5'],
    [31.75, 0.5, '32'],
    [31.7, 1, '32'],
    [80.5, 1, '81'],
    [80.49, 1, '80'],
    [31.7, 2.5, '32.5'],
    [33.75, 2.5, '35'],
    [33.74, 2.5, '32.5'],
    [0, 0.1, '0'],
  ])('rounds %s to the nearest %s half up: %s', (value, increment, expected) => {
    expect(formatDecimal(roundToIncrement(d(value), d(increment)))).toBe(expected);
  });

  it('rounds a ratio: 31.7 ÷ 3 = 10.5667 -> 10.6', () => {
    expect(formatDecimal(roundRatioToIncrement({ numerator: d(31.7), denominator: d(3), increment: d(0.1) }))).toBe(
      '10.6',
    );
  });

  it('refuses non-positive divisors', () => {
    expect(() => roundRatioToIncrement({ numerator: d(1), denominator: d(0), increment: d(0.1) })).toThrow(RangeError);
    expect(() => roundToIncrement(d(1), d(0))).toThrow(RangeError);
  });

  it('checks multiples exactly', () => {
    expect(isMultipleOf(d(50), d(2.5))).toBe(true);
    expect(isMultipleOf(d(0.3), d(0.1))).toBe(true);
    expect(isMultipleOf(d(50.05), d(0.1))).toBe(false);
    expect(isMultipleOf(d(49.9), d(0.5))).toBe(false);
  });
});
