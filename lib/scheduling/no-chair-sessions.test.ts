import { describe, expect, it } from 'vitest';
import { checkSeries } from '@/lib/scheduling/check-series';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import { proposeSeries } from '@/lib/scheduling/propose-series';
import { proposeShifts } from '@/lib/scheduling/propose-shifts';
import { rebookMissed } from '@/lib/scheduling/rebook-missed';
import { TWICE_WEEKLY, allChairsBusy, ny } from '@/lib/scheduling/test-support';
import type { ChairBooking, SchedulingProtocol, SeriesVisit } from '@/lib/scheduling/types';

// Worked examples of sessions without a chair (lib/scheduling/session-policy.ts, decision 0042) in the demo
// clinic: Monday–Friday 08:00–17:00 New York, closed on Thanksgiving (Thu 2026-11-26), three chairs.

/** The Mayo neuralgia trial: one infusion "during surgery and in the 24-hour postoperative period". */
const PERIOPERATIVE_24H: SchedulingProtocol = {
  sessionCount: 1,
  sessionsPerWeek: null,
  minHoursBetweenSessions: null,
  maxDaysBetweenSessions: null,
  infusionMinutes: null,
  sessionKind: 'PERIOPERATIVE',
  sessionDurationMinutes: 24 * 60,
};

/** Two 24 h inpatient admissions, at least 48 h and at most 7 days apart. */
const INPATIENT_TWICE: SchedulingProtocol = {
  sessionCount: 2,
  sessionsPerWeek: null,
  minHoursBetweenSessions: 48,
  maxDaysBetweenSessions: 7,
  infusionMinutes: 40,
  sessionKind: 'INPATIENT',
  sessionDurationMinutes: 24 * 60,
};

const WEEK_FULL: ChairBooking[] = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].flatMap(
  (date) => allChairsBusy(date, '08:00', '17:00'),
);
const NOW = ny('2026-11-25', '12:00');

function check(protocol: SchedulingProtocol, visits: SeriesVisit[], busy: ChairBooking[] = WEEK_FULL) {
  return checkSeries({ protocol, settings: DEMO_CLINIC_SETTINGS, visits, busy, participantBusy: [], now: NOW });
}

describe('proposing a perioperative session', () => {
  it('books it without a chair even when every chair is full all week', () => {
    const result = proposeSeries({
      protocol: PERIOPERATIVE_24H,
      settings: DEMO_CLINIC_SETTINGS,
      startDate: '2026-11-30',
      preferredTime: '07:00',
      busy: WEEK_FULL,
      participantBusy: [],
    });
    expect(result).toEqual({
      visits: [
        {
          sessionNumber: 1,
          scheduledAt: ny('2026-11-30', '08:00'),
          localDate: '2026-11-30',
          localTime: '08:00',
          chairId: null,
        },
      ],
      problems: [],
    });
  });

  it('does not start on a clinic closure: Thanksgiving moves it to Friday', () => {
    const result = proposeSeries({
      protocol: PERIOPERATIVE_24H,
      settings: DEMO_CLINIC_SETTINGS,
      startDate: '2026-11-26',
      busy: [],
      participantBusy: [],
    });
    expect(result.visits.map((visit) => [visit.localDate, visit.localTime, visit.chairId])).toEqual([
      ['2026-11-27', '08:00', null],
    ]);
  });

  it('may start late in the day: only the admission has to fall within opening hours', () => {
    const result = proposeSeries({
      protocol: PERIOPERATIVE_24H,
      settings: DEMO_CLINIC_SETTINGS,
      startDate: '2026-11-27',
      preferredTime: '16:30',
      busy: [],
      participantBusy: [],
    });
    expect(result.visits.map((visit) => visit.localTime)).toEqual(['16:30']);
    expect(result.problems).toEqual([]);
  });

  it('keeps the spacing rules: two inpatient stays at least 48 h apart', () => {
    const result = proposeSeries({
      protocol: INPATIENT_TWICE,
      settings: DEMO_CLINIC_SETTINGS,
      startDate: '2026-11-30',
      preferredTime: '09:00',
      busy: WEEK_FULL,
      participantBusy: [],
    });
    expect(result.problems).toEqual([]);
    expect(result.visits.map((visit) => [visit.localDate, visit.localTime, visit.chairId])).toEqual([
      ['2026-11-30', '09:00', null],
      ['2026-12-02', '09:00', null],
    ]);
  });
});

describe('checking a no-chair series', () => {
  const friday = ny('2026-11-27', '16:30');

  it('accepts a Friday 16:30 admission whose stay runs into the weekend, with every chair full', () => {
    expect(
      check(
        PERIOPERATIVE_24H,
        [{ sessionNumber: 1, scheduledAt: friday, chairId: null }],
        [...allChairsBusy('2026-11-27', '08:00', '17:00')],
      ),
    ).toEqual([]);
  });

  it('[COORDINATOR] cannot give a perioperative session a chair', () => {
    expect(check(PERIOPERATIVE_24H, [{ sessionNumber: 1, scheduledAt: friday, chairId: 'chair-1' }])).toEqual([
      {
        sessionNumber: 1,
        code: 'CHAIR_NOT_USED',
        message: 'Session 1: A perioperative session is booked without an infusion chair; leave the chair empty',
      },
    ]);
  });

  it('refuses an admission on a closure, on a weekend or after closing time', () => {
    const codes = (scheduledAt: Date) =>
      check(PERIOPERATIVE_24H, [{ sessionNumber: 1, scheduledAt, chairId: null }]).map((conflict) => conflict.code);
    expect(codes(ny('2026-11-26', '09:00'))).toEqual(['CLINIC_CLOSED']);
    expect(codes(ny('2026-11-28', '09:00'))).toEqual(['CLINIC_CLOSED']);
    expect(codes(ny('2026-11-27', '17:00'))).toEqual(['OUTSIDE_HOURS']);
    expect(codes(ny('2026-11-27', '07:30'))).toEqual(['OUTSIDE_HOURS']);
  });

  it('holds the participant for the whole stay: an appointment the next morning conflicts', () => {
    const conflicts = checkSeries({
      protocol: PERIOPERATIVE_24H,
      settings: DEMO_CLINIC_SETTINGS,
      visits: [{ sessionNumber: 1, scheduledAt: ny('2026-11-30', '09:00'), chairId: null }],
      busy: [],
      participantBusy: [{ start: ny('2026-12-01', '08:00'), end: ny('2026-12-01', '09:00') }],
      now: NOW,
    });
    expect(conflicts.map((conflict) => conflict.code)).toEqual(['PARTICIPANT_BUSY']);
  });

  it('[COORDINATOR] still needs a chair for a chair session', () => {
    const conflicts = check(TWICE_WEEKLY, [
      { sessionNumber: 1, scheduledAt: ny('2026-12-07', '09:00'), chairId: null },
    ]);
    expect(conflicts).toEqual([{ sessionNumber: 1, code: 'CHAIR_REQUIRED', message: 'Session 1: Choose a chair' }]);
  });
});

describe('moving and rebooking a no-chair series', () => {
  const series: SeriesVisit[] = [
    { sessionNumber: 1, scheduledAt: ny('2026-11-30', '09:00'), chairId: null, visitId: 'v1' },
    { sessionNumber: 2, scheduledAt: ny('2026-12-02', '09:00'), chairId: null, visitId: 'v2' },
  ];
  const ownStays = series.map((visit) => ({
    start: visit.scheduledAt,
    end: new Date(visit.scheduledAt.getTime() + 24 * 3_600_000),
    visitId: visit.visitId,
  }));

  it('keeps a moved session and its shifted successor chairless', () => {
    const result = proposeShifts({
      protocol: INPATIENT_TWICE,
      settings: DEMO_CLINIC_SETTINGS,
      visits: series,
      rescheduled: { sessionNumber: 1, scheduledAt: ny('2026-12-01', '09:00') },
      busy: WEEK_FULL,
      participantBusy: ownStays,
      now: NOW,
    });
    expect(result.rescheduled).toMatchObject({ localDate: '2026-12-01', chairId: null });
    expect(result.rescheduledConflicts).toEqual([]);
    // Session 2 on Wednesday is now 24 h after session 1: it moves to Thursday, still without a chair.
    expect(result.shifts.map((shift) => [shift.sessionNumber, shift.to.localDate, shift.to.chairId])).toEqual([
      [2, '2026-12-03', null],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('rebooks a missed perioperative session without a chair when the chairs are full', () => {
    const result = rebookMissed({
      protocol: PERIOPERATIVE_24H,
      settings: DEMO_CLINIC_SETTINGS,
      visits: [{ sessionNumber: 1, status: 'MISSED', scheduledAt: ny('2026-11-30', '09:00'), chairId: null }],
      missedSessionNumber: 1,
      busy: WEEK_FULL,
      participantBusy: [],
      now: ny('2026-11-30', '12:00'),
    });
    expect(result).toEqual({
      kind: 'SLOT',
      visit: {
        sessionNumber: 1,
        scheduledAt: ny('2026-11-30', '12:00'),
        localDate: '2026-11-30',
        localTime: '12:00',
        chairId: null,
      },
      latestDate: null,
    });
  });
});
