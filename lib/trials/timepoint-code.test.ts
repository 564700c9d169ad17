import { describe, expect, it } from 'vitest';
import { parseTimepointCode, timepointCode } from './timepoint-code';

describe('timepointCode', () => {
  it('round-trips every kind', () => {
    for (const tp of [
      { kind: 'BASELINE' },
      { kind: 'AFTER_SESSION', session: 3 },
      { kind: 'DAYS_AFTER_LAST_SESSION', days: 28 },
    ] as const) {
      expect(parseTimepointCode(timepointCode(tp))).toEqual(tp);
    }
  });
  it('names them as the API expects', () => {
    expect(timepointCode({ kind: 'AFTER_SESSION', session: 1 })).toBe('AFTER_SESSION_1');
    expect(timepointCode({ kind: 'DAYS_AFTER_LAST_SESSION', days: 7 })).toBe('DAYS_AFTER_LAST_7');
  });
  it('rejects unknown codes', () => {
    expect(parseTimepointCode('WEEK_2')).toBeNull();
    expect(parseTimepointCode('AFTER_SESSION_')).toBeNull();
  });
});
