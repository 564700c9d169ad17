import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import { proposeShifts, type ProposeShiftsInput } from '@/lib/scheduling/propose-shifts';
import { TWICE_WEEKLY, allChairsBusy, ny } from '@/lib/scheduling/test-support';
import type { SeriesVisit } from '@/lib/scheduling/types';

const NOW = ny('2026-11-25', '12:00');

/** Mon/Thu at 09:00 from Mon 2026-11-30, each booked on its own chair slot (visitId v1…v4). */
const SERIES: Array<SeriesVisit & { chairId: string }> = [
  { sessionNumber: 1, scheduledAt: ny('2026-11-30', '09:00'), chairId: 'chair-1', visitId: 'v1' },
  { sessionNumber: 2, scheduledAt: ny('2026-12-03', '09:00'), chairId: 'chair-1', visitId: 'v2' },
  { sessionNumber: 3, scheduledAt: ny('2026-12-07', '09:00'), chairId: 'chair-1', visitId: 'v3' },
  { sessionNumber: 4, scheduledAt: ny('2026-12-10', '09:00'), chairId: 'chair-1', visitId: 'v4' },
];
const OWN_BOOKINGS = SERIES.map((visit) => ({
  chairId: visit.chairId,
  start: visit.scheduledAt,
  end: new Date(visit.scheduledAt.getTime() + 100 * 60_000),
  visitId: visit.visitId,
}));

function shift(rescheduled: ProposeShiftsInput['rescheduled'], patch: Partial<ProposeShiftsInput> = {}) {
  return proposeShifts({
    protocol: TWICE_WEEKLY,
    settings: DEMO_CLINIC_SETTINGS,
    visits: SERIES,
    rescheduled,
    busy: OWN_BOOKINGS,
    participantBusy: OWN_BOOKINGS,
    now: NOW,
    ...patch,
  });
}

const describeShifts = (result: ReturnType<typeof proposeShifts>) =>
  result.shifts.map((item) => `${item.sessionNumber}: ${item.to.localDate} ${item.to.localTime} ${item.to.chairId}`);

describe('proposeShifts', () => {
  it('leaves later visits alone when they still keep the rules', () => {
    // Session 2 to Wed 12-02 keeps 48 h after Monday and 2 in any 7 days with Mon 12-07 and Thu 12-10.
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-02', '09:00') });
    expect(result.rescheduledConflicts).toEqual([]);
    expect(result.shifts).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.rescheduled).toEqual({
      sessionNumber: 2,
      scheduledAt: ny('2026-12-02', '09:00'),
      localDate: '2026-12-02',
      localTime: '09:00',
      chairId: 'chair-1',
    });
  });

  it('moves a later visit that the new day puts third in 7 days (Fri, Mon, Thu)', () => {
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-04', '09:00') });
    expect(result.rescheduledConflicts).toEqual([]);
    expect(describeShifts(result)).toEqual(['4: 2026-12-11 09:00 chair-1']);
  });

  it('moves the later visits that now break the rules, keeping their weekday and time', () => {
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-07', '09:00') });
    expect(result.rescheduledConflicts).toEqual([]);
    expect(describeShifts(result)).toEqual(['3: 2026-12-14 09:00 chair-1', '4: 2026-12-17 09:00 chair-1']);
    expect(result.shifts[0]).toMatchObject({
      visitId: 'v3',
      fromScheduledAt: ny('2026-12-07', '09:00'),
      fromChairId: 'chair-1',
    });
    expect(result.problems).toEqual([]);
  });

  it('keeps a later visit that is still far enough away', () => {
    // Fri 15:00 to Mon 09:00 is 66 h, more than the 48 h minimum; only session 4 (third in 7 days) moves.
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-04', '15:00') });
    expect(result.rescheduledConflicts).toEqual([]);
    expect(result.shifts.map((item) => item.sessionNumber)).toEqual([4]);
  });

  it('reports a moved visit on a day the clinic is shut', () => {
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-05', '09:00') });
    expect(result.rescheduledConflicts).toEqual([
      { sessionNumber: 2, code: 'CLINIC_CLOSED', message: 'The clinic is not open on Saturdays (Sat 2026-12-05)' },
    ]);
  });

  it('moves a visit that the new time makes too close to the nearest allowed day', () => {
    // Session 3 moved to Wed 12-09 leaves Thu 12-10 only 24 h later; Friday is the first day 48 h on.
    const result = shift({ sessionNumber: 3, scheduledAt: ny('2026-12-09', '09:00') });
    expect(describeShifts(result)).toEqual(['4: 2026-12-11 09:00 chair-1']);
  });

  it('reports what is wrong with the moved visit itself', () => {
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-01', '09:00') });
    expect(result.rescheduledConflicts).toEqual([
      {
        sessionNumber: 2,
        code: 'TOO_CLOSE',
        message: 'Session 2 is 24 h after session 1; the protocol needs at least 48 h',
      },
    ]);
  });

  it('keeps the old chair when it is free and picks another when it is not', () => {
    const busy = [
      ...OWN_BOOKINGS,
      { chairId: 'chair-1', start: ny('2026-12-04', '08:00'), end: ny('2026-12-04', '12:00') },
    ];
    expect(shift({ sessionNumber: 2, scheduledAt: ny('2026-12-04', '09:00') }, { busy }).rescheduled.chairId).toBe(
      'chair-2',
    );
    expect(
      shift({ sessionNumber: 2, scheduledAt: ny('2026-12-04', '09:00'), chairId: 'chair-3' }).rescheduled.chairId,
    ).toBe('chair-3');
  });

  it('moves a later visit to a free chair or time when its chair is now taken', () => {
    const busy = [...OWN_BOOKINGS, ...allChairsBusy('2026-12-14', '08:00', '17:00')];
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-07', '09:00') }, { busy });
    // Monday 12-14 is full, so session 3 takes the nearest open day before it; session 4 keeps its Thursday.
    expect(describeShifts(result)).toEqual(['3: 2026-12-11 09:00 chair-1', '4: 2026-12-17 09:00 chair-1']);
    expect(result.problems).toEqual([]);
  });

  it('explains when a later visit cannot be placed', () => {
    const busy = [
      ...OWN_BOOKINGS,
      ...['2026-12-09', '2026-12-10', '2026-12-11', '2026-12-14'].flatMap((date) =>
        allChairsBusy(date, '08:00', '17:00'),
      ),
    ];
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-07', '09:00') }, { busy });
    expect(result.problems).toEqual([
      {
        sessionNumber: 3,
        code: 'CHAIR_FULL',
        message:
          'No free slot for session 3 between Wed 2026-12-09 and Mon 2026-12-14 (at most 7 days after session 2 on Mon 2026-12-07): every chair is full on Wed 2026-12-09, Thu 2026-12-10, Fri 2026-12-11 and Mon 2026-12-14',
      },
    ]);
  });

  it('never moves a visit that already took place, and reports the clash on the moved visit', () => {
    const visits = SERIES.map((visit) => (visit.sessionNumber === 3 ? { ...visit, isLocked: true } : visit));
    const result = shift({ sessionNumber: 2, scheduledAt: ny('2026-12-07', '11:00') }, { visits });
    expect(result.rescheduledConflicts).toEqual([
      {
        sessionNumber: 2,
        code: 'ORDER',
        message: 'Session 3 (Mon 2026-12-07 09:00) must come after session 2 (Mon 2026-12-07 11:00)',
      },
    ]);
    expect(result.shifts.map((item) => item.sessionNumber)).not.toContain(3);
  });

  it('has nothing to shift when the last session moves', () => {
    const result = shift({ sessionNumber: 4, scheduledAt: ny('2026-12-11', '09:00') });
    expect(result).toMatchObject({ rescheduledConflicts: [], shifts: [], problems: [] });
  });

  it('refuses a session that is not in the series or already took place', () => {
    expect(() => shift({ sessionNumber: 9, scheduledAt: ny('2026-12-07', '09:00') })).toThrow(RangeError);
    const visits = SERIES.map((visit) => (visit.sessionNumber === 1 ? { ...visit, isLocked: true } : visit));
    expect(() => shift({ sessionNumber: 1, scheduledAt: ny('2026-12-01', '09:00') }, { visits })).toThrow(RangeError);
  });
});
