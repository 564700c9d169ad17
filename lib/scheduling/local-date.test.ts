import { describe, expect, it } from 'vitest';
import {
  addDaysToDate,
  daysBetweenDates,
  formatDayLabel,
  isIsoDate,
  isoWeekStartOfDate,
  isoWeekdayOfDate,
  minutesToTime,
  timeToMinutes,
} from '@/lib/scheduling/local-date';
import { formatDuration, ordinal } from '@/lib/scheduling/format';

describe('local dates', () => {
  it('adds days across month, year and DST boundaries as whole calendar days', () => {
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysToDate('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDaysToDate('2026-12-03', -3)).toBe('2026-11-30');
    expect(daysBetweenDates('2026-10-30', '2026-11-02')).toBe(3);
    expect(daysBetweenDates('2026-12-03', '2026-11-30')).toBe(-3);
  });

  it('uses ISO weekdays and Monday-based weeks', () => {
    expect(isoWeekdayOfDate('2026-11-30')).toBe(1);
    expect(isoWeekdayOfDate('2026-12-06')).toBe(7);
    expect(isoWeekStartOfDate('2026-12-06')).toBe('2026-11-30');
    expect(isoWeekStartOfDate('2026-12-07')).toBe('2026-12-07');
    expect(isoWeekStartOfDate('2027-01-01')).toBe('2026-12-28');
  });

  it('validates dates and times', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('2026-12-03')).toBe(true);
    expect(timeToMinutes('17:00')).toBe(1020);
    expect(minutesToTime(1020)).toBe('17:00');
    expect(() => minutesToTime(1440)).toThrow(RangeError);
    expect(() => timeToMinutes('7:00')).toThrow(RangeError);
  });

  it('formats labels for coordinators', () => {
    expect(formatDayLabel('2026-12-03')).toBe('Thu 2026-12-03');
    expect(formatDuration(30 * 3_600_000)).toBe('30 h');
    expect(formatDuration(47 * 3_600_000 + 59 * 60_000 + 59_000)).toBe('47 h 59 min');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
    ]);
  });
});
