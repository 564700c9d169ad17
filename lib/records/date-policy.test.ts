import { describe, expect, it } from 'vitest';
import {
  checkRecordDay,
  checkRecordInstant,
  isOnOrAfterEarliest,
  isVisitHeld,
  RECORD_DATE_MESSAGES,
} from './date-policy';

describe('record date policy', () => {
  it('accepts a day between the date of birth and today', () => {
    expect(checkRecordDay('2026-11-02', { today: '2026-12-04', dateOfBirth: '1980-05-01' })).toBeNull();
    expect(checkRecordDay('2026-12-04', { today: '2026-12-04' })).toBeNull();
  });

  it('refuses 1800, tomorrow and a day before birth', () => {
    expect(checkRecordDay('1800-01-01', { today: '2026-12-04' })).toBe(RECORD_DATE_MESSAGES.tooEarly);
    expect(checkRecordDay('2026-12-05', { today: '2026-12-04' })).toBe(RECORD_DATE_MESSAGES.future);
    expect(checkRecordDay('1979-12-31', { today: '2026-12-04', dateOfBirth: '1980-05-01' })).toBe(
      RECORD_DATE_MESSAGES.beforeBirth,
    );
  });

  it('judges an instant by the clinic-local day: 20:00 in Denver is still today there', () => {
    // 2026-12-05T03:00Z is 20:00 on 2026-12-04 in Denver (UTC-7).
    const now = new Date('2026-12-05T03:00:00Z');
    expect(checkRecordInstant(new Date('2026-12-05T02:30:00Z'), { now, timeZone: 'America/Denver' })).toBeNull();
    expect(
      checkRecordInstant(new Date('2026-12-05T02:30:00Z'), {
        now,
        timeZone: 'America/Denver',
        dateOfBirth: '2026-12-05',
      }),
    ).toBe(RECORD_DATE_MESSAGES.beforeBirth);
  });

  it('allows a clock five minutes fast but not an hour', () => {
    const now = new Date('2026-12-04T15:00:00Z');
    expect(checkRecordInstant(new Date('2026-12-04T15:04:00Z'), { now, timeZone: 'UTC' })).toBeNull();
    expect(checkRecordInstant(new Date('2026-12-04T16:00:00Z'), { now, timeZone: 'UTC' })).toBe(
      RECORD_DATE_MESSAGES.future,
    );
  });

  it('has a static lower bound for the schemas', () => {
    expect(isOnOrAfterEarliest('1800-03-01T10:00:00Z')).toBe(false);
    expect(isOnOrAfterEarliest('1900-01-01')).toBe(true);
    // Not a date: left to the format check, so the field gets one message, not two.
    expect(isOnOrAfterEarliest('02/11/1800')).toBe(true);
  });

  it('counts a visit as held once the participant was checked in', () => {
    expect(isVisitHeld({ checkedInAt: null })).toBe(false);
    expect(isVisitHeld({ checkedInAt: new Date() })).toBe(true);
  });
});
