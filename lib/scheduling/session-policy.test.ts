import { describe, expect, it } from 'vitest';
import {
  PERIOPERATIVE_24_HOURS_MINUTES,
  checkChairChoice,
  checkStay,
  describeSession,
  needsChair,
  sessionMinutes,
  stayEndsAt,
} from '@/lib/scheduling/session-policy';

// Worked examples: the Mayo neuralgia trial's perioperative infusion ("during surgery and in the 24-hour
// postoperative period") and NCT06668571's 40-minute chair infusion with the demo clinic's 60 minutes of monitoring.
const CHECKED_IN = new Date('2026-12-07T13:00:00Z');
const hoursAfter = (hours: number) => new Date(CHECKED_IN.getTime() + hours * 3_600_000);
const utcClock = (instant: Date) => instant.toISOString().slice(0, 16).replace('T', ' ');

describe('session kinds', () => {
  it('only a chair session needs a chair', () => {
    expect(needsChair('CHAIR')).toBe(true);
    expect(needsChair('PERIOPERATIVE')).toBe(false);
    expect(needsChair('INPATIENT')).toBe(false);
  });

  it('a chair visit lasts infusion + monitoring, a perioperative one its 24 h stay', () => {
    expect(sessionMinutes({ setting: { kind: 'CHAIR', durationMinutes: null }, chairMinutes: 100 })).toBe(100);
    expect(
      sessionMinutes({
        setting: { kind: 'PERIOPERATIVE', durationMinutes: PERIOPERATIVE_24_HOURS_MINUTES },
        chairMinutes: 120,
      }),
    ).toBe(1440);
    expect(() => sessionMinutes({ setting: { kind: 'INPATIENT', durationMinutes: null }, chairMinutes: 120 })).toThrow(
      'An inpatient session needs its duration',
    );
  });

  it('words every session the same way in the calendar, the day list and the booking form', () => {
    expect(describeSession({ kind: 'PERIOPERATIVE', minutes: 1440 })).toBe('Perioperative · 24 h · no chair');
    expect(describeSession({ kind: 'INPATIENT', minutes: 36 * 60 })).toBe('Inpatient · 36 h · no chair');
    expect(describeSession({ kind: 'CHAIR', minutes: 100 })).toBe('Infusion chair · 1 h 40 min');
  });
});

describe('chair choice', () => {
  it('[COORDINATOR] cannot book a chair session without a chair', () => {
    expect(checkChairChoice({ kind: 'CHAIR', chairId: null })).toEqual({
      code: 'CHAIR_REQUIRED',
      message: 'Choose a chair',
    });
    expect(checkChairChoice({ kind: 'CHAIR', chairId: 'chair-1' })).toBeNull();
  });

  it('[COORDINATOR] cannot give a perioperative session a chair', () => {
    expect(checkChairChoice({ kind: 'PERIOPERATIVE', chairId: 'chair-1' })).toEqual({
      code: 'CHAIR_NOT_USED',
      message: 'A perioperative session is booked without an infusion chair; leave the chair empty',
    });
    expect(checkChairChoice({ kind: 'PERIOPERATIVE', chairId: null })).toBeNull();
    expect(checkChairChoice({ kind: 'INPATIENT', chairId: undefined })).toBeNull();
  });
});

describe('discharge after a 24 h perioperative stay', () => {
  const stay = { kind: 'PERIOPERATIVE' as const, checkedInAt: CHECKED_IN, minutes: 1440, formatInstant: utcClock };

  it('ends 24 h after check-in', () => {
    expect(stayEndsAt(stay)).toEqual(hoursAfter(24));
    expect(stayEndsAt({ ...stay, kind: 'CHAIR' })).toBeNull();
  });

  it('[CLINICIAN] cannot discharge 23 h 30 min in without an override', () => {
    expect(checkStay({ ...stay, now: hoursAfter(23.5) })).toEqual({
      code: 'STAY',
      message: 'The perioperative stay lasts 24 h from check-in, until 2026-12-08 13:00 (30 min from now).',
    });
  });

  it('[CLINICIAN] can discharge once 24 h have passed', () => {
    expect(checkStay({ ...stay, now: hoursAfter(24) })).toBeNull();
    expect(checkStay({ ...stay, now: hoursAfter(30) })).toBeNull();
  });

  it('does not apply before check-in or to a chair visit', () => {
    expect(checkStay({ ...stay, checkedInAt: null, now: hoursAfter(1) })).toBeNull();
    expect(checkStay({ ...stay, kind: 'CHAIR', now: hoursAfter(1) })).toBeNull();
  });
});
