import { describe, expect, it } from 'vitest';
import {
  clinicZoneAbbreviation,
  formatClinicZoned,
  isClinicWallDateTime,
  parseClinicDateTime,
  toClinicInputValue,
  toClinicOffsetIso,
} from './clinic-wall-time';

const NEW_YORK = 'America/New_York';

function instantOf(value: string, timeZone = NEW_YORK): string {
  const result = parseClinicDateTime(value, timeZone);
  if (!result.ok) throw new Error(result.message);
  return result.instant.toISOString();
}

describe('a clinic wall time typed in a form', () => {
  it('is read on the clinic clock, not the server’s or the browser’s', () => {
    // 08:00 in New York in November is 13:00 UTC (EST, UTC−5); in July 12:00 UTC (EDT, UTC−4).
    expect(instantOf('2026-11-23T08:00')).toBe('2026-11-23T13:00:00.000Z');
    expect(instantOf('2026-07-14T08:00')).toBe('2026-07-14T12:00:00.000Z');
    expect(instantOf('2026-11-23T08:00', 'Asia/Tokyo')).toBe('2026-11-22T23:00:00.000Z');
  });

  it('keeps seconds when they are given', () => {
    expect(instantOf('2026-11-23T08:00:30')).toBe('2026-11-23T13:00:30.000Z');
    expect(instantOf('2026-11-23T08:00:30.250')).toBe('2026-11-23T13:00:30.250Z');
  });

  it('takes an ISO instant with an offset as it is', () => {
    expect(instantOf('2026-11-23T08:00:00+09:00')).toBe('2026-11-22T23:00:00.000Z');
    expect(instantOf('2026-11-23T13:00:00Z')).toBe('2026-11-23T13:00:00.000Z');
  });

  it('refuses a time inside the spring-forward gap (02:00–02:59 on 8 Mar 2026 in New York)', () => {
    const result = parseClinicDateTime('2026-03-08T02:30', NEW_YORK);
    expect(result).toMatchObject({ ok: false, reason: 'nonexistent' });
    expect(result.ok ? '' : result.message).toContain('02:30 on 2026-03-08 does not exist in America/New_York');
    // Either side of the gap is fine: 01:59 EST and 03:00 EDT are one minute apart.
    expect(instantOf('2026-03-08T01:59')).toBe('2026-03-08T06:59:00.000Z');
    expect(instantOf('2026-03-08T03:00')).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the earlier instant in the fall-back overlap (01:00–01:59 twice on 1 Nov 2026)', () => {
    // 01:30 EDT (UTC−4) comes before 01:30 EST (UTC−5).
    expect(instantOf('2026-11-01T01:30')).toBe('2026-11-01T05:30:00.000Z');
    expect(instantOf('2026-11-01T00:59')).toBe('2026-11-01T04:59:00.000Z');
    expect(instantOf('2026-11-01T02:00')).toBe('2026-11-01T07:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const value of ['2026-11-23', '08:00', '2026-02-30T08:00', '2026-11-23T24:00', 'tomorrow', '']) {
      expect(parseClinicDateTime(value, NEW_YORK)).toMatchObject({ ok: false, reason: 'format' });
    }
    expect(isClinicWallDateTime('2026-11-23T08:00')).toBe(true);
    expect(isClinicWallDateTime('2026-11-23T08:00Z')).toBe(false);
  });
});

describe('an instant shown on the clinic clock', () => {
  it('fills a datetime-local input with the clinic wall time', () => {
    expect(toClinicInputValue(new Date('2026-11-23T13:00:00Z'), NEW_YORK)).toBe('2026-11-23T08:00');
    // The second 01:30 of the fall-back night shows as 01:30 too: the zone name tells them apart.
    expect(toClinicInputValue(new Date('2026-11-01T06:30:00Z'), NEW_YORK)).toBe('2026-11-01T01:30');
  });

  it('writes an ISO time with the clinic offset, so its date part is the clinic day', () => {
    // 01:00 UTC on the 24th is still the 23rd, 20:00, in New York.
    expect(toClinicOffsetIso(new Date('2026-11-24T01:00:09Z'), NEW_YORK)).toBe('2026-11-23T20:00:09-05:00');
    expect(toClinicOffsetIso(new Date('2026-07-14T12:00:00Z'), NEW_YORK)).toBe('2026-07-14T08:00:00-04:00');
    expect(toClinicOffsetIso(new Date('2026-11-23T00:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-23T06:00:00+05:30');
    expect(instantOf(toClinicOffsetIso(new Date('2026-11-01T06:30:00Z'), NEW_YORK))).toBe('2026-11-01T06:30:00.000Z');
  });

  it('names the zone, with the abbreviation in force at that instant', () => {
    expect(formatClinicZoned(new Date('2026-11-23T13:00:00Z'), NEW_YORK)).toBe('23 Nov 2026, 08:00 EST');
    expect(formatClinicZoned(new Date('2026-07-14T12:00:00Z'), NEW_YORK, 'time')).toBe('08:00 EDT');
    expect(formatClinicZoned(new Date('2026-11-01T05:30:00Z'), NEW_YORK, 'time')).toBe('01:30 EDT');
    expect(formatClinicZoned(new Date('2026-11-01T06:30:00Z'), NEW_YORK, 'time')).toBe('01:30 EST');
    expect(clinicZoneAbbreviation(new Date('2026-11-23T13:00:00Z'), 'Asia/Tokyo')).toBe('GMT+9');
  });

  it('precise: to the second with the zone named (signatures, audit rows), each zone on its own clock', () => {
    const instant = new Date('2026-11-23T13:00:09Z');
    expect(formatClinicZoned(instant, NEW_YORK, 'precise')).toBe('23 Nov 2026, 08:00:09 EST');
    // Formatters are reused per zone and style: a second zone must not get the first one's clock.
    expect(formatClinicZoned(instant, 'Asia/Tokyo', 'precise')).toBe('23 Nov 2026, 22:00:09 GMT+9');
    expect(formatClinicZoned(instant, NEW_YORK, 'precise')).toBe('23 Nov 2026, 08:00:09 EST');
  });

  it('round-trips every wall time that exists', () => {
    for (const value of ['2026-03-08T01:59', '2026-03-08T03:00', '2026-11-01T00:30', '2026-12-31T23:59']) {
      expect(toClinicInputValue(new Date(instantOf(value)), NEW_YORK)).toBe(value);
    }
  });
});
