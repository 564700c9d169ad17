import { describe, expect, it } from 'vitest';
import { checkSeries } from '@/lib/scheduling/check-series';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';
import { extensionWindowProblem } from '@/lib/scheduling/extension-window';
import { effectiveSpacing, wouldExceedRollingLimit } from '@/lib/scheduling/session-spacing';
import { ny } from '@/lib/scheduling/test-support';
import type { SchedulingProtocol, SeriesVisit } from '@/lib/scheduling/types';

// NCT06419439: "four twice-weekly infusions", no spacing stated. The clinic's defaults apply.
const NCT06419439_AS_STATED: SchedulingProtocol = {
  sessionCount: 4,
  sessionsPerWeek: 2,
  minHoursBetweenSessions: null,
  maxDaysBetweenSessions: null,
  infusionMinutes: null,
};
const SEVEN_DAYS_A_WEEK = { ...DEMO_CLINIC_SETTINGS, openDays: [1, 2, 3, 4, 5, 6, 7] };
const NOW = ny('2026-11-01', '12:00');

const visit = (sessionNumber: number, date: string, time = '09:00'): SeriesVisit => ({
  sessionNumber,
  scheduledAt: ny(date, time),
  chairId: 'chair-1',
});
const codes = (visits: SeriesVisit[], protocol = NCT06419439_AS_STATED) =>
  checkSeries({ protocol, settings: SEVEN_DAYS_A_WEEK, visits, busy: [], participantBusy: [], now: NOW }).map(
    (conflict) => `${conflict.sessionNumber}:${conflict.code}`,
  );
const messages = (visits: SeriesVisit[]) =>
  checkSeries({
    protocol: NCT06419439_AS_STATED,
    settings: SEVEN_DAYS_A_WEEK,
    visits,
    busy: [],
    participantBusy: [],
    now: NOW,
  }).map((conflict) => conflict.message);

describe('twice-weekly defaults when the protocol gives no numbers', () => {
  it('are at least 48 h and at most 7 days apart, marked as assumptions', () => {
    expect(effectiveSpacing(NCT06419439_AS_STATED)).toEqual({
      minHoursBetweenSessions: 48,
      maxDaysBetweenSessions: 7,
      sessionsPer7Days: 2,
      assumed: { minHours: true, maxDays: true },
    });
  });
  it('give way to the protocol’s own numbers', () => {
    expect(effectiveSpacing({ ...NCT06419439_AS_STATED, minHoursBetweenSessions: 72 })).toMatchObject({
      minHoursBetweenSessions: 72,
      assumed: { minHours: false, maxDays: true },
    });
  });
  it('do not apply to other rhythms', () => {
    expect(effectiveSpacing({ ...NCT06419439_AS_STATED, sessionsPerWeek: 1 })).toMatchObject({
      minHoursBetweenSessions: null,
      maxDaysBetweenSessions: null,
    });
  });
});

describe('worked examples (NCT06419439 as stated)', () => {
  it('24 h apart (Mon and Tue) is refused, naming 48 h', () => {
    expect(codes([visit(1, '2026-11-30'), visit(2, '2026-12-01')])).toEqual(['2:TOO_CLOSE']);
    expect(messages([visit(1, '2026-11-30'), visit(2, '2026-12-01')])[0]).toMatch(/at least 48 h/);
  });
  it('47 h apart is refused; 48 h is allowed', () => {
    expect(codes([visit(1, '2026-11-30', '09:00'), visit(2, '2026-12-02', '08:00')])).toEqual(['2:TOO_CLOSE']);
    expect(codes([visit(1, '2026-11-30', '09:00'), visit(2, '2026-12-02', '09:00')])).toEqual([]);
  });
  it('3 sessions in 6 days is refused (at most 2 in any 7 days), even across two calendar weeks', () => {
    // Fri, Sun, Wed: 48 h+ apart each, but three inside Fri–Wed.
    expect(codes([visit(1, '2026-12-04'), visit(2, '2026-12-06'), visit(3, '2026-12-09')])).toEqual(['3:WEEK_LIMIT']);
    expect(messages([visit(1, '2026-12-04'), visit(2, '2026-12-06'), visit(3, '2026-12-09')])[0]).toMatch(
      /at most 2 in any 7 days/,
    );
  });
  it('a 9-day gap is refused, naming 7 days', () => {
    expect(codes([visit(1, '2026-11-30'), visit(2, '2026-12-09')])).toEqual(['2:TOO_FAR']);
    expect(messages([visit(1, '2026-11-30'), visit(2, '2026-12-09')])[0]).toMatch(/at most 7 days/);
  });
  it('four infusions in five days is refused; a 25-day gap is refused', () => {
    expect(codes([visit(1, '2026-11-30'), visit(2, '2026-12-02'), visit(3, '2026-12-04')])).toEqual(['3:WEEK_LIMIT']);
    expect(codes([visit(1, '2026-11-30'), visit(2, '2026-12-23')])).toEqual(['2:TOO_FAR']);
  });
  it('Mon/Thu twice weekly is accepted', () => {
    expect(
      codes([visit(1, '2026-11-30'), visit(2, '2026-12-03'), visit(3, '2026-12-07'), visit(4, '2026-12-10')]),
    ).toEqual([]);
  });
});

describe('the rolling 7-day window', () => {
  it('looks both ways from the new day', () => {
    expect(wouldExceedRollingLimit({ taken: ['2026-12-01', '2026-12-07'], day: '2026-12-04', limit: 2 })).toBe(true);
    expect(wouldExceedRollingLimit({ taken: ['2026-12-01', '2026-12-08'], day: '2026-12-04', limit: 2 })).toBe(false);
    expect(wouldExceedRollingLimit({ taken: ['2026-12-01'], day: '2026-12-04', limit: null })).toBe(false);
  });
});

describe('the open-label extension window (NCT06668571: 1–7 days after the blinded infusion)', () => {
  const protocol = {
    sessionCount: 1,
    extension: {
      minDaysAfterLastSession: 1,
      maxDaysAfterLastSession: 7,
      label: 'Optional open-label ketamine infusion',
    },
  };
  const problem = (day: string) => extensionWindowProblem({ protocol, lastSessionDay: '2026-12-01', day });
  it('refuses day 0 (the same day), accepts day 1 and day 7, refuses day 8, naming the window', () => {
    expect(problem('2026-12-01')).toMatch(/must be 1–7 days after session 1 on Tue 2026-12-01; .* is day 0/);
    expect(problem('2026-12-02')).toBeNull();
    expect(problem('2026-12-08')).toBeNull();
    expect(problem('2026-12-09')).toMatch(/is day 8/);
  });
  it('is checked by checkSeries as the extension session', () => {
    const withExtension: SchedulingProtocol = {
      sessionCount: 1,
      sessionsPerWeek: null,
      minHoursBetweenSessions: null,
      maxDaysBetweenSessions: null,
      infusionMinutes: 40,
      extension: protocol.extension,
    };
    const locked = { ...visit(1, '2026-12-01'), isLocked: true };
    expect(codes([locked, visit(2, '2026-12-08')], withExtension)).toEqual([]);
    expect(codes([locked, visit(2, '2026-12-09')], withExtension)).toEqual(['2:EXTENSION_WINDOW']);
    expect(codes([locked, visit(3, '2026-12-04')], withExtension)).toEqual(['3:ORDER']);
  });
});
