import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk, itemsSummingTo } from '../test-items';
import { scoreQidsSr16 } from './qids-sr16';

/** Builds a form from the nine domain scores, answering only item 6 and item 8 as the form instructs. */
const fromDomains = (domains: number[]): Array<number | null> => {
  const [sleep, sad, appetite, conc, self, suicide, interest, energy, psychomotor] = domains as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return [sleep, 0, 0, 0, sad, appetite, null, 0, null, conc, self, suicide, interest, energy, psychomotor, 0];
};

// Suicide domain (index 5) kept at 0 so band tests do not also raise the flag.
const withTotal = (total: number) => {
  const others = itemsSummingTo({ count: 8, max: 3, total });
  return fromDomains([...others.slice(0, 5), 0, ...others.slice(5)]);
};

describe('scoreQidsSr16', () => {
  it('scores all zeros as 0 (none) and all 3s as 27 (very severe, item 12 flag)', () => {
    const zeros = expectOk(scoreQidsSr16(Array(16).fill(0)));
    expect(zeros).toMatchObject({ total: 0, severity: 'none', flags: [], isComplete: true });
    const threes = expectOk(scoreQidsSr16(Array(16).fill(3)));
    expect(threes).toMatchObject({ total: 27, severity: 'very severe', flags: ['QIDS_ITEM12'] });
    expect(threes.notes).toContain('Items 6 and 7 were both answered; the higher value was used.');
  });

  it.each([
    [5, 'none'],
    [6, 'mild'],
    [10, 'mild'],
    [11, 'moderate'],
    [15, 'moderate'],
    [16, 'severe'],
    [20, 'severe'],
    [21, 'very severe'],
    [24, 'very severe'],
  ])('total %i is %s', (total, band) => {
    const result = expectOk(scoreQidsSr16(withTotal(total)));
    expect(result.total).toBe(total);
    expect(result.severity).toBe(band);
    expect(result.flags).toEqual([]);
  });

  it('takes the maximum within sleep, appetite/weight and psychomotor (hand-computed: 15, not the item sum 19)', () => {
    const items = [1, 3, 0, 2, 2, 1, null, 2, null, 1, 1, 0, 2, 1, 0, 3];
    const result = expectOk(scoreQidsSr16(items));
    expect(result.subscores).toEqual({
      sleep: 3,
      sadMood: 2,
      appetiteWeight: 2,
      concentration: 1,
      selfView: 1,
      suicidalIdeation: 0,
      interest: 2,
      energy: 1,
      psychomotor: 3,
    });
    expect(result.total).toBe(15);
    expect(result.severity).toBe('moderate');
    expect(result.isComplete).toBe(true);
  });

  it('uses increased appetite/weight (items 7 and 9) when those are the answered ones', () => {
    const items = [0, 0, 0, 0, 0, null, 3, null, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(expectOk(scoreQidsSr16(items))).toMatchObject({ total: 3, subscores: { appetiteWeight: 3 } });
  });

  it('gives no sleep score and no total when one sleep item is blank', () => {
    const items = [0, null, 3, 0, 1, 0, null, 0, null, 1, 1, 0, 1, 1, 1, 1];
    const result = expectOk(scoreQidsSr16(items));
    expect(result.subscores.sleep).toBeNull();
    expect(result.subscores.sadMood).toBe(1);
    expect(result).toMatchObject({ total: null, severity: null, isComplete: false });
  });

  it('gives no appetite/weight score when neither weight item (8, 9) is answered', () => {
    const items = [0, 0, 0, 0, 0, 2, 1, null, null, 0, 0, 0, 0, 0, 0, 0];
    const result = expectOk(scoreQidsSr16(items));
    expect(result.subscores.appetiteWeight).toBeNull();
    expect(result.total).toBeNull();
  });

  it('gives no psychomotor score when item 16 is blank', () => {
    const items = [0, 0, 0, 0, 0, 0, null, 0, null, 0, 0, 0, 0, 0, 2, null];
    const result = expectOk(scoreQidsSr16(items));
    expect(result.subscores.psychomotor).toBeNull();
    expect(result.total).toBeNull();
  });

  it('flags item 12 > 0 even when the total cannot be computed', () => {
    const items: Array<number | null> = Array(16).fill(null);
    items[11] = 1;
    expect(expectOk(scoreQidsSr16(items))).toMatchObject({ total: null, flags: ['QIDS_ITEM12'] });
  });

  it('rejects 15 items and a value of 4', () => {
    expect(expectErrors(scoreQidsSr16(Array(15).fill(0)))[0]?.field).toBe('items');
    const items = Array(16).fill(0);
    items[15] = 4;
    expect(expectErrors(scoreQidsSr16(items))[0]?.field).toBe('items.15');
  });
});
