import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk } from '../test-items';
import { scoreCadss } from './cadss';

describe('scoreCadss', () => {
  it('scores all zeros as 0 and all 4s as 92, with no severity band and no subscales', () => {
    expect(expectOk(scoreCadss(Array(23).fill(0)))).toEqual({
      ok: true,
      total: 0,
      subscores: {},
      severity: null,
      flags: [],
      isComplete: true,
      notes: [],
    });
    expect(expectOk(scoreCadss(Array(23).fill(4)))).toMatchObject({ total: 92, severity: null });
  });

  it('sums a mixed example', () => {
    const items = [...Array(10).fill(1), ...Array(10).fill(2), 3, 4, 0];
    expect(expectOk(scoreCadss(items)).total).toBe(10 + 20 + 7);
  });

  it('gives no total when an item is missing', () => {
    const items: Array<number | null> = Array(23).fill(2);
    items[22] = null;
    expect(expectOk(scoreCadss(items))).toMatchObject({ total: null, isComplete: false });
  });

  it('rejects 5, 1.5 and 27 items (the observer items are not recorded)', () => {
    const items = Array(23).fill(0);
    items[4] = 5;
    expect(expectErrors(scoreCadss(items))[0]?.field).toBe('items.4');
    items[4] = 1.5;
    expect(expectErrors(scoreCadss(items))[0]?.field).toBe('items.4');
    expect(expectErrors(scoreCadss(Array(27).fill(0)))[0]?.field).toBe('items');
  });
});
