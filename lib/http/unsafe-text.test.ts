import { describe, expect, it } from 'vitest';
import { findUnsafeText, isUnsafeText, urlTextProblem } from './unsafe-text';

describe('unsafe text', () => {
  it('finds NUL bytes and lone surrogates, and leaves real characters alone', () => {
    expect(isUnsafeText('Ann\u0000e')).toBe(true);
    expect(isUnsafeText('x\uD800')).toBe(true);
    expect(isUnsafeText('\uDC00x')).toBe(true);
    expect(isUnsafeText('Zoë 😀 ketamine')).toBe(false);
  });

  it('names the field that holds it, keys included', () => {
    expect(findUnsafeText({ a: 'fine', b: [{ c: 'x\u0000' }] })).toBe('b.0.c');
    expect(findUnsafeText({ ['k\uD800']: 1 })).toBe('k\uD800');
    expect(findUnsafeText({ a: ['ok', 1, null] })).toBeNull();
  });

  it('survives a deeply nested body without overflowing the stack', () => {
    let value: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i += 1) value = [value];
    expect(findUnsafeText(value)).toMatch(/^0(\.0)*$/);
  });

  it('refuses encoded NUL, encoded surrogates and broken UTF-8 in a URL', () => {
    expect(urlTextProblem('/candidates/%00', '')).not.toBeNull();
    expect(urlTextProblem('/candidates', '?q=%ED%A0%80')).not.toBeNull();
    expect(urlTextProblem('/candidates', '?q=%FF')).not.toBeNull();
    expect(urlTextProblem('/candidates', '?q=Zo%C3%AB+Smith&page=2')).toBeNull();
  });
});
