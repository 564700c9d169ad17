import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInYears, fromDayNumber, parseCalendarDay, toDayNumber } from '@/lib/eligibility/day-number';

describe('toDayNumber', () => {
  it('matches known days', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(toDayNumber('2100-03-01') - toDayNumber('2100-02-28')).toBe(1); // 2100 is not
    expect(toDayNumber('1969-12-31')).toBe(-1);
  });

  it('rejects malformed or impossible days', () => {
    for (const bad of [
      '2026-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-1-01',
      '2026/01/01',
      '2026-01-0a',
      '',
      '2026-01-01T00:00',
    ]) {
      expect(toDayNumber(bad)).toBeNaN();
      expect(parseCalendarDay(bad)).toBeNull();
    }
  });

  it('agrees with Date.UTC and round-trips through fromDayNumber', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const expected = Math.floor(
            Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / 86_400_000,
          );
          expect(toDayNumber(iso)).toBe(expected);
          expect(fromDayNumber(expected)).toBe(iso);
        },
      ),
    );
  });
});

describe('ageInYears', () => {
  it('counts the birthday and not the day before', () => {
    expect(ageInYears('2008-11-23', '2026-11-23')).toBe(18);
    expect(ageInYears('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageInYears('2008-11-23', '2008-11-23')).toBe(0);
  });

  it('gives 29 February birthdays on 1 March in common years', () => {
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageInYears('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageInYears('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageInYears('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('is null for invalid dates and births after the day', () => {
    expect(ageInYears('2026-11-24', '2026-11-23')).toBeNull();
    expect(ageInYears('not a date', '2026-11-23')).toBeNull();
    expect(ageInYears('2000-01-01', '2026-02-30')).toBeNull();
  });
});
