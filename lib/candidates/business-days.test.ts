import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay, lastDateMoreThanBusinessDaysAgo } from './business-days';

// 2026-11-23 is a Monday.
const MON = '2026-11-23';
const THU = '2026-11-26';
const FRI = '2026-11-27';
const SAT = '2026-11-28';
const SUN = '2026-11-29';

describe('isBusinessDay', () => {
  it('is Monday to Friday', () => {
    expect([MON, THU, FRI].map(isBusinessDay)).toEqual([true, true, true]);
    expect([SAT, SUN].map(isBusinessDay)).toEqual([false, false]);
  });
});

describe('addBusinessDays', () => {
  it('skips weekends both ways', () => {
    expect(addBusinessDays(FRI, 1)).toBe('2026-11-30');
    expect(addBusinessDays(THU, 3)).toBe('2026-12-01');
    expect(addBusinessDays(MON, -1)).toBe('2026-11-20');
    expect(addBusinessDays(SAT, 1)).toBe('2026-11-30');
    expect(addBusinessDays(SUN, -1)).toBe(FRI);
    expect(addBusinessDays(SAT, 0)).toBe(SAT);
    expect(addBusinessDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('refuses bad input', () => {
    expect(() => addBusinessDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addBusinessDays(MON, 1.5)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  it('counts business days after the first date up to the second', () => {
    expect(businessDaysBetween(MON, THU)).toBe(3);
    expect(businessDaysBetween(FRI, '2026-11-30')).toBe(1);
    expect(businessDaysBetween(FRI, SUN)).toBe(0);
    expect(businessDaysBetween(MON, MON)).toBe(0);
    expect(businessDaysBetween(MON, '2026-12-07')).toBe(10);
    expect(businessDaysBetween(THU, MON)).toBe(-3);
  });

  it('property: adding n business days to a business day moves it exactly n business days', () => {
    const day = fc
      .integer({ min: 0, max: 3650 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (date, n) => {
        const moved = addBusinessDays(date, n);
        expect(isBusinessDay(moved) || n === 0).toBe(true);
        if (isBusinessDay(date)) expect(businessDaysBetween(date, moved)).toBe(n);
      }),
    );
  });
});

describe('lastDateMoreThanBusinessDaysAgo', () => {
  it('is the latest referral date that is more than 3 business days old', () => {
    // Thursday: Monday's referral is 3 business days old (not yet late); Sunday's is 4.
    expect(lastDateMoreThanBusinessDaysAgo(THU, 3)).toBe('2026-11-22');
    // Saturday: Tuesday's is 3 (Wed, Thu, Fri); Monday's is 4.
    expect(lastDateMoreThanBusinessDaysAgo(SAT, 3)).toBe(MON);
  });

  it('property: dates on or before it are late, the day after is not', () => {
    const day = fc
      .integer({ min: 0, max: 3650 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 10 }), (today, n) => {
        const cutoff = lastDateMoreThanBusinessDaysAgo(today, n);
        expect(businessDaysBetween(cutoff, today)).toBeGreaterThan(n);
        const next = new Date(Date.parse(`${cutoff}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(businessDaysBetween(next, today)).toBeLessThanOrEqual(n);
      }),
    );
  });
});
