import { describe, expect, it } from 'vitest';
import { checkSeries, type CheckSeriesInput } from '@/lib/scheduling/check-series';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import { TWICE_WEEKLY, ny } from '@/lib/scheduling/test-support';
import type { SeriesVisit } from '@/lib/scheduling/types';

const NOW = ny('2026-11-01', '12:00');

function visit(sessionNumber: number, date: string, time: string, chairId = 'chair-1'): SeriesVisit {
  return { sessionNumber, scheduledAt: ny(date, time), chairId };
}

/** Mon/Thu at 09:00 from Mon 2026-11-30. */
const GOOD_SERIES = [
  visit(1, '2026-11-30', '09:00'),
  visit(2, '2026-12-03', '09:00'),
  visit(3, '2026-12-07', '09:00'),
  visit(4, '2026-12-10', '09:00'),
];

function check(visits: SeriesVisit[], patch: Partial<CheckSeriesInput> = {}) {
  return checkSeries({
    protocol: TWICE_WEEKLY,
    settings: DEMO_CLINIC_SETTINGS,
    visits,
    busy: [],
    participantBusy: [],
    now: NOW,
    ...patch,
  });
}

function withSession(sessionNumber: number, replacement: SeriesVisit): SeriesVisit[] {
  return GOOD_SERIES.map((item) => (item.sessionNumber === sessionNumber ? replacement : item));
}

describe('checkSeries', () => {
  it('accepts a valid twice-weekly series', () => {
    expect(check(GOOD_SERIES)).toEqual([]);
  });

  describe('minimum hours between sessions', () => {
    it('flags a session 30 h after the previous one', () => {
      const visits = [
        visit(1, '2026-12-03', '09:00'),
        visit(2, '2026-12-07', '09:00'),
        visit(3, '2026-12-08', '15:00'),
      ];
      expect(check(visits)).toEqual([
        {
          sessionNumber: 3,
          code: 'TOO_CLOSE',
          message: 'Session 3 is 30 h after session 2; the protocol needs at least 48 h',
        },
        // Thu, Mon and Tue are also three sessions inside 7 days.
        {
          sessionNumber: 3,
          code: 'WEEK_LIMIT',
          message:
            'Session 3 on Tue 2026-12-08 would make more than 2 sessions in 7 days; the protocol allows at most 2 in any 7 days',
        },
      ]);
    });

    it('accepts exactly 48 h and rejects one minute less', () => {
      expect(check(withSession(2, visit(2, '2026-12-02', '09:00')))).toEqual([]);
      expect(check(withSession(2, visit(2, '2026-12-02', '08:59')))).toEqual([
        {
          sessionNumber: 2,
          code: 'TOO_CLOSE',
          message: 'Session 2 is 47 h 59 min after session 1; the protocol needs at least 48 h',
        },
      ]);
    });

    it('counts real elapsed hours across the fall-back change (Fri 09:00 EDT to Mon 09:00 EST is 73 h)', () => {
      const protocol = { ...TWICE_WEEKLY, sessionCount: 2, minHoursBetweenSessions: 73 };
      const visits = [visit(1, '2026-10-30', '09:00'), visit(2, '2026-11-02', '09:00')];
      expect(check(visits, { protocol, now: ny('2026-10-01', '09:00') })).toEqual([]);
      expect(
        check(visits, { protocol: { ...protocol, minHoursBetweenSessions: 73.5 }, now: ny('2026-10-01', '09:00') }),
      ).toEqual([
        {
          sessionNumber: 2,
          code: 'TOO_CLOSE',
          message: 'Session 2 is 73 h after session 1; the protocol needs at least 73 h 30 min',
        },
      ]);
    });

    it('counts real elapsed hours across the spring-forward change (Fri 09:00 EST to Mon 09:00 EDT is 71 h)', () => {
      const protocol = { ...TWICE_WEEKLY, sessionCount: 2, minHoursBetweenSessions: 72 };
      const visits = [visit(1, '2026-03-06', '09:00'), visit(2, '2026-03-09', '09:00')];
      expect(check(visits, { protocol, now: ny('2026-03-01', '09:00') })).toEqual([
        {
          sessionNumber: 2,
          code: 'TOO_CLOSE',
          message: 'Session 2 is 71 h after session 1; the protocol needs at least 72 h',
        },
      ]);
    });

    it('never allows two sessions on one day, even without a minimum gap', () => {
      const protocol = { ...TWICE_WEEKLY, minHoursBetweenSessions: null, sessionsPerWeek: null };
      const visits = [visit(1, '2026-11-30', '09:00'), visit(2, '2026-11-30', '13:00', 'chair-2')];
      expect(check(visits, { protocol })).toEqual([
        {
          sessionNumber: 2,
          code: 'TOO_CLOSE',
          message: 'Session 2 is on the same day as session 1 (Mon 2026-11-30); sessions need separate days',
        },
      ]);
    });
  });

  describe('maximum days between sessions', () => {
    it('accepts exactly 7 days and rejects 8', () => {
      const sevenDays = [visit(1, '2026-11-30', '09:00'), visit(2, '2026-12-07', '15:00')];
      expect(check(sevenDays)).toEqual([]);
      const eightDays = [visit(1, '2026-11-30', '09:00'), visit(2, '2026-12-08', '08:00')];
      expect(check(eightDays)).toEqual([
        {
          sessionNumber: 2,
          code: 'TOO_FAR',
          message: 'Session 2 is 8 days after session 1; the protocol allows at most 7 days',
        },
      ]);
    });
  });

  describe('clinic days and hours', () => {
    it('names the closure', () => {
      expect(check([visit(1, '2026-12-21', '09:00'), visit(2, '2026-12-25', '09:00')])).toEqual([
        { sessionNumber: 2, code: 'CLINIC_CLOSED', message: 'The clinic is closed on 2026-12-25 (Christmas Day)' },
      ]);
    });

    it('flags a day the clinic is not open', () => {
      expect(check(withSession(2, visit(2, '2026-12-05', '09:00')))).toContainEqual({
        sessionNumber: 2,
        code: 'CLINIC_CLOSED',
        message: 'The clinic is not open on Saturdays (Sat 2026-12-05)',
      });
    });

    it('needs the whole chair time (40 min infusion + 60 min monitoring) before closing', () => {
      expect(check(withSession(4, visit(4, '2026-12-10', '15:20')))).toEqual([]);
      expect(check(withSession(4, visit(4, '2026-12-10', '15:30')))).toEqual([
        {
          sessionNumber: 4,
          code: 'OUTSIDE_HOURS',
          message: 'A visit at 15:30 on Thu 2026-12-10 needs the chair until 17:10, after the clinic closes at 17:00',
        },
      ]);
    });

    it('flags a start before opening', () => {
      expect(check(withSession(4, visit(4, '2026-12-10', '07:30')))).toEqual([
        {
          sessionNumber: 4,
          code: 'OUTSIDE_HOURS',
          message: '07:30 on Thu 2026-12-10 is before the clinic opens at 08:00',
        },
      ]);
      expect(check(withSession(4, visit(4, '2026-12-10', '08:00')))).toEqual([]);
    });

    it('uses an explicit visitMinutes instead of infusion + monitoring', () => {
      expect(check(withSession(4, visit(4, '2026-12-10', '15:30')), { visitMinutes: 90 })).toEqual([]);
    });
  });

  describe('chairs', () => {
    it('flags an overlapping booking on the same chair', () => {
      const busy = [{ chairId: 'chair-2', start: ny('2026-12-03', '08:30'), end: ny('2026-12-03', '10:00') }];
      expect(check(withSession(2, visit(2, '2026-12-03', '09:00', 'chair-2')), { busy })).toEqual([
        { sessionNumber: 2, code: 'CHAIR_FULL', message: 'Chair 2 is full at 09:00 on Thu 2026-12-03' },
      ]);
      expect(check(withSession(2, visit(2, '2026-12-03', '09:00', 'chair-1')), { busy })).toEqual([]);
    });

    it('treats bookings as half-open: back-to-back is fine', () => {
      const before = { chairId: 'chair-1', start: ny('2026-12-03', '07:20'), end: ny('2026-12-03', '09:00') };
      const after = { chairId: 'chair-1', start: ny('2026-12-03', '10:40'), end: ny('2026-12-03', '12:00') };
      expect(check(GOOD_SERIES, { busy: [before, after] })).toEqual([]);
      const overlapByOneMinute = { ...after, start: ny('2026-12-03', '10:39') };
      expect(check(GOOD_SERIES, { busy: [overlapByOneMinute] }).map((conflict) => conflict.code)).toEqual([
        'CHAIR_FULL',
      ]);
    });

    it('ignores the bookings of the series itself (matched by visitId)', () => {
      const visits = GOOD_SERIES.map((item) => ({ ...item, visitId: `v${item.sessionNumber}` }));
      const busy = visits.flatMap((item) =>
        item.chairId === null
          ? []
          : [
              {
                chairId: item.chairId,
                start: item.scheduledAt,
                end: new Date(item.scheduledAt.getTime() + 6_000_000),
                visitId: item.visitId,
              },
            ],
      );
      expect(check(visits, { busy, participantBusy: busy })).toEqual([]);
    });

    it('flags inactive and unknown chairs', () => {
      const settings = {
        ...DEMO_CLINIC_SETTINGS,
        chairs: DEMO_CLINIC_SETTINGS.chairs.map((chair) => ({ ...chair, isActive: chair.id !== 'chair-3' })),
      };
      expect(check(withSession(1, visit(1, '2026-11-30', '09:00', 'chair-3')), { settings })).toEqual([
        { sessionNumber: 1, code: 'CHAIR_FULL', message: 'Chair 3 is out of service' },
      ]);
      expect(check(withSession(1, visit(1, '2026-11-30', '09:00', 'chair-9')))).toEqual([
        { sessionNumber: 1, code: 'CHAIR_FULL', message: 'Chair chair-9 does not exist at this clinic' },
      ]);
    });
  });

  it('flags a clash with the participant’s other appointments', () => {
    const participantBusy = [{ start: ny('2026-12-07', '10:00'), end: ny('2026-12-07', '11:00') }];
    expect(check(GOOD_SERIES, { participantBusy })).toEqual([
      {
        sessionNumber: 3,
        code: 'PARTICIPANT_BUSY',
        message: 'The participant already has an appointment at 09:00 on Mon 2026-12-07',
      },
    ]);
  });

  describe('weekly limit (any 7 consecutive days, not calendar weeks)', () => {
    it('flags the third session in one week', () => {
      const visits = [
        visit(1, '2026-11-30', '09:00'),
        visit(2, '2026-12-02', '09:00'),
        visit(3, '2026-12-04', '09:00'),
      ];
      expect(check(visits)).toEqual([
        {
          sessionNumber: 3,
          code: 'WEEK_LIMIT',
          message:
            'Session 3 on Fri 2026-12-04 would make more than 2 sessions in 7 days; the protocol allows at most 2 in any 7 days',
        },
      ]);
    });

    it('counts across the weekend: Sat, Sun, Mon are three in three days (a calendar week would have split them)', () => {
      const settings = { ...DEMO_CLINIC_SETTINGS, openDays: [1, 2, 3, 4, 5, 6, 7] };
      const protocol = { ...TWICE_WEEKLY, sessionCount: 3, minHoursBetweenSessions: 24 };
      const satSunMon = [
        visit(1, '2026-12-05', '09:00'),
        visit(2, '2026-12-06', '09:00'),
        visit(3, '2026-12-07', '09:00'),
      ];
      expect(
        check(satSunMon, { settings, protocol }).map((conflict) => [conflict.sessionNumber, conflict.code]),
      ).toEqual([[3, 'WEEK_LIMIT']]);
      const friSatSun = [
        visit(1, '2026-12-04', '09:00'),
        visit(2, '2026-12-05', '09:00'),
        visit(3, '2026-12-06', '09:00'),
      ];
      expect(
        check(friSatSun, { settings, protocol }).map((conflict) => [conflict.sessionNumber, conflict.code]),
      ).toEqual([[3, 'WEEK_LIMIT']]);
    });
  });

  describe('order and numbering', () => {
    it('flags a session scheduled before the previous one', () => {
      const visits = [visit(1, '2026-12-03', '09:00'), visit(2, '2026-11-30', '09:00')];
      expect(check(visits)).toEqual([
        {
          sessionNumber: 2,
          code: 'ORDER',
          message: 'Session 2 (Mon 2026-11-30 09:00) must come after session 1 (Thu 2026-12-03 09:00)',
        },
      ]);
    });

    it('flags repeated and out-of-protocol session numbers', () => {
      const visits = [...GOOD_SERIES, visit(4, '2026-12-14', '09:00'), visit(5, '2026-12-17', '09:00')];
      const conflicts = check(visits).filter((conflict) => conflict.code === 'ORDER');
      expect(conflicts).toEqual([
        { sessionNumber: 4, code: 'ORDER', message: 'Session 4 is listed more than once' },
        { sessionNumber: 5, code: 'ORDER', message: 'Session 5 is not part of this protocol (4 sessions)' },
      ]);
    });
  });

  describe('past visits', () => {
    it('flags a visit that is in the past', () => {
      expect(check(GOOD_SERIES, { now: ny('2026-11-30', '09:01') })).toEqual([
        { sessionNumber: 1, code: 'IN_PAST', message: 'Session 1 (Mon 2026-11-30 09:00) is in the past' },
      ]);
      expect(check(GOOD_SERIES, { now: ny('2026-11-30', '09:00') })).toEqual([]);
    });

    it('does not report locked (already given) visits, but uses them as anchors', () => {
      const locked = { ...visit(1, '2026-11-30', '09:00'), isLocked: true };
      expect(check([locked, ...GOOD_SERIES.slice(1)], { now: ny('2026-12-01', '12:00') })).toEqual([]);
      expect(check([locked, visit(2, '2026-12-01', '15:00')], { now: ny('2026-12-01', '12:00') })).toEqual([
        {
          sessionNumber: 2,
          code: 'TOO_CLOSE',
          message: 'Session 2 is 30 h after session 1; the protocol needs at least 48 h',
        },
      ]);
    });
  });

  it('reports several conflicts sorted by session', () => {
    const visits = [visit(1, '2026-11-30', '09:00'), visit(2, '2026-12-01', '09:00'), visit(3, '2026-12-25', '09:00')];
    expect(check(visits).map((conflict) => [conflict.sessionNumber, conflict.code])).toEqual([
      [2, 'TOO_CLOSE'],
      [3, 'CLINIC_CLOSED'],
      [3, 'TOO_FAR'],
    ]);
  });
});
