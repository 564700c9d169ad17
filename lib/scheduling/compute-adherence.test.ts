import { describe, expect, it } from 'vitest';
import { computeAdherence, type AdherenceVisit } from '@/lib/scheduling/compute-adherence';
import { ny } from '@/lib/scheduling/test-support';

function visit(patch: Partial<AdherenceVisit> & Pick<AdherenceVisit, 'sessionNumber' | 'status'>): AdherenceVisit {
  return {
    scheduledAt: ny('2026-11-30', '09:00'),
    originalScheduledAt: null,
    completedAt: null,
    deviations: 0,
    ...patch,
  };
}

const HOUR = 3_600_000;
const after = (date: Date, hours: number) => new Date(date.getTime() + hours * HOUR);

describe('computeAdherence', () => {
  it('counts completed, late, missed, upcoming and deviations for one participant', () => {
    const s1 = ny('2026-11-30', '09:00');
    const s2 = ny('2026-12-03', '09:00');
    const s3 = ny('2026-12-07', '09:00');
    const report = computeAdherence({
      lateAfterHours: 24,
      participants: [
        {
          participantId: 'p1',
          plannedSessions: 4,
          visits: [
            visit({ sessionNumber: 1, status: 'COMPLETED', scheduledAt: s1, completedAt: after(s1, 24) }), // exactly 24 h: not late
            visit({
              sessionNumber: 2,
              status: 'COMPLETED',
              scheduledAt: after(s2, 25),
              originalScheduledAt: s2,
              completedAt: after(s2, 25.01),
              deviations: 1,
            }),
            visit({ sessionNumber: 3, status: 'MISSED', scheduledAt: s3, deviations: 1 }),
            visit({ sessionNumber: 4, status: 'SCHEDULED', scheduledAt: ny('2026-12-10', '09:00') }),
          ],
          otherDeviations: 1,
        },
      ],
    });
    expect(report.participants).toEqual([
      {
        participantId: 'p1',
        planned: 4,
        completed: 2,
        completionRate: 0.5,
        late: 1,
        lateSessionNumbers: [2],
        missed: 1,
        missedSessionNumbers: [3],
        cancelled: 0,
        upcoming: 1,
        deviations: 3,
      },
    ]);
  });

  it('measures lateness against the original booking, not the rescheduled time', () => {
    const original = ny('2026-12-03', '09:00');
    const moved = ny('2026-12-04', '09:00');
    const report = computeAdherence({
      lateAfterHours: 12,
      participants: [
        {
          participantId: 'p1',
          plannedSessions: 1,
          visits: [
            visit({
              sessionNumber: 1,
              status: 'COMPLETED',
              scheduledAt: moved,
              originalScheduledAt: original,
              completedAt: after(moved, 2),
            }),
          ],
        },
      ],
    });
    expect(report.participants[0].late).toBe(1);
  });

  it('is not late one minute inside the threshold and late one minute past it', () => {
    const planned = ny('2026-12-03', '09:00');
    const run = (completedAt: Date) =>
      computeAdherence({
        lateAfterHours: 2,
        participants: [
          {
            participantId: 'p',
            plannedSessions: 1,
            visits: [visit({ sessionNumber: 1, status: 'COMPLETED', scheduledAt: planned, completedAt })],
          },
        ],
      }).participants[0].late;
    expect(run(new Date(planned.getTime() + 119 * 60_000))).toBe(0);
    expect(run(new Date(planned.getTime() + 121 * 60_000))).toBe(1);
  });

  it('counts a missed-then-rebooked session once as completed and once as missed', () => {
    const report = computeAdherence({
      lateAfterHours: 1_000,
      participants: [
        {
          participantId: 'p1',
          plannedSessions: 2,
          visits: [
            visit({ sessionNumber: 1, status: 'COMPLETED', completedAt: ny('2026-11-30', '10:40') }),
            visit({ sessionNumber: 2, status: 'MISSED', scheduledAt: ny('2026-12-03', '09:00') }),
            visit({
              sessionNumber: 2,
              status: 'COMPLETED',
              scheduledAt: ny('2026-12-04', '09:00'),
              completedAt: ny('2026-12-04', '10:40'),
            }),
          ],
        },
      ],
    });
    expect(report.participants[0]).toMatchObject({
      completed: 2,
      completionRate: 1,
      missed: 1,
      missedSessionNumbers: [2],
    });
    expect(report.trial.fullyCompleted).toBe(1);
  });

  it('never counts a completed visit without a completion time as late, nor a cancelled one as completed', () => {
    const report = computeAdherence({
      lateAfterHours: 0,
      participants: [
        {
          participantId: 'p1',
          plannedSessions: 2,
          visits: [
            visit({ sessionNumber: 1, status: 'COMPLETED', completedAt: null }),
            visit({ sessionNumber: 2, status: 'CANCELLED' }),
          ],
        },
      ],
    });
    expect(report.participants[0]).toMatchObject({ completed: 1, late: 0, cancelled: 1 });
  });

  it('rolls up the trial', () => {
    const report = computeAdherence({
      lateAfterHours: 24,
      participants: [
        {
          participantId: 'a',
          plannedSessions: 4,
          visits: [1, 2, 3, 4].map((sessionNumber) =>
            visit({ sessionNumber, status: 'COMPLETED', completedAt: ny('2026-11-30', '10:40') }),
          ),
        },
        {
          participantId: 'b',
          plannedSessions: 4,
          visits: [visit({ sessionNumber: 1, status: 'MISSED', deviations: 2 })],
        },
        { participantId: 'c', plannedSessions: 0, visits: [] },
      ],
    });
    expect(report.participants.map((row) => row.completionRate)).toEqual([1, 0, null]);
    expect(report.trial).toEqual({
      participants: 3,
      fullyCompleted: 1,
      planned: 8,
      completed: 4,
      completionRate: 0.5,
      late: 0,
      missed: 1,
      cancelled: 0,
      deviations: 2,
    });
  });

  it('gives a null rate for an empty trial', () => {
    expect(computeAdherence({ lateAfterHours: 24, participants: [] }).trial.completionRate).toBeNull();
  });

  it('rejects invalid thresholds and planned counts', () => {
    expect(() => computeAdherence({ lateAfterHours: -1, participants: [] })).toThrow(RangeError);
    expect(() => computeAdherence({ lateAfterHours: Number.NaN, participants: [] })).toThrow(RangeError);
    expect(() =>
      computeAdherence({ lateAfterHours: 24, participants: [{ participantId: 'x', plannedSessions: -1, visits: [] }] }),
    ).toThrow(RangeError);
  });
});
