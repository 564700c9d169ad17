import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';

describe('contentHash', () => {
  it('ignores key order but not values', () => {
    expect(contentHash({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(contentHash({ b: [1, { d: 3, c: 2 }], a: 1 }));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: 2 }));
  });
  it('changes when a single criterion result changes', () => {
    const signed = { decision: 'ELIGIBLE', results: [{ criterionId: 'c1', result: 'MET' }] };
    expect(contentHash(signed)).not.toBe(
      contentHash({ ...signed, results: [{ criterionId: 'c1', result: 'NOT_MET' }] }),
    );
  });
  it('is a 64-character hex SHA-256', () => {
    expect(contentHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});
