import { describe, expect, it } from 'vitest';
import { checkWeight } from '@/lib/dosing/check-weight';

const today = new Date('2026-11-27');
const onDay = (isoDate: string) => new Date(isoDate);

describe('checkWeight', () => {
  it('accepts a weight exactly at the edge of a 7-day window', () => {
    expect(checkWeight({ weight: { kg: 80, measuredAt: onDay('2026-11-20') }, today, windowDays: 7 })).toEqual({
      ok: true,
      kg: 80,
      measuredOn: '2026-11-20',
      ageDays: 7,
    });
  });

  it('rejects a weight one day past the window', () => {
    const result = checkWeight({ weight: { kg: 80, measuredAt: onDay('2026-11-19') }, today, windowDays: 7 });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'weight.measuredAt', code: 'WEIGHT_STALE' })],
    });
  });

  it('follows the protocol window, not a fixed 7 days', () => {
    expect(checkWeight({ weight: { kg: 80, measuredAt: onDay('2026-11-26') }, today, windowDays: 1 }).ok).toBe(true);
    expect(checkWeight({ weight: { kg: 80, measuredAt: onDay('2026-11-25') }, today, windowDays: 1 }).ok).toBe(false);
  });

  it('compares calendar days: a weight later on the same day is not in the future', () => {
    const result = checkWeight({
      weight: { kg: 80, measuredAt: new Date('2026-11-27T18:00:00Z') },
      today: new Date('2026-11-27T08:00:00Z'),
      windowDays: 7,
    });
    expect(result).toMatchObject({ ok: true, ageDays: 0 });
  });

  it('rejects a weight dated tomorrow', () => {
    const result = checkWeight({ weight: { kg: 80, measuredAt: onDay('2026-11-28') }, today, windowDays: 7 });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'WEIGHT_IN_FUTURE' })] });
  });

  it.each([30, 300, 30.0001, 299.9])('accepts %s kg', (kg) => {
    expect(checkWeight({ weight: { kg, measuredAt: today }, today, windowDays: 7 }).ok).toBe(true);
  });

  it.each([29.9, 300.1, 0, -80, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s kg', (kg) => {
    const result = checkWeight({ weight: { kg, measuredAt: today }, today, windowDays: 7 });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'weight.kg', code: 'WEIGHT_OUT_OF_RANGE' })],
    });
  });

  it.each([null, undefined])('reports a missing weight (%s)', (weight) => {
    expect(checkWeight({ weight, today, windowDays: 7 })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'weight', code: 'WEIGHT_MISSING' })],
    });
  });

  it('reports an invalid measurement date', () => {
    const result = checkWeight({ weight: { kg: 80, measuredAt: new Date('not a date') }, today, windowDays: 7 });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'DATE_INVALID' })] });
  });

  it('reports an implausible and stale weight together', () => {
    const result = checkWeight({ weight: { kg: 350, measuredAt: onDay('2026-10-01') }, today, windowDays: 7 });
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual(['WEIGHT_OUT_OF_RANGE', 'WEIGHT_STALE']);
  });
});
