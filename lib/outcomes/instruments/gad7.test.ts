import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk, itemsSummingTo } from '../test-items';
import { scoreGad7 } from './gad7';

describe('scoreGad7', () => {
  it('scores all zeros as 0 minimal and all 3s as 21 severe', () => {
    expect(expectOk(scoreGad7(Array(7).fill(0)))).toMatchObject({ total: 0, severity: 'minimal', isComplete: true });
    expect(expectOk(scoreGad7(Array(7).fill(3)))).toMatchObject({ total: 21, severity: 'severe', flags: [] });
  });

  it.each([
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
  ])('total %i is %s', (total, band) => {
    const result = expectOk(scoreGad7(itemsSummingTo({ count: 7, max: 3, total })));
    expect(result.total).toBe(total);
    expect(result.severity).toBe(band);
  });

  it('gives no total when a single item is missing', () => {
    const result = expectOk(scoreGad7([3, 3, 3, 3, 3, 3, null]));
    expect(result).toMatchObject({ total: null, severity: null, isComplete: false });
    expect(result.notes).toContain('Missing item(s): 7.');
  });

  it('rejects 4, 8 items and a value of 4', () => {
    expect(expectErrors(scoreGad7(Array(8).fill(0)))[0]?.field).toBe('items');
    expect(expectErrors(scoreGad7([0, 0, 0, 4, 0, 0, 0]))).toEqual([
      { field: 'items.3', message: 'Item 4 (Trouble relaxing) must be between 0 and 3.' },
    ]);
  });
});
