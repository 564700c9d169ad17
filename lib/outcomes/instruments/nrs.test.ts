import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk } from '../test-items';
import { scoreNrs } from './nrs';

describe('scoreNrs', () => {
  it.each([
    [0, 'none'],
    [1, 'mild'],
    [3, 'mild'],
    [4, 'moderate'],
    [6, 'moderate'],
    [7, 'severe'],
    [10, 'severe'],
  ])('pain %i is %s', (value, band) => {
    expect(expectOk(scoreNrs([value]))).toMatchObject({ total: value, severity: band, isComplete: true });
  });

  it('gives no score when the single item is blank', () => {
    expect(expectOk(scoreNrs([null]))).toMatchObject({ total: null, severity: null, isComplete: false });
  });

  it('rejects 11, -1, 5.5 and two values', () => {
    expect(expectErrors(scoreNrs([11]))[0]?.field).toBe('items.0');
    expect(expectErrors(scoreNrs([-1]))[0]?.field).toBe('items.0');
    expect(expectErrors(scoreNrs([5.5]))[0]?.message).toMatch(/whole number/);
    expect(expectErrors(scoreNrs([5, 5]))[0]?.field).toBe('items');
  });
});
