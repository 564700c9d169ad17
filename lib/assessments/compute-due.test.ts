import { describe, expect, it } from 'vitest';
import { computeDueAssessments, type DueVisit } from './compute-due';

const TZ = 'America/New_York';
const at = (iso: string) => new Date(iso);
const plan = [
  { instrument: 'PHQ9', timepoint: 'BASELINE', windowBeforeDays: 7, windowAfterDays: 0 },
  { instrument: 'PHQ9', timepoint: 'AFTER_SESSION_1', windowBeforeDays: 0, windowAfterDays: 1 },
  { instrument: 'PHQ9', timepoint: 'DAYS_AFTER_LAST_7', windowBeforeDays: 1, windowAfterDays: 2 },
];
// Session 1 completed 10 Nov 2026 at 15:00 New York time (20:00 UTC); session 2 completed 12 Nov.
const visits: DueVisit[] = [
  {
    sessionNumber: 1,
    status: 'COMPLETED',
    scheduledAt: at('2026-11-10T18:00:00Z'),
    completedAt: at('2026-11-10T20:00:00Z'),
  },
  {
    sessionNumber: 2,
    status: 'COMPLETED',
    scheduledAt: at('2026-11-12T18:00:00Z'),
    completedAt: at('2026-11-12T20:00:00Z'),
  },
];

const statusOn = (today: string, extra: Partial<Parameters<typeof computeDueAssessments>[0]> = {}) =>
  Object.fromEntries(
    computeDueAssessments({
      plan,
      enrolledOn: '2026-11-09',
      visits,
      plannedSessions: 2,
      assessments: [],
      today,
      timeZone: TZ,
      ...extra,
    }).map((item) => [item.timepoint, [item.status, item.dueOn]]),
  );

describe('computeDueAssessments', () => {
  it('is due inside the window, upcoming before it and overdue after it (clinic days)', () => {
    expect(statusOn('2026-11-09')).toEqual({
      BASELINE: ['due', '2026-11-09'],
      AFTER_SESSION_1: ['upcoming', '2026-11-10'],
      DAYS_AFTER_LAST_7: ['upcoming', '2026-11-19'],
    });
    expect(statusOn('2026-11-11')).toMatchObject({
      BASELINE: ['overdue', '2026-11-09'],
      AFTER_SESSION_1: ['due', '2026-11-10'],
    });
    expect(statusOn('2026-11-12')).toMatchObject({ AFTER_SESSION_1: ['overdue', '2026-11-10'] });
    expect(statusOn('2026-11-17')).toMatchObject({ DAYS_AFTER_LAST_7: ['upcoming', '2026-11-19'] });
    expect(statusOn('2026-11-18')).toMatchObject({ DAYS_AFTER_LAST_7: ['due', '2026-11-19'] });
    expect(statusOn('2026-11-21')).toMatchObject({ DAYS_AFTER_LAST_7: ['due', '2026-11-19'] });
    expect(statusOn('2026-11-22')).toMatchObject({ DAYS_AFTER_LAST_7: ['overdue', '2026-11-19'] });
  });

  it('a current record makes an item done, whatever the date', () => {
    const assessments = [
      { id: 'a1', instrument: 'PHQ9', timepoint: 'BASELINE', administeredAt: at('2026-11-08T15:00:00Z') },
    ];
    const items = computeDueAssessments({
      plan,
      enrolledOn: '2026-11-09',
      visits,
      plannedSessions: 2,
      assessments,
      today: '2026-12-01',
      timeZone: TZ,
    });
    expect(items.find((item) => item.timepoint === 'BASELINE')).toMatchObject({ status: 'done', assessmentId: 'a1' });
    expect(items.at(-1)?.status).toBe('done');
  });

  it('projects from a booked session (upcoming) and waits when a session is not booked', () => {
    const booked: DueVisit[] = [
      visits[0],
      { sessionNumber: 2, status: 'SCHEDULED', scheduledAt: at('2026-11-12T18:00:00Z'), completedAt: null },
    ];
    const items = computeDueAssessments({
      plan,
      enrolledOn: '2026-11-09',
      visits: booked,
      plannedSessions: 2,
      assessments: [],
      today: '2026-11-25',
      timeZone: TZ,
    });
    expect(items.find((item) => item.timepoint === 'DAYS_AFTER_LAST_7')).toMatchObject({
      status: 'upcoming',
      dueOn: '2026-11-19',
      isProjected: true,
    });
    const none = computeDueAssessments({
      plan,
      enrolledOn: '2026-11-09',
      visits: [],
      plannedSessions: 2,
      assessments: [],
      today: '2026-11-25',
      timeZone: TZ,
    });
    expect(none.find((item) => item.timepoint === 'AFTER_SESSION_1')).toMatchObject({
      status: 'upcoming',
      dueOn: null,
    });
  });

  it('dates a late-evening completion by the clinic day, not the UTC day', () => {
    const late: DueVisit[] = [
      {
        sessionNumber: 1,
        status: 'COMPLETED',
        scheduledAt: at('2026-11-11T01:00:00Z'),
        completedAt: at('2026-11-11T03:30:00Z'),
      },
    ];
    const items = computeDueAssessments({
      plan,
      enrolledOn: '2026-11-09',
      visits: late,
      plannedSessions: 2,
      assessments: [],
      today: '2026-11-11',
      timeZone: TZ,
    });
    expect(items.find((item) => item.timepoint === 'AFTER_SESSION_1')).toMatchObject({
      dueOn: '2026-11-10',
      status: 'due',
    });
  });
});
