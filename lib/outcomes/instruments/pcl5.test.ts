import { describe, expect, it } from 'vitest';
import { expectErrors, expectOk, itemsSummingTo } from '../test-items';
import { scorePcl5 } from './pcl5';

describe('scorePcl5', () => {
  it('scores all zeros as 0 below threshold and all 4s as 80 probable PTSD', () => {
    expect(expectOk(scorePcl5(Array(20).fill(0)))).toEqual({
      ok: true,
      total: 0,
      subscores: { intrusion: 0, avoidance: 0, negativeCognitionMood: 0, arousalReactivity: 0 },
      severity: 'below threshold',
      flags: [],
      isComplete: true,
      notes: [],
    });
    expect(expectOk(scorePcl5(Array(20).fill(4)))).toMatchObject({
      total: 80,
      severity: 'probable PTSD',
      flags: ['PCL5_PROBABLE_PTSD'],
      subscores: { intrusion: 20, avoidance: 8, negativeCognitionMood: 28, arousalReactivity: 24 },
    });
  });

  it('32 is below threshold without a flag; 33 is probable PTSD with the flag', () => {
    expect(expectOk(scorePcl5(itemsSummingTo({ count: 20, max: 4, total: 32 })))).toMatchObject({
      total: 32,
      severity: 'below threshold',
      flags: [],
    });
    expect(expectOk(scorePcl5(itemsSummingTo({ count: 20, max: 4, total: 33 })))).toMatchObject({
      total: 33,
      severity: 'probable PTSD',
      flags: ['PCL5_PROBABLE_PTSD'],
    });
  });

  it('sums the DSM-5 clusters B 1–5, C 6–7, D 8–14, E 15–20', () => {
    const items = [1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4];
    expect(expectOk(scorePcl5(items))).toMatchObject({
      total: 5 + 4 + 21 + 24,
      subscores: { intrusion: 5, avoidance: 4, negativeCognitionMood: 21, arousalReactivity: 24 },
    });
  });

  it('with a missing item gives no total, no flag, and only the unaffected clusters', () => {
    const items: Array<number | null> = Array(20).fill(4);
    items[6] = null;
    expect(expectOk(scorePcl5(items))).toMatchObject({
      total: null,
      severity: null,
      flags: [],
      isComplete: false,
      subscores: { intrusion: 20, avoidance: null, negativeCognitionMood: 28, arousalReactivity: 24 },
    });
  });

  it('rejects a value of 5 and 19 items', () => {
    const items = Array(20).fill(0);
    items[0] = 5;
    expect(expectErrors(scorePcl5(items))[0]?.field).toBe('items.0');
    expect(expectErrors(scorePcl5(Array(19).fill(0)))[0]?.field).toBe('items');
  });
});
