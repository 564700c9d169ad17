import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClinicSettings } from '@/lib/validations/scheduling';
import { checkSeries } from '@/lib/scheduling/check-series';
import { countInWindowEnding } from '@/lib/scheduling/session-spacing';
import {
  addDaysToDate,
  daysBetweenDates,
  isoWeekStartOfDate,
  isoWeekdayOfDate,
  minutesToTime,
  timeToMinutes,
} from '@/lib/scheduling/local-date';
import { proposeSeries } from '@/lib/scheduling/propose-series';
import type { ChairBooking, SchedulingProtocol } from '@/lib/scheduling/types';
import { utcToZoned, zonedTimeToUtc } from '@/lib/scheduling/zoned-time';

// Random clinics, protocols and bookings: whenever proposeSeries says a series is complete,
// that series must keep every rule, checked here independently of the implementation.

const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'UTC'];
// Around both 2026 DST changes in New York and London, and Sydney's April change.
const START_DATES = [
  '2026-03-02',
  '2026-03-05',
  '2026-03-27',
  '2026-04-01',
  '2026-10-22',
  '2026-10-30',
  '2026-11-27',
  '2026-12-18',
];

const settingsArb: fc.Arbitrary<ClinicSettings> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    openDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    openSlot: fc.integer({ min: 12, max: 20 }), // 06:00–10:00 in half hours
    openHalfHours: fc.integer({ min: 8, max: 22 }),
    slotMinutes: fc.constantFrom(15 as const, 20 as const, 30 as const, 60 as const),
    monitoringMinutes: fc.integer({ min: 0, max: 8 }).map((quarters) => quarters * 15),
    closureOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
    chairFlags: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  })
  .map((raw) => ({
    timeZone: raw.timeZone,
    openDays: raw.openDays,
    openTime: minutesToTime(raw.openSlot * 30),
    closeTime: minutesToTime(raw.openSlot * 30 + raw.openHalfHours * 30),
    slotMinutes: raw.slotMinutes,
    monitoringMinutes: raw.monitoringMinutes,
    // Offsets are turned into dates once the start date is known.
    closures: raw.closureOffsets.map((offset) => ({ date: String(offset), reason: `Closed ${offset}` })),
    chairs: raw.chairFlags.map((isActive, index) => ({
      id: `c${index + 1}`,
      name: `Chair ${index + 1}`,
      isActive: index === 0 || isActive,
    })),
  }));

const protocolArb: fc.Arbitrary<SchedulingProtocol> = fc
  .record({
    sessionCount: fc.integer({ min: 1, max: 6 }),
    sessionsPerWeek: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    minHoursBetweenSessions: fc.option(fc.integer({ min: 0, max: 96 }), { nil: null }),
    extraDays: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    infusionMinutes: fc.option(fc.integer({ min: 20, max: 120 }), { nil: null }),
  })
  .map(({ extraDays, ...rest }) => ({
    ...rest,
    // Keep the protocol self-consistent, as the dosing schema does (max gap ≥ min gap).
    maxDaysBetweenSessions: extraDays === null ? null : Math.ceil((rest.minHoursBetweenSessions ?? 0) / 24) + extraDays,
  }));

const bookingsArb = fc.array(
  fc.record({
    chairIndex: fc.integer({ min: 0, max: 2 }),
    dayOffset: fc.integer({ min: 0, max: 30 }),
    startQuarter: fc.integer({ min: 24, max: 72 }),
    quarters: fc.integer({ min: 1, max: 16 }),
  }),
  { maxLength: 40 },
);

const overlaps = (a: { start: Date; end: Date }, b: { start: Date; end: Date }) => a.start < b.end && b.start < a.end;

describe('proposeSeries (property)', () => {
  it('every complete series keeps intervals, the weekly limit, open days, opening hours and free chairs', () => {
    fc.assert(
      fc.property(
        settingsArb,
        protocolArb,
        fc.constantFrom(...START_DATES),
        bookingsArb,
        bookingsArb,
        (rawSettings, protocol, startDate, rawBusy, rawParticipant) => {
          const settings = {
            ...rawSettings,
            closures: rawSettings.closures.map((closure) => ({
              ...closure,
              date: addDaysToDate(startDate, Number(closure.date)),
            })),
          };
          const wall = (dayOffset: number, quarter: number) =>
            zonedTimeToUtc({
              date: addDaysToDate(startDate, dayOffset),
              time: minutesToTime(quarter * 15),
              timeZone: settings.timeZone,
            });
          const busy: ChairBooking[] = rawBusy.map((item) => {
            const start = wall(item.dayOffset, item.startQuarter);
            return {
              chairId: `c${item.chairIndex + 1}`,
              start,
              end: new Date(start.getTime() + item.quarters * 15 * 60_000),
            };
          });
          const participantBusy = rawParticipant.slice(0, 5).map((item) => {
            const start = wall(item.dayOffset, item.startQuarter);
            return { start, end: new Date(start.getTime() + item.quarters * 15 * 60_000) };
          });
          const result = proposeSeries({ protocol, settings, startDate, busy, participantBusy, horizonDays: 28 });

          if (result.problems.length > 0) {
            for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(10);
            return;
          }
          const visitMinutes = (protocol.infusionMinutes ?? 60) + settings.monitoringMinutes;
          const openMinutes = timeToMinutes(settings.openTime);
          const closeMinutes = timeToMinutes(settings.closeTime);
          const activeChairs = new Set(settings.chairs.filter((chair) => chair.isActive).map((chair) => chair.id));
          const closures = new Set(settings.closures.map((closure) => closure.date));
          const { visits } = result;
          expect(visits.map((visit) => visit.sessionNumber)).toEqual(
            Array.from({ length: protocol.sessionCount }, (_, index) => index + 1),
          );

          const weekCounts = new Map<string, number>();
          visits.forEach((visit, index) => {
            const end = new Date(visit.scheduledAt.getTime() + visitMinutes * 60_000);
            const local = utcToZoned(visit.scheduledAt, settings.timeZone);
            const localEnd = utcToZoned(end, settings.timeZone);
            expect(local.date).toBe(visit.localDate);
            expect(local.time).toBe(visit.localTime);
            expect(visit.localDate >= startDate).toBe(true);
            expect(settings.openDays).toContain(isoWeekdayOfDate(visit.localDate));
            expect(closures.has(visit.localDate)).toBe(false);
            expect(local.minutesOfDay).toBeGreaterThanOrEqual(openMinutes);
            expect(localEnd.date).toBe(visit.localDate);
            expect(localEnd.minutesOfDay).toBeLessThanOrEqual(closeMinutes);
            expect(visit.chairId !== null && activeChairs.has(visit.chairId)).toBe(true);
            const interval = { start: visit.scheduledAt, end };
            expect(busy.some((booking) => booking.chairId === visit.chairId && overlaps(booking, interval))).toBe(
              false,
            );
            expect(participantBusy.some((other) => overlaps(other, interval))).toBe(false);
            const week = isoWeekStartOfDate(visit.localDate);
            weekCounts.set(week, (weekCounts.get(week) ?? 0) + 1);
            if (index === 0) return;
            const prev = visits[index - 1];
            const gapHours = (visit.scheduledAt.getTime() - prev.scheduledAt.getTime()) / 3_600_000;
            expect(gapHours).toBeGreaterThanOrEqual(protocol.minHoursBetweenSessions ?? 0);
            expect(daysBetweenDates(prev.localDate, visit.localDate)).toBeGreaterThanOrEqual(1);
            if (protocol.maxDaysBetweenSessions !== null) {
              expect(daysBetweenDates(prev.localDate, visit.localDate)).toBeLessThanOrEqual(
                protocol.maxDaysBetweenSessions,
              );
            }
            // The participant's own sessions never share a chair at the same time.
            const prevEnd = new Date(prev.scheduledAt.getTime() + visitMinutes * 60_000);
            expect(overlaps({ start: prev.scheduledAt, end: prevEnd }, interval)).toBe(false);
          });
          if (protocol.sessionsPerWeek !== null) {
            for (const count of weekCounts.values()) expect(count).toBeLessThanOrEqual(protocol.sessionsPerWeek);
            // And in any 7 consecutive days, not only calendar weeks.
            const days = visits.map((visit) => visit.localDate);
            for (const day of days)
              expect(countInWindowEnding(days, day)).toBeLessThanOrEqual(protocol.sessionsPerWeek);
          }
          expect(checkSeries({ protocol, settings, visits, busy, participantBusy, now: new Date(0) })).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('a free, always-open clinic fits any protocol whose maximum gap allows weekly visits, starting on the start date', () => {
    const settings: ClinicSettings = {
      timeZone: 'America/New_York',
      openDays: [1, 2, 3, 4, 5, 6, 7],
      openTime: '08:00',
      closeTime: '17:00',
      slotMinutes: 30,
      monitoringMinutes: 60,
      closures: [],
      chairs: [{ id: 'c1', name: 'Chair 1', isActive: true }],
    };
    fc.assert(
      // A gap of at most a few days with a weekly limit can be impossible (e.g. once weekly, ≤ 1 day apart), so only weekly-compatible protocols.
      fc.property(
        protocolArb.filter(
          (protocol) => protocol.maxDaysBetweenSessions === null || protocol.maxDaysBetweenSessions >= 7,
        ),
        fc.constantFrom(...START_DATES),
        (protocol, startDate) => {
          const result = proposeSeries({ protocol, settings, startDate, busy: [], participantBusy: [] });
          expect(result.problems).toEqual([]);
          expect(result.visits).toHaveLength(protocol.sessionCount);
          expect(result.visits[0].localDate).toBe(startDate);
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);
});
