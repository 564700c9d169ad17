import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBJECT_ID_PATTERN, formatSubjectId, parseSubjectIdPattern } from './subject-id-pattern';

describe('parseSubjectIdPattern', () => {
  it('reads the prefix and the counter width', () => {
    expect(parseSubjectIdPattern('KET-{NNN}')).toEqual({ ok: true, pattern: { prefix: 'KET-', width: 3 } });
    expect(parseSubjectIdPattern(' TRD2-{NNNNNN} ')).toEqual({ ok: true, pattern: { prefix: 'TRD2-', width: 6 } });
    expect(parseSubjectIdPattern('S{NN}')).toEqual({ ok: true, pattern: { prefix: 'S', width: 2 } });
  });

  it('accepts the default pattern', () => {
    expect(parseSubjectIdPattern(DEFAULT_SUBJECT_ID_PATTERN).ok).toBe(true);
  });

  it.each([
    ['', 'Enter a subject ID pattern'],
    ['KET-', 'End the pattern with the counter'],
    ['KET-{nnn}', 'End the pattern with the counter'],
    ['KET-{NNN}-A', 'End the pattern with the counter'],
    ['{NNN}', 'Start with a prefix'],
    ['ket-{NNN}', 'Start with a prefix'],
    ['KET {NNN}', 'Start with a prefix'],
    ['K{NNN}T-{NNN}', 'Start with a prefix'],
    ['<b>{NNN}', 'Start with a prefix'],
    ['-KET{NNN}', 'Start with a prefix'],
    ['ABCDEFGHIJKLM{NNN}', 'Keep the prefix to 12'],
    ['KET-{N}', 'Use 2 to 6 N'],
    ['KET-{NNNNNNN}', 'Use 2 to 6 N'],
  ])('refuses %j', (pattern, message) => {
    const parsed = parseSubjectIdPattern(pattern);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('formatSubjectId', () => {
  const ket = { prefix: 'KET-', width: 3 };

  it('zero-pads the counter to its width', () => {
    expect(formatSubjectId(ket, 1)).toBe('KET-001');
    expect(formatSubjectId(ket, 42)).toBe('KET-042');
    expect(formatSubjectId(ket, 999)).toBe('KET-999');
  });

  it('widens past the padding instead of wrapping, so IDs stay unique', () => {
    expect(formatSubjectId(ket, 1000)).toBe('KET-1000');
  });

  it('refuses numbers that are not counts', () => {
    expect(() => formatSubjectId(ket, 0)).toThrow(RangeError);
    expect(() => formatSubjectId(ket, 1.5)).toThrow(RangeError);
  });
});
