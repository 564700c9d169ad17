import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import { rebookMissed, type RebookMissedInput, type RebookVisit } from '@/lib/scheduling/rebook-missed';
import { TWICE_WEEKLY, allChairsBusy, ny } from '@/lib/scheduling/test-support';

const SESSION_1: RebookVisit = {
  sessionNumber: 1,
  status: 'COMPLETED',
  scheduledAt: ny('2026-11-30', '09:00'),
  completedAt: ny('2026-11-30', '10:40'),
  chairId: 'chair-1',
};
const MISSED_2: RebookVisit = {
  sessionNumber: 2,
  status: 'MISSED',
  scheduledAt: ny('2026-12-03', '09:00'),
  chairId: 'chair-2',
  visitId: 'v2',
};

function rebook(patch: Partial<RebookMissedInput> & { now: Date }) {
  return rebookMissed({
    protocol: TWICE_WEEKLY,
    settings: DEMO_CLINIC_SETTINGS,
    visits: [SESSION_1, MISSED_2],
    missedSessionNumber: 2,
    busy: [],
    participantBusy: [],
    ...patch,
  });
}

describe('rebookMissed', () => {
  it('offers the soonest slot at the participant’s usual time, inside the window', () => {
    expect(rebook({ now: ny('2026-12-03', '18:00') })).toEqual({
      kind: 'SLOT',
      visit: {
        sessionNumber: 2,
        scheduledAt: ny('2026-12-04', '09:00'),
        localDate: '2026-12-04',
        localTime: '09:00',
        chairId: 'chair-1',
      },
      latestDate: '2026-12-07',
    });
  });

  it('still offers the last allowed day (previous session + 7 days)', () => {
    const result = rebook({ now: ny('2026-12-07', '07:00') });
    expect(result).toMatchObject({
      kind: 'SLOT',
      visit: { localDate: '2026-12-07', localTime: '09:00' },
      latestDate: '2026-12-07',
    });
  });

  it('returns a deviation once the window has closed', () => {
    expect(rebook({ now: ny('2026-12-08', '08:00') })).toEqual({
      kind: 'DEVIATION',
      reason: 'The window for session 2 closed on Mon 2026-12-07 (7 days after session 1 on Mon 2026-11-30)',
      latestDate: '2026-12-07',
    });
  });

  it('returns a deviation when every chair is full until the last allowed day', () => {
    const busy = [...allChairsBusy('2026-12-04', '08:00', '17:00'), ...allChairsBusy('2026-12-07', '08:00', '17:00')];
    expect(rebook({ now: ny('2026-12-03', '18:00'), busy })).toEqual({
      kind: 'DEVIATION',
      reason:
        'No free slot for session 2 between Thu 2026-12-03 and Mon 2026-12-07 (at most 7 days after session 1 on Mon 2026-11-30): every chair is full on Fri 2026-12-04 and Mon 2026-12-07',
      latestDate: '2026-12-07',
    });
  });

  it('names holiday closures that use up the window', () => {
    const protocol = { ...TWICE_WEEKLY, maxDaysBetweenSessions: 3 };
    const visits: RebookVisit[] = [
      { ...SESSION_1, scheduledAt: ny('2026-12-21', '09:00'), completedAt: ny('2026-12-21', '10:40') },
      { ...MISSED_2, scheduledAt: ny('2026-12-23', '09:00') },
    ];
    expect(rebook({ protocol, visits, now: ny('2026-12-23', '17:30') })).toEqual({
      kind: 'DEVIATION',
      reason:
        'No free slot for session 2 between Wed 2026-12-23 and Thu 2026-12-24 (at most 3 days after session 1 on Mon 2026-12-21): the clinic is closed on 2026-12-24 (Christmas Eve)',
      latestDate: '2026-12-24',
    });
  });

  it('counts the minimum gap from when a late-running infusion finished', () => {
    const visits: RebookVisit[] = [
      { ...SESSION_1, completedAt: ny('2026-11-30', '13:00') },
      { ...MISSED_2, scheduledAt: ny('2026-12-02', '09:00') },
    ];
    const result = rebook({ visits, now: ny('2026-12-02', '10:00') });
    expect(result).toMatchObject({ kind: 'SLOT', visit: { localDate: '2026-12-02', localTime: '13:00' } });
  });

  it('keeps the weekly limit with the sessions already given', () => {
    const visits: RebookVisit[] = [
      SESSION_1,
      {
        ...SESSION_1,
        sessionNumber: 2,
        scheduledAt: ny('2026-12-02', '09:00'),
        completedAt: ny('2026-12-02', '10:40'),
      },
      { ...MISSED_2, sessionNumber: 3, scheduledAt: ny('2026-12-04', '09:00') },
    ];
    const protocol = { ...TWICE_WEEKLY, sessionsPerWeek: 2, minHoursBetweenSessions: 24 };
    const result = rebook({ protocol, visits, missedSessionNumber: 3, now: ny('2026-12-04', '10:00') });
    expect(result).toMatchObject({
      kind: 'SLOT',
      visit: { sessionNumber: 3, localDate: '2026-12-07', localTime: '09:00' },
      latestDate: '2026-12-09',
    });
  });

  it('anchors on the last infusion actually given, not on an earlier missed visit', () => {
    const visits: RebookVisit[] = [
      SESSION_1,
      MISSED_2,
      { ...MISSED_2, sessionNumber: 3, scheduledAt: ny('2026-12-07', '09:00'), visitId: 'v3' },
    ];
    expect(rebook({ visits, missedSessionNumber: 3, now: ny('2026-12-07', '12:00') })).toMatchObject({
      kind: 'SLOT',
      visit: { localDate: '2026-12-07', localTime: '12:00' },
      latestDate: '2026-12-07',
    });
  });

  it('has no deadline for a missed first session', () => {
    const visits: RebookVisit[] = [{ ...MISSED_2, sessionNumber: 1, scheduledAt: ny('2026-11-30', '09:00') }];
    expect(rebook({ visits, missedSessionNumber: 1, now: ny('2026-11-30', '12:00') })).toEqual({
      kind: 'SLOT',
      visit: {
        sessionNumber: 1,
        scheduledAt: ny('2026-11-30', '12:00'),
        localDate: '2026-11-30',
        localTime: '12:00',
        chairId: 'chair-1',
      },
      latestDate: null,
    });
  });

  it('ignores the missed visit’s own old booking', () => {
    const busy = [
      { chairId: 'chair-1', start: ny('2026-12-04', '09:00'), end: ny('2026-12-04', '10:40'), visitId: 'v2' },
    ];
    expect(rebook({ now: ny('2026-12-03', '18:00'), busy })).toMatchObject({
      kind: 'SLOT',
      visit: { localDate: '2026-12-04', localTime: '09:00', chairId: 'chair-1' },
    });
  });

  it('refuses a session that is not in the series', () => {
    expect(() => rebook({ missedSessionNumber: 7, now: ny('2026-12-03', '18:00') })).toThrow(RangeError);
  });
});
