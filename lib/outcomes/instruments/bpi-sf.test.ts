import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk } from '../test-items';
import { scoreBpiSf } from './bpi-sf';

describe('scoreBpiSf', () => {
  it('scores all zeros and all 10s; BPI has no total and no severity band', () => {
    expect(expectOk(scoreBpiSf(Array(11).fill(0)))).toEqual({
      ok: true,
      total: null,
      subscores: { severity: 0, interference: 0 },
      severity: null,
      flags: [],
      isComplete: true,
      notes: [],
    });
    expect(expectOk(scoreBpiSf(Array(11).fill(10))).subscores).toEqual({ severity: 10, interference: 10 });
  });

  it('computes severity as the mean of items 1–4 and interference as the mean of items 5–11', () => {
    const items = [8, 2, 5, 6, 1, 2, 3, 4, 5, 6, 7];
    expect(expectOk(scoreBpiSf(items)).subscores).toEqual({ severity: 21 / 4, interference: 4 });
  });

  it('needs all four severity items', () => {
    const result = expectOk(scoreBpiSf([8, null, 5, 6, 1, 2, 3, 4, 5, 6, 7]));
    expect(result.subscores).toEqual({ severity: null, interference: 4 });
    expect(result.isComplete).toBe(false);
  });

  it('scores interference from 4 answered items as their mean', () => {
    const result = expectOk(scoreBpiSf([5, 5, 5, 5, 2, null, 4, null, 6, null, 9]));
    expect(result.subscores.interference).toBe(21 / 4);
    expect(result.notes).toContain('Pain interference is the mean of 4 of 7 answered items.');
  });

  it('does not score interference from only 3 answered items', () => {
    const result = expectOk(scoreBpiSf([5, 5, 5, 5, 2, null, 4, null, 6, null, null]));
    expect(result.subscores).toEqual({ severity: 5, interference: null });
    expect(result.isComplete).toBe(false);
  });

  it('rejects 11, 0.5 and 9 items', () => {
    expect(expectErrors(scoreBpiSf([11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))[0]?.field).toBe('items.0');
    expect(expectErrors(scoreBpiSf([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]))[0]?.field).toBe('items.10');
    expect(expectErrors(scoreBpiSf(Array(9).fill(0)))[0]?.field).toBe('items');
  });
});
