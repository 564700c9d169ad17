import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './content-hash';

const KEY = process.env.AUDIT_KEY;
afterEach(() => {
  process.env.AUDIT_KEY = KEY;
});

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
  it('sorts keys inside arrays of objects and keeps arrays of plain values as they are', () => {
    expect(canonicalJson({ b: ['x', 1, null, true, 2.5], a: [{ d: 1, c: [{ f: 1, e: 2 }] }, 'y', [3, 'z']] })).toBe(
      '{"a":[{"c":[{"e":2,"f":1}],"d":1},"y",[3,"z"]],"b":["x",1,null,true,2.5]}',
    );
    expect(canonicalJson({ at: [new Date('2026-11-02T10:00:00Z')] })).toBe('{"at":["2026-11-02T10:00:00.000Z"]}');
  });
  it('is a 64-character hex HMAC-SHA256', () => {
    expect(contentHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
  it('is keyed: the plain SHA-256 of the content never matches, and another key gives another value', () => {
    const signed = { decision: 'INELIGIBLE', signedAt: new Date('2026-11-02T10:00:00Z') };
    const plain = createHash('sha256').update(canonicalJson(signed)).digest('hex');
    const withKey = contentHash(signed);
    expect(withKey).not.toBe(plain);
    process.env.AUDIT_KEY = 'another-key-of-at-least-thirty-two-characters';
    expect(contentHash(signed)).not.toBe(withKey);
  });
  it('refuses to sign without a key rather than fall back to a plain hash', () => {
    delete process.env.AUDIT_KEY;
    expect(() => contentHash({ decision: 'ELIGIBLE' })).toThrow(/AUDIT_KEY is not set/);
  });
});
