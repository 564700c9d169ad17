import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk, itemsSummingTo } from '../test-items';
import { PHQ9_DEFINITION, scorePhq9 } from './phq9';

// Item 9 kept at 0 unless a test is about it, so band tests do not also raise the flag.
const withTotal = (total: number) => [...itemsSummingTo({ count: 8, max: 3, total }), 0];

describe('scorePhq9', () => {
  it('scores all zeros as 0, none–minimal, complete, no flags', () => {
    const result = expectOk(scorePhq9(Array(9).fill(0)));
    expect(result).toEqual({
      ok: true,
      total: 0,
      subscores: {},
      severity: 'none–minimal',
      flags: [],
      isComplete: true,
      notes: [],
    });
  });

  it('scores all 3s as 27, severe, with the item 9 flag', () => {
    const result = expectOk(scorePhq9(Array(9).fill(3)));
    expect(result.total).toBe(27);
    expect(result.severity).toBe('severe');
    expect(result.flags).toEqual(['PHQ9_ITEM9']);
  });

  it.each([
    [4, 'none–minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately severe'],
    [19, 'moderately severe'],
    [20, 'severe'],
    [24, 'severe'],
  ])('total %i is %s', (total, band) => {
    const result = expectOk(scorePhq9(withTotal(total)));
    expect(result.total).toBe(total);
    expect(result.severity).toBe(band);
  });

  it('flags item 9 = 1 and does not flag item 9 = 0', () => {
    expect(expectOk(scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 1])).flags).toEqual(['PHQ9_ITEM9']);
    expect(expectOk(scorePhq9([3, 3, 3, 3, 3, 3, 3, 3, 0])).flags).toEqual([]);
  });

  it('raises the item 9 flag even when too many other items are missing for a total', () => {
    const result = expectOk(scorePhq9([null, null, null, null, null, null, null, null, 2]));
    expect(result.total).toBeNull();
    expect(result.severity).toBeNull();
    expect(result.flags).toEqual(['PHQ9_ITEM9']);
  });

  it('prorates one missing item: 8 answered summing to 12 -> round(12 x 9 / 8 = 13.5) = 14', () => {
    const result = expectOk(scorePhq9([3, 3, 3, 3, null, 0, 0, 0, 0]));
    expect(result.total).toBe(14);
    expect(result.severity).toBe('moderate');
    expect(result.isComplete).toBe(false);
    expect(result.notes).toContain('Total prorated from 8 of 9 answered items.');
  });

  it('rounds a prorated half up, towards the more severe band (sum 4 of 8 -> 4.5 -> 5, mild)', () => {
    const result = expectOk(scorePhq9([1, 1, 1, 1, 0, 0, 0, 0, null]));
    expect(result.total).toBe(5);
    expect(result.severity).toBe('mild');
  });

  it('prorates two missing items: 7 answered summing to 10 -> round(12.857) = 13', () => {
    const result = expectOk(scorePhq9([3, 3, 3, 1, null, null, 0, 0, 0]));
    expect(result.total).toBe(13);
    expect(result.isComplete).toBe(false);
  });

  it('gives no total with three missing items', () => {
    const result = expectOk(scorePhq9([3, 3, 3, null, null, null, 0, 0, 0]));
    expect(result.total).toBeNull();
    expect(result.severity).toBeNull();
    expect(result.notes).toContain('No total: more than 2 items missing.');
  });

  it('notes an unanswered item 9 so the clinician asks directly', () => {
    const result = expectOk(scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, null]));
    expect(result.flags).toEqual([]);
    expect(result.notes[0]).toMatch(/Item 9/);
  });

  it('rejects out-of-range, fractional and non-numeric items with per-item fields', () => {
    expect(expectErrors(scorePhq9([4, 0, 0, 0, 0, 0, 0, 0, -1])).map((error) => error.field)).toEqual([
      'items.0',
      'items.8',
    ]);
    expect(expectErrors(scorePhq9([0, 1.5, 0, 0, 0, 0, 0, 0, 0]))[0]?.field).toBe('items.1');
    expect(expectErrors(scorePhq9([0, '1', 0, 0, 0, 0, 0, 0, 0]))[0]?.field).toBe('items.1');
  });

  it('rejects the wrong number of items', () => {
    expect(expectErrors(scorePhq9(Array(8).fill(0)))).toEqual([
      { field: 'items', message: 'PHQ9 has 9 item(s); received 8.' },
    ]);
    expect(expectErrors(scorePhq9(Array(10).fill(0)))[0]?.field).toBe('items');
  });

  it('has a label for every item and bands covering 0–27 without gaps', () => {
    expect(PHQ9_DEFINITION.itemLabels).toHaveLength(9);
    for (let total = 0; total <= 27; total += 1) {
      expect(expectOk(scorePhq9(itemsSummingTo({ count: 9, max: 3, total }))).severity).not.toBeNull();
    }
  });
});
