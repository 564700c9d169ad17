import { describe, expect, it } from 'vitest';
import { chooseWeekdayPattern } from '@/lib/scheduling/weekday-pattern';

const WEEKDAYS = [1, 2, 3, 4, 5];
const pattern = (
  firstWeekday: number,
  sessionsPerWeek: number | null,
  options: { openDays?: number[]; minHours?: number | null } = {},
) =>
  chooseWeekdayPattern({
    openDays: options.openDays ?? WEEKDAYS,
    sessionsPerWeek,
    firstWeekday,
    minHoursBetweenSessions: options.minHours ?? null,
  });

describe('chooseWeekdayPattern', () => {
  it('spreads twice-weekly sessions 3–4 days apart (Mon/Thu, Tue/Fri)', () => {
    expect(pattern(1, 2)).toEqual([1, 4]);
    expect(pattern(2, 2)).toEqual([2, 5]);
    expect(pattern(4, 2)).toEqual([1, 4]);
  });

  it('picks the sooner partner day when two spreads are equally even', () => {
    expect(pattern(3, 2)).toEqual([3, 5]);
    expect(pattern(5, 2)).toEqual([1, 5]);
  });

  it('uses Mon/Wed/Fri for three a week', () => {
    expect(pattern(1, 3)).toEqual([1, 3, 5]);
  });

  it('repeats the first weekday for once weekly', () => {
    expect(pattern(3, 1)).toEqual([3]);
  });

  it('returns null when any open day will do', () => {
    expect(pattern(1, null)).toBeNull();
    expect(pattern(1, 5)).toBeNull();
    expect(pattern(1, 7)).toBeNull();
  });

  it('drops the first weekday from the rhythm when keeping it would break the minimum gap', () => {
    // Wed/Fri and Wed/Mon both leave a 2-day gap, too short for 72 h.
    expect(pattern(3, 2, { minHours: 72 })).toEqual([1, 4]);
    expect(pattern(3, 2, { minHours: 48 })).toEqual([3, 5]);
  });

  it('works on a seven-day clinic', () => {
    expect(pattern(1, 2, { openDays: [1, 2, 3, 4, 5, 6, 7] })).toEqual([1, 4]);
    expect(pattern(6, 2, { openDays: [1, 2, 3, 4, 5, 6, 7] })).toEqual([2, 6]);
  });
});
