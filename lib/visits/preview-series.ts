import 'server-only';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { proposeSeries } from '@/lib/scheduling/propose-series';
import { needsChair, summarizeSession, type SessionSummary } from '@/lib/scheduling/session-policy';
import type { Conflict } from '@/lib/scheduling/types';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import type { SchedulePreviewInput } from '@/lib/validations/scheduling';
import { loadSchedulingInputs } from './load-scheduling-inputs';

const DAY_MS = 86_400_000;
/** Bookings are read this far past the start date: the search horizon plus a whole series. */
const LOOKAHEAD_DAYS = 400;

export type PreviewVisit = {
  sessionNumber: number;
  scheduledAt: string;
  /** Null for a perioperative or inpatient session: booked without a chair. */
  chairId: string | null;
  chairName: string | null;
  localDate: string;
  localTime: string;
};
export type SeriesPreview = {
  visits: PreviewVisit[];
  problems: Conflict[];
  /** Chair time per visit; null when the sessions hold no chair (see `session`). */
  chairMinutes: number | null;
  session: SessionSummary;
};

/**
 * Proposes every session of the enrollment's protocol from `startDate` against the clinic's
 * current bookings and the participant's other appointments. Nothing is written; the
 * coordinator may move visits and then books with bookSeries, which checks again.
 * `problems` non-empty means no complete series fits (visits holds what was placed).
 */
export async function previewSeries({
  enrollmentId,
  input,
  now = new Date(),
}: {
  enrollmentId: string;
  input: SchedulePreviewInput;
  now?: Date;
}): Promise<SeriesPreview> {
  const settingsRow = await prisma.clinicSettings.findUnique({ where: { id: 'clinic' }, select: { timeZone: true } });
  const from = zonedTimeToUtc({ date: input.startDate, time: '00:00', timeZone: settingsRow?.timeZone ?? 'UTC' });
  const data = await loadSchedulingInputs({
    db: prisma,
    enrollmentId,
    from: from < now ? from : now,
    to: new Date(from.getTime() + LOOKAHEAD_DAYS * DAY_MS),
  });
  if (data.enrollment.status !== 'ACTIVE')
    throw new AppError('CONFLICT', 'Only an active enrollment can be scheduled.');
  if (data.series.length > 0) {
    throw new AppError(
      'CONFLICT',
      'This participant already has booked sessions; reschedule those visits instead of booking a new series.',
      {
        details: { bookedSessions: data.series.map((visit) => visit.sessionNumber) },
      },
    );
  }
  const result = proposeSeries({
    protocol: data.protocol,
    settings: data.settings,
    startDate: input.startDate,
    preferredDays: input.preferredDays,
    preferredTime: input.preferredTime,
    busy: data.busy,
    participantBusy: data.participantBusy,
    visitMinutes: data.visitMinutes,
    now,
  });
  const chairNames = new Map(data.settings.chairs.map((chair) => [chair.id, chair.name]));
  return {
    visits: result.visits.map((visit) => ({
      sessionNumber: visit.sessionNumber,
      scheduledAt: visit.scheduledAt.toISOString(),
      chairId: visit.chairId,
      chairName: visit.chairId === null ? null : (chairNames.get(visit.chairId) ?? visit.chairId),
      localDate: visit.localDate,
      localTime: visit.localTime,
    })),
    problems: result.problems,
    chairMinutes: needsChair(data.sessionKind) ? data.visitMinutes : null,
    session: summarizeSession({ kind: data.sessionKind, minutes: data.visitMinutes }),
  };
}
