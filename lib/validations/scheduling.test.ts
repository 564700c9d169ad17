import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import {
  bookSeriesSchema,
  clinicSettingsSchema,
  rescheduleVisitSchema,
  schedulePreviewSchema,
} from '@/lib/validations/scheduling';

function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('clinicSettingsSchema', () => {
  const parse = (patch: Record<string, unknown>) =>
    clinicSettingsSchema.safeParse({ ...DEMO_CLINIC_SETTINGS, ...patch });

  it('accepts the demo clinic unchanged', () => {
    expect(clinicSettingsSchema.parse(DEMO_CLINIC_SETTINGS)).toEqual(DEMO_CLINIC_SETTINGS);
  });

  it('requires closing after opening', () => {
    expect(issues(parse({ openTime: '17:00', closeTime: '08:00' }))).toEqual([
      'closeTime: Closing time must be after opening time',
    ]);
    expect(issues(parse({ openTime: '08:00', closeTime: '08:00' }))).toEqual([
      'closeTime: Closing time must be after opening time',
    ]);
    expect(parse({ openTime: '08:00', closeTime: '08:30' }).success).toBe(true);
  });

  it('requires opening hours that hold at least one slot', () => {
    expect(issues(parse({ openTime: '08:00', closeTime: '08:30', slotMinutes: 60 }))).toEqual([
      'closeTime: Opening hours must hold at least one slot',
    ]);
    expect(parse({ openTime: '08:00', closeTime: '09:00', slotMinutes: 60 }).success).toBe(true);
  });

  it('requires at least one open day, each an ISO weekday listed once', () => {
    expect(issues(parse({ openDays: [] }))).toEqual(['openDays: The clinic must be open on at least one day']);
    expect(parse({ openDays: [0] }).success).toBe(false);
    expect(parse({ openDays: [8] }).success).toBe(false);
    expect(parse({ openDays: [1.5] }).success).toBe(false);
    expect(issues(parse({ openDays: [1, 1] }))).toEqual(['openDays: A weekday is listed twice']);
    expect(parse({ openDays: [7] }).success).toBe(true);
  });

  it('accepts only the listed slot lengths', () => {
    for (const slotMinutes of [15, 20, 30, 60]) expect(parse({ slotMinutes }).success).toBe(true);
    for (const slotMinutes of [10, 25, 45, 90]) expect(parse({ slotMinutes }).success).toBe(false);
  });

  it('bounds monitoring time to 0–480 whole minutes', () => {
    expect(parse({ monitoringMinutes: 0 }).success).toBe(true);
    expect(parse({ monitoringMinutes: 480 }).success).toBe(true);
    expect(parse({ monitoringMinutes: -1 }).success).toBe(false);
    expect(parse({ monitoringMinutes: 481 }).success).toBe(false);
    expect(parse({ monitoringMinutes: 30.5 }).success).toBe(false);
  });

  it('accepts IANA zones only', () => {
    expect(parse({ timeZone: 'Europe/London' }).success).toBe(true);
    expect(parse({ timeZone: 'UTC' }).success).toBe(true);
    expect(parse({ timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(parse({ timeZone: '+05:00' }).success).toBe(false);
    expect(parse({ timeZone: '' }).success).toBe(false);
  });

  it('checks wall times are HH:mm on a 24-hour clock', () => {
    expect(parse({ openTime: '8:00' }).success).toBe(false);
    expect(parse({ closeTime: '24:00' }).success).toBe(false);
    expect(parse({ closeTime: '17:60' }).success).toBe(false);
    expect(parse({ openTime: '00:00', closeTime: '23:59' }).success).toBe(true);
  });

  it('rejects impossible and repeated closure dates and blank reasons', () => {
    expect(parse({ closures: [{ date: '2026-02-29', reason: 'Not a leap year' }] }).success).toBe(false);
    expect(parse({ closures: [{ date: '2028-02-29', reason: 'Leap day' }] }).success).toBe(true);
    expect(parse({ closures: [{ date: '2026-12-25', reason: '  ' }] }).success).toBe(false);
    expect(
      issues(
        parse({
          closures: [
            { date: '2026-12-25', reason: 'Christmas Day' },
            { date: '2026-12-25', reason: 'Again' },
          ],
        }),
      ),
    ).toEqual(['closures.1.date: 2026-12-25 is already listed as a closure']);
  });

  it('rejects repeated chair ids', () => {
    const chairs = [
      { id: 'c1', name: 'Chair 1', isActive: true },
      { id: 'c1', name: 'Chair 2', isActive: true },
    ];
    expect(issues(parse({ chairs }))).toEqual(['chairs.1.id: Chair id c1 is used twice']);
  });
});

describe('schedulePreviewSchema', () => {
  it('accepts a start date with optional preferences', () => {
    expect(schedulePreviewSchema.parse({ startDate: '2026-11-30' })).toEqual({ startDate: '2026-11-30' });
    expect(
      schedulePreviewSchema.parse({ startDate: '2026-11-30', preferredDays: [2, 5], preferredTime: '10:30' }),
    ).toEqual({
      startDate: '2026-11-30',
      preferredDays: [2, 5],
      preferredTime: '10:30',
    });
  });

  it('rejects bad dates, days and times', () => {
    expect(schedulePreviewSchema.safeParse({ startDate: '2026-13-01' }).success).toBe(false);
    expect(schedulePreviewSchema.safeParse({ startDate: '30/11/2026' }).success).toBe(false);
    expect(schedulePreviewSchema.safeParse({ startDate: '2026-11-30', preferredDays: [] }).success).toBe(false);
    expect(schedulePreviewSchema.safeParse({ startDate: '2026-11-30', preferredDays: [2, 2] }).success).toBe(false);
    expect(schedulePreviewSchema.safeParse({ startDate: '2026-11-30', preferredTime: '25:00' }).success).toBe(false);
  });
});

describe('bookSeriesSchema', () => {
  const visit = { sessionNumber: 1, scheduledAt: '2026-11-30T14:00:00Z', chairId: 'chair-1' };

  it('accepts instants with Z or an explicit offset', () => {
    expect(
      bookSeriesSchema.safeParse({
        visits: [visit, { ...visit, sessionNumber: 2, scheduledAt: '2026-12-03T09:00:00-05:00' }],
      }).success,
    ).toBe(true);
  });

  it('rejects instants without an offset, since they would be read in the server zone', () => {
    expect(bookSeriesSchema.safeParse({ visits: [{ ...visit, scheduledAt: '2026-11-30T09:00:00' }] }).success).toBe(
      false,
    );
    expect(bookSeriesSchema.safeParse({ visits: [{ ...visit, scheduledAt: 'next Monday' }] }).success).toBe(false);
  });

  it('rejects empty series, repeated sessions, session 0 and blank chairs', () => {
    expect(bookSeriesSchema.safeParse({ visits: [] }).success).toBe(false);
    expect(issues(bookSeriesSchema.safeParse({ visits: [visit, visit] }))).toEqual([
      'visits: A session is listed twice',
    ]);
    expect(bookSeriesSchema.safeParse({ visits: [{ ...visit, sessionNumber: 0 }] }).success).toBe(false);
    expect(bookSeriesSchema.safeParse({ visits: [{ ...visit, chairId: ' ' }] }).success).toBe(false);
  });
});

describe('rescheduleVisitSchema', () => {
  it('requires a reason and keeps the chair optional', () => {
    expect(
      rescheduleVisitSchema.parse({ scheduledAt: '2026-12-04T14:00:00Z', reason: ' Participant request ' }),
    ).toEqual({
      scheduledAt: '2026-12-04T14:00:00Z',
      reason: 'Participant request',
    });
    expect(rescheduleVisitSchema.safeParse({ scheduledAt: '2026-12-04T14:00:00Z', reason: '' }).success).toBe(false);
    expect(
      rescheduleVisitSchema.safeParse({ scheduledAt: '2026-12-04T14:00:00Z', reason: 'x'.repeat(501) }).success,
    ).toBe(false);
    expect(
      rescheduleVisitSchema.safeParse({
        scheduledAt: '2026-12-04T14:00:00Z',
        chairId: 'chair-2',
        reason: 'Chair repair',
      }).success,
    ).toBe(true);
  });
});
