import { describe, expect, it } from 'vitest';
import { NCT06419439_DOSING, NCT06668571_DOSING } from '@/lib/validations/dosing';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import { proposeSeries, type ProposeSeriesInput } from '@/lib/scheduling/propose-series';
import { TWICE_WEEKLY, allChairsBusy, ny } from '@/lib/scheduling/test-support';

function propose(patch: Partial<ProposeSeriesInput> & { startDate: string }) {
  return proposeSeries({
    protocol: TWICE_WEEKLY,
    settings: DEMO_CLINIC_SETTINGS,
    busy: [],
    participantBusy: [],
    ...patch,
  });
}

/** 'YYYY-MM-DD HH:mm chair' per visit, for readable expectations. */
function slots(result: ReturnType<typeof proposeSeries>): string[] {
  return result.visits.map((visit) => `${visit.localDate} ${visit.localTime} ${visit.chairId}`);
}

describe('proposeSeries', () => {
  describe('twice-weekly rhythm and week boundaries', () => {
    it('starting on a Monday gives Mon/Thu', () => {
      const result = propose({ startDate: '2026-11-30' });
      expect(result.problems).toEqual([]);
      expect(slots(result)).toEqual([
        '2026-11-30 08:00 chair-1',
        '2026-12-03 08:00 chair-1',
        '2026-12-07 08:00 chair-1',
        '2026-12-10 08:00 chair-1',
      ]);
      expect(result.visits[0].scheduledAt.toISOString()).toBe('2026-11-30T13:00:00.000Z');
      expect(result.visits.map((visit) => visit.sessionNumber)).toEqual([1, 2, 3, 4]);
    });

    it('starting on a Tuesday gives Tue/Fri', () => {
      expect(slots(propose({ startDate: '2026-12-01' }))).toEqual([
        '2026-12-01 08:00 chair-1',
        '2026-12-04 08:00 chair-1',
        '2026-12-08 08:00 chair-1',
        '2026-12-11 08:00 chair-1',
      ]);
    });

    it('starting on a Friday puts session 2 in the next ISO week (Fri/Mon)', () => {
      expect(slots(propose({ startDate: '2026-12-04' }))).toEqual([
        '2026-12-04 08:00 chair-1',
        '2026-12-07 08:00 chair-1',
        '2026-12-11 08:00 chair-1',
        '2026-12-14 08:00 chair-1',
      ]);
    });

    it('starting on a Sunday (closed) starts on Monday', () => {
      expect(slots(propose({ startDate: '2026-12-06' }))[0]).toBe('2026-12-07 08:00 chair-1');
    });

    it('schedules the NCT06419439 protocol (no stated infusion length: 60 + 60 min chair time)', () => {
      const result = propose({ startDate: '2026-11-30', protocol: NCT06419439_DOSING, preferredTime: '16:00' });
      expect(result.problems).toEqual([]);
      // 15:00 is the last start whose 120 minutes end by 17:00.
      expect(slots(result)).toEqual([
        '2026-11-30 15:00 chair-1',
        '2026-12-03 15:00 chair-1',
        '2026-12-07 15:00 chair-1',
        '2026-12-10 15:00 chair-1',
      ]);
    });

    it('schedules a single-session protocol', () => {
      expect(slots(propose({ startDate: '2026-11-30', protocol: NCT06668571_DOSING }))).toEqual([
        '2026-11-30 08:00 chair-1',
      ]);
    });
  });

  describe('preferences', () => {
    it('honours preferred days and time', () => {
      const result = propose({ startDate: '2026-11-30', preferredDays: [2, 5], preferredTime: '10:30' });
      expect(slots(result)).toEqual([
        '2026-12-01 10:30 chair-1',
        '2026-12-04 10:30 chair-1',
        '2026-12-08 10:30 chair-1',
        '2026-12-11 10:30 chair-1',
      ]);
    });

    it('falls back to the nearest time on the preferred day when the preferred time is full', () => {
      const busy = allChairsBusy('2026-12-01', '10:00', '11:30');
      const result = propose({ startDate: '2026-11-30', preferredDays: [2, 5], preferredTime: '10:30', busy });
      // 11:30 is one slot from 10:30; 09:30 is two slots, as its 100 minutes would reach 11:10.
      expect(slots(result)[0]).toBe('2026-12-01 11:30 chair-1');
      expect(slots(result)[1]).toBe('2026-12-04 10:30 chair-1');
    });

    it('ignores preferred days the clinic is closed on', () => {
      expect(slots(propose({ startDate: '2026-11-30', preferredDays: [6, 7] }))[0]).toBe('2026-11-30 08:00 chair-1');
    });

    it('keeps the first session’s time for later sessions', () => {
      const busy = allChairsBusy('2026-11-30', '08:00', '13:00');
      expect(slots(propose({ startDate: '2026-11-30', busy }))).toEqual([
        '2026-11-30 13:00 chair-1',
        '2026-12-03 13:00 chair-1',
        '2026-12-07 13:00 chair-1',
        '2026-12-10 13:00 chair-1',
      ]);
    });
  });

  describe('closures', () => {
    it('moves the Thanksgiving session to the nearest allowed day', () => {
      expect(slots(propose({ startDate: '2026-11-23' }))).toEqual([
        '2026-11-23 08:00 chair-1',
        '2026-11-25 08:00 chair-1',
        '2026-11-30 08:00 chair-1',
        '2026-12-03 08:00 chair-1',
      ]);
    });

    it('works around Christmas Eve and Christmas Day', () => {
      expect(slots(propose({ startDate: '2026-12-21' }))).toEqual([
        '2026-12-21 08:00 chair-1',
        '2026-12-23 08:00 chair-1',
        '2026-12-28 08:00 chair-1',
        '2026-12-31 08:00 chair-1',
      ]);
    });

    it('backtracks when the first choice leaves no room inside the maximum gap', () => {
      // Wed 12-23 would need session 2 by Sat 12-26, but Thu and Fri are closed and the weekend is shut.
      const protocol = {
        ...TWICE_WEEKLY,
        sessionCount: 2,
        sessionsPerWeek: null,
        minHoursBetweenSessions: null,
        maxDaysBetweenSessions: 3,
      };
      expect(slots(propose({ startDate: '2026-12-23', protocol }))).toEqual([
        '2026-12-28 08:00 chair-1',
        '2026-12-29 08:00 chair-1',
      ]);
    });
  });

  describe('intervals', () => {
    it('keeps at least the minimum gap and at most the maximum gap', () => {
      const protocol = { ...TWICE_WEEKLY, minHoursBetweenSessions: 72, maxDaysBetweenSessions: 4 };
      // Wednesday cannot start: 72 h to 4 days later is Saturday or Sunday, when the clinic is shut.
      const result = propose({ startDate: '2026-12-02', protocol });
      expect(result.problems).toEqual([]);
      expect(slots(result)).toEqual([
        '2026-12-03 08:00 chair-1',
        '2026-12-07 08:00 chair-1',
        '2026-12-10 08:00 chair-1',
        '2026-12-14 08:00 chair-1',
      ]);
    });

    it('reports a once-in-any-7-days limit with a 5-day maximum gap as impossible, naming the 7-day rule', () => {
      // At most one session in any 7 days means 7 days apart at least; at most 5 days apart cannot also hold.
      const protocol = {
        ...TWICE_WEEKLY,
        sessionCount: 2,
        sessionsPerWeek: 1,
        minHoursBetweenSessions: null,
        maxDaysBetweenSessions: 5,
      };
      const result = propose({ startDate: '2026-11-30', protocol });
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ sessionNumber: 2, code: 'WEEK_LIMIT' });
      expect(result.problems[0].message).toMatch(/1 sessions in any 7 days/);
    });

    it('with Mon + Tue preferred under twice weekly, moves the second session to Wednesday or later (Mon/Thu)', () => {
      const protocol = { ...TWICE_WEEKLY, minHoursBetweenSessions: null, maxDaysBetweenSessions: null };
      expect(slots(propose({ startDate: '2026-11-30', protocol, preferredDays: [1, 2] }))).toEqual([
        '2026-11-30 08:00 chair-1',
        '2026-12-03 08:00 chair-1',
        '2026-12-07 08:00 chair-1',
        '2026-12-10 08:00 chair-1',
      ]);
    });
  });

  describe('capacity', () => {
    it('uses a free chair when others are taken', () => {
      const busy = [
        { chairId: 'chair-1', start: ny('2026-11-30', '08:00'), end: ny('2026-11-30', '12:00') },
        { chairId: 'chair-2', start: ny('2026-11-30', '08:00'), end: ny('2026-11-30', '12:00') },
      ];
      expect(slots(propose({ startDate: '2026-11-30', busy }))[0]).toBe('2026-11-30 08:00 chair-3');
    });

    it('takes the next slot when all three chairs are full', () => {
      const busy = allChairsBusy('2026-11-30', '08:00', '09:30');
      expect(slots(propose({ startDate: '2026-11-30', busy }))[0]).toBe('2026-11-30 09:30 chair-1');
    });

    it('moves to the next day when all chairs are full all day', () => {
      const busy = allChairsBusy('2026-11-30', '08:00', '17:00');
      expect(slots(propose({ startDate: '2026-11-30', busy }))).toEqual([
        '2026-12-01 08:00 chair-1',
        '2026-12-04 08:00 chair-1',
        '2026-12-08 08:00 chair-1',
        '2026-12-11 08:00 chair-1',
      ]);
    });

    it('ignores inactive chairs', () => {
      const settings = {
        ...DEMO_CLINIC_SETTINGS,
        chairs: DEMO_CLINIC_SETTINGS.chairs.map((chair) => ({ ...chair, isActive: chair.id === 'chair-2' })),
      };
      expect(slots(propose({ startDate: '2026-11-30', settings })).every((slot) => slot.endsWith('chair-2'))).toBe(
        true,
      );
    });

    it('avoids the participant’s other appointments', () => {
      const participantBusy = [{ start: ny('2026-11-30', '08:00'), end: ny('2026-11-30', '09:00') }];
      expect(slots(propose({ startDate: '2026-11-30', participantBusy }))[0]).toBe('2026-11-30 09:00 chair-1');
    });
  });

  it('does not propose a time earlier than now', () => {
    expect(slots(propose({ startDate: '2026-11-30', now: ny('2026-11-30', '11:10') }))[0]).toBe(
      '2026-11-30 11:30 chair-1',
    );
  });

  it('keeps the local time across the fall-back change', () => {
    const result = propose({ startDate: '2026-10-29', preferredTime: '09:00' });
    expect(slots(result).slice(0, 2)).toEqual(['2026-10-29 09:00 chair-1', '2026-11-02 09:00 chair-1']);
    expect(result.visits[0].scheduledAt.toISOString()).toBe('2026-10-29T13:00:00.000Z');
    expect(result.visits[1].scheduledAt.toISOString()).toBe('2026-11-02T14:00:00.000Z');
  });

  describe('when no series fits', () => {
    it('explains that no chair is in service', () => {
      const settings = {
        ...DEMO_CLINIC_SETTINGS,
        chairs: DEMO_CLINIC_SETTINGS.chairs.map((chair) => ({ ...chair, isActive: false })),
      };
      expect(propose({ startDate: '2026-11-30', settings })).toEqual({
        visits: [],
        problems: [{ sessionNumber: 1, code: 'CHAIR_FULL', message: 'No infusion chair is in service at the clinic' }],
      });
    });

    it('explains that the chair time is longer than the opening hours', () => {
      const protocol = { ...TWICE_WEEKLY, infusionMinutes: 481 };
      expect(propose({ startDate: '2026-11-30', protocol }).problems).toEqual([
        {
          sessionNumber: 1,
          code: 'OUTSIDE_HOURS',
          message:
            'A visit needs a chair for 541 minutes (infusion and monitoring), but the clinic is open only 540 minutes a day',
        },
      ]);
    });

    it('explains full chairs within the search horizon', () => {
      const busy = ['2026-11-30', '2026-12-01', '2026-12-02'].flatMap((date) => allChairsBusy(date, '08:00', '17:00'));
      const result = propose({ startDate: '2026-11-30', busy, horizonDays: 2 });
      expect(result.visits).toEqual([]);
      expect(result.problems).toEqual([
        {
          sessionNumber: 1,
          code: 'CHAIR_FULL',
          message:
            'No free slot for session 1 between Mon 2026-11-30 and Wed 2026-12-02: every chair is full on Mon 2026-11-30, Tue 2026-12-01 and Wed 2026-12-02',
        },
      ]);
    });

    it('explains a later session that cannot fit, and returns the sessions placed so far', () => {
      const protocol = {
        ...TWICE_WEEKLY,
        sessionCount: 2,
        sessionsPerWeek: null,
        minHoursBetweenSessions: null,
        maxDaysBetweenSessions: 1,
      };
      const busy = allChairsBusy('2026-12-01', '08:00', '17:00');
      const settings = { ...DEMO_CLINIC_SETTINGS, openDays: [1, 2] };
      const result = propose({ startDate: '2026-11-30', protocol, busy, settings, horizonDays: 3 });
      expect(result.visits.map((visit) => visit.localDate)).toEqual(['2026-11-30']);
      expect(result.problems).toEqual([
        {
          sessionNumber: 2,
          code: 'CHAIR_FULL',
          message:
            'No free slot for session 2 on Tue 2026-12-01 (at most 1 day after session 1 on Mon 2026-11-30): every chair is full on Tue 2026-12-01',
        },
      ]);
    });

    it('names the closures that block the window', () => {
      const protocol = {
        ...TWICE_WEEKLY,
        sessionCount: 2,
        sessionsPerWeek: null,
        minHoursBetweenSessions: 24,
        maxDaysBetweenSessions: 2,
      };
      const result = propose({ startDate: '2026-12-23', protocol, horizonDays: 1 });
      expect(result.problems).toEqual([
        {
          sessionNumber: 2,
          code: 'CLINIC_CLOSED',
          message:
            'No free slot for session 2 between Thu 2026-12-24 and Fri 2026-12-25 (at most 2 days after session 1 on Wed 2026-12-23): the clinic is closed on 2026-12-24 (Christmas Eve) and 2026-12-25 (Christmas Day)',
        },
      ]);
    });

    it('reports an impossible interval pair as too far', () => {
      const protocol = { ...TWICE_WEEKLY, sessionCount: 2, minHoursBetweenSessions: 72, maxDaysBetweenSessions: 2 };
      expect(propose({ startDate: '2026-11-30', protocol, horizonDays: 0 }).problems).toEqual([
        {
          sessionNumber: 2,
          code: 'TOO_FAR',
          message:
            'Session 2 must be on or before Wed 2026-12-02 (at most 2 days after session 1 on Mon 2026-11-30), but the earliest allowed day is Thu 2026-12-03',
        },
      ]);
    });
  });
});
