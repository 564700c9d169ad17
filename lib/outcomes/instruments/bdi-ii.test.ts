import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk, itemsSummingTo } from '../test-items';
import { scoreBdiII } from './bdi-ii';

// Item 9 kept at 0 so band tests do not also raise the suicidality flag.
const withTotal = (total: number) => {
  const others = itemsSummingTo({ count: 20, max: 3, total });
  return [...others.slice(0, 8), 0, ...others.slice(8)];
};

describe('scoreBdiII', () => {
  it('scores all zeros as 0 minimal and all 3s as 63 severe with the item 9 flag', () => {
    expect(expectOk(scoreBdiII(Array(21).fill(0)))).toMatchObject({ total: 0, severity: 'minimal', flags: [] });
    expect(expectOk(scoreBdiII(Array(21).fill(3)))).toMatchObject({
      total: 63,
      severity: 'severe',
      flags: ['BDI2_ITEM9'],
    });
  });

  it.each([
    [13, 'minimal'],
    [14, 'mild'],
    [19, 'mild'],
    [20, 'moderate'],
    [28, 'moderate'],
    [29, 'severe'],
  ])('total %i is %s', (total, band) => {
    const result = expectOk(scoreBdiII(withTotal(total)));
    expect(result.total).toBe(total);
    expect(result.severity).toBe(band);
    expect(result.flags).toEqual([]);
  });

  it('flags item 9 > 0 even when other items are missing, and then gives no total', () => {
    const items: Array<number | null> = Array(21).fill(null);
    items[8] = 1;
    const result = expectOk(scoreBdiII(items));
    expect(result).toMatchObject({ total: null, severity: null, flags: ['BDI2_ITEM9'], isComplete: false });
  });

  it('does not flag a high score on an item other than 9', () => {
    const items = Array(21).fill(0);
    items[9] = 3;
    expect(expectOk(scoreBdiII(items)).flags).toEqual([]);
  });

  it('gives no total with one missing item and notes an unanswered item 9', () => {
    const items: Array<number | null> = Array(21).fill(1);
    items[8] = null;
    const result = expectOk(scoreBdiII(items));
    expect(result.total).toBeNull();
    expect(result.notes[0]).toMatch(/Item 9/);
  });

  it('rejects 20 items and a value of 4', () => {
    expect(expectErrors(scoreBdiII(Array(20).fill(0)))[0]?.field).toBe('items');
    const items = Array(21).fill(0);
    items[20] = 4;
    expect(expectErrors(scoreBdiII(items))[0]?.field).toBe('items.20');
  });
});
