import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk } from '../test-items';
import { scorePromisPi } from './promis-pi';

describe('scorePromisPi', () => {
  it.each([
    [30, 'within normal limits'],
    [54.9, 'within normal limits'],
    [55, 'mild'],
    [59.9, 'mild'],
    [60, 'moderate'],
    [69.9, 'moderate'],
    [70, 'severe'],
    [85, 'severe'],
  ])('T-score %d is %s', (tScore, band) => {
    expect(expectOk(scorePromisPi([tScore]))).toMatchObject({ total: tScore, severity: band, subscores: {} });
  });

  it('accepts one decimal, including values that are inexact in binary (62.3)', () => {
    expect(expectOk(scorePromisPi([62.3])).total).toBe(62.3);
  });

  it('rejects two decimals and values outside 30.0–85.0', () => {
    expect(expectErrors(scorePromisPi([55.25]))[0]?.message).toMatch(/one decimal/);
    expect(expectErrors(scorePromisPi([29.9]))[0]?.field).toBe('items.0');
    expect(expectErrors(scorePromisPi([85.1]))[0]?.field).toBe('items.0');
  });

  it('gives no score when blank', () => {
    expect(expectOk(scorePromisPi([null]))).toMatchObject({ total: null, severity: null, isComplete: false });
  });
});
