import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTimeZoneOffsetMinutes, isExistingWallTime, utcToZoned, zonedTimeToUtc } from '@/lib/scheduling/zoned-time';

const NY = 'America/New_York';
const toUtc = (date: string, time: string, timeZone = NY) => zonedTimeToUtc({ date, time, timeZone }).toISOString();

describe('zonedTimeToUtc', () => {
  it('uses EST in winter and EDT in summer', () => {
    expect(toUtc('2026-01-15', '09:00')).toBe('2026-01-15T14:00:00.000Z');
    expect(toUtc('2026-07-15', '09:00')).toBe('2026-07-15T13:00:00.000Z');
  });

  it('handles the spring-forward day 2026-03-08 in New York', () => {
    expect(toUtc('2026-03-07', '09:00')).toBe('2026-03-07T14:00:00.000Z');
    expect(toUtc('2026-03-08', '01:59')).toBe('2026-03-08T06:59:00.000Z');
    expect(toUtc('2026-03-08', '03:00')).toBe('2026-03-08T07:00:00.000Z');
    expect(toUtc('2026-03-08', '09:00')).toBe('2026-03-08T13:00:00.000Z');
    expect(toUtc('2026-03-09', '09:00')).toBe('2026-03-09T13:00:00.000Z');
  });

  it('moves a wall time inside the spring-forward gap forward by the gap', () => {
    expect(toUtc('2026-03-08', '02:30')).toBe('2026-03-08T07:30:00.000Z');
    expect(utcToZoned(new Date('2026-03-08T07:30:00Z'), NY).time).toBe('03:30');
    expect(isExistingWallTime({ date: '2026-03-08', time: '02:30', timeZone: NY })).toBe(false);
    expect(isExistingWallTime({ date: '2026-03-08', time: '03:00', timeZone: NY })).toBe(true);
  });

  it('handles the fall-back day 2026-11-01 in New York, taking the earlier of a repeated time', () => {
    expect(toUtc('2026-10-31', '09:00')).toBe('2026-10-31T13:00:00.000Z');
    expect(toUtc('2026-11-01', '00:30')).toBe('2026-11-01T04:30:00.000Z');
    expect(toUtc('2026-11-01', '01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(toUtc('2026-11-01', '02:00')).toBe('2026-11-01T07:00:00.000Z');
    expect(toUtc('2026-11-01', '09:00')).toBe('2026-11-01T14:00:00.000Z');
    expect(toUtc('2026-11-02', '09:00')).toBe('2026-11-02T14:00:00.000Z');
    expect(isExistingWallTime({ date: '2026-11-01', time: '01:30', timeZone: NY })).toBe(true);
  });

  it('works for other zones, including half-hour offsets and the southern hemisphere', () => {
    expect(toUtc('2026-03-29', '00:30', 'Europe/London')).toBe('2026-03-29T00:30:00.000Z');
    expect(toUtc('2026-03-29', '02:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(toUtc('2026-06-01', '09:00', 'Asia/Kolkata')).toBe('2026-06-01T03:30:00.000Z');
    expect(toUtc('2026-01-15', '09:00', 'Australia/Sydney')).toBe('2026-01-14T22:00:00.000Z');
    expect(toUtc('2026-07-15', '09:00', 'Australia/Sydney')).toBe('2026-07-14T23:00:00.000Z');
    expect(toUtc('2026-12-03', '09:00', 'UTC')).toBe('2026-12-03T09:00:00.000Z');
  });

  it('rejects malformed dates and times', () => {
    expect(() => toUtc('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => toUtc('2026-12-03', '9:00')).toThrow(RangeError);
    expect(() => toUtc('2026-12-03', '24:00')).toThrow(RangeError);
  });
});

describe('utcToZoned', () => {
  it('gives the local date, time and ISO weekday', () => {
    expect(utcToZoned(new Date('2026-12-03T14:00:00Z'), NY)).toEqual({
      date: '2026-12-03',
      time: '09:00',
      minutesOfDay: 540,
      isoWeekday: 4,
    });
  });

  it('reports local midnight as 00:00 of the new day', () => {
    expect(utcToZoned(new Date('2026-12-03T05:00:00Z'), NY)).toEqual({
      date: '2026-12-03',
      time: '00:00',
      minutesOfDay: 0,
      isoWeekday: 4,
    });
    expect(utcToZoned(new Date('2026-12-03T04:59:00Z'), NY).date).toBe('2026-12-02');
  });

  it('shows both instants of the repeated hour as 01:30', () => {
    expect(utcToZoned(new Date('2026-11-01T05:30:00Z'), NY).time).toBe('01:30');
    expect(utcToZoned(new Date('2026-11-01T06:30:00Z'), NY).time).toBe('01:30');
  });

  it('gives the zone offset in minutes', () => {
    expect(getTimeZoneOffsetMinutes(new Date('2026-01-15T14:00:00Z'), NY)).toBe(-300);
    expect(getTimeZoneOffsetMinutes(new Date('2026-07-15T13:00:00Z'), NY)).toBe(-240);
    expect(getTimeZoneOffsetMinutes(new Date('2026-06-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
  });

  it('round-trips every existing wall time (property)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata', 'America/Los_Angeles'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 }),
        fc.constantFrom(...zones),
        (minute, timeZone) => {
          const instant = new Date(minute * 60_000);
          const wall = utcToZoned(instant, timeZone);
          const back = zonedTimeToUtc({ date: wall.date, time: wall.time, timeZone });
          expect(utcToZoned(back, timeZone)).toEqual(wall);
          // Equal, or the earlier twin during a repeated hour.
          expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(3_600_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});
