import type { ClinicSettings } from '@/lib/validations/scheduling';
import { checkSeries } from '@/lib/scheduling/check-series';
import { toProposedVisit, DEFAULT_HORIZON_DAYS } from '@/lib/scheduling/propose-series';
import { searchSeries } from '@/lib/scheduling/search-series';
import { createSchedulingContext, findFreeChair, placeVisit } from '@/lib/scheduling/slot-rules';
import type {
  BusyInterval,
  ChairBooking,
  Conflict,
  ProposedVisit,
  SchedulingProtocol,
  SeriesVisit,
} from '@/lib/scheduling/types';
import { utcToZoned } from '@/lib/scheduling/zoned-time';

export type ProposeShiftsInput = {
  protocol: SchedulingProtocol;
  settings: ClinicSettings;
  /** The participant's series as booked before the change. */
  visits: readonly SeriesVisit[];
  /** The visit being moved and its new start; without chairId the old chair is kept when free (none for a no-chair session). */
  rescheduled: { sessionNumber: number; scheduledAt: Date; chairId?: string | null };
  busy: readonly ChairBooking[];
  participantBusy: readonly BusyInterval[];
  now: Date;
  visitMinutes?: number;
  horizonDays?: number;
};

export type VisitShift = {
  sessionNumber: number;
  visitId?: string;
  fromScheduledAt: Date;
  fromChairId: string | null;
  to: ProposedVisit;
};

export type ProposeShiftsResult = {
  /** The moved visit as it would be booked (chair resolved). */
  rescheduled: ProposedVisit;
  /** Rules the moved visit itself breaks against the sessions before it; the coordinator must fix these. */
  rescheduledConflicts: Conflict[];
  /** Later visits that must move, with their proposed new slot. Visits still valid are left alone. */
  shifts: VisitShift[];
  /** Why no valid slot exists for a later visit (then `shifts` is incomplete). */
  problems: Conflict[];
};

/** After a visit is moved, keeps the later visits that still fit and proposes new slots (same weekday and time where possible) for the rest. */
export function proposeShifts(input: ProposeShiftsInput): ProposeShiftsResult {
  const { settings, visits, rescheduled, now, horizonDays = DEFAULT_HORIZON_DAYS } = input;
  const original = visits.find((visit) => visit.sessionNumber === rescheduled.sessionNumber);
  if (original === undefined) throw new RangeError(`Session ${rescheduled.sessionNumber} is not in this series`);
  if (original.isLocked)
    throw new RangeError(`Session ${rescheduled.sessionNumber} already took place and cannot be moved`);
  const ignoredVisitIds = new Set(visits.flatMap((visit) => (visit.visitId === undefined ? [] : [visit.visitId])));
  const ctx = createSchedulingContext({ ...input, ignoredVisitIds });

  const draft = placeVisit(ctx, {
    sessionNumber: rescheduled.sessionNumber,
    start: rescheduled.scheduledAt,
    chairId: null,
  });
  // A chair given for a no-chair session stays, so the check below refuses it with CHAIR_NOT_USED.
  const chairId = ctx.needsChair
    ? (rescheduled.chairId ??
      findFreeChair(ctx, { start: draft.start, end: draft.end, preferredChairId: original.chairId ?? undefined }) ??
      original.chairId)
    : (rescheduled.chairId ?? null);
  const moved: SeriesVisit = { ...original, scheduledAt: rescheduled.scheduledAt, chairId, isLocked: false };

  const earlier = visits.filter((visit) => visit.sessionNumber < moved.sessionNumber);
  // Visits that already happened are never moved; the moved visit is checked against them instead.
  const lockedLater = visits.filter((visit) => visit.sessionNumber > moved.sessionNumber && visit.isLocked);
  // Later visits of the series are re-planned below, so their current bookings must not block the moved visit.
  const isOutsideSeries = (entry: { visitId?: string }) =>
    entry.visitId === undefined || !ignoredVisitIds.has(entry.visitId);
  const rescheduledConflicts = checkSeries({
    ...input,
    busy: input.busy.filter(isOutsideSeries),
    participantBusy: input.participantBusy.filter(isOutsideSeries),
    visits: [...earlier, moved, ...lockedLater],
  }).filter((conflict) => conflict.sessionNumber === moved.sessionNumber);

  const anchors = [...earlier, moved]
    .sort((a, b) => a.sessionNumber - b.sessionNumber)
    .map((visit) =>
      placeVisit(ctx, { sessionNumber: visit.sessionNumber, start: visit.scheduledAt, chairId: visit.chairId }),
    );
  const later = visits
    .filter((visit) => visit.sessionNumber > moved.sessionNumber && !visit.isLocked)
    .sort((a, b) => a.sessionNumber - b.sessionNumber);
  const result = searchSeries({
    ctx,
    anchors,
    sessions: later.map((visit) => ({
      sessionNumber: visit.sessionNumber,
      current: { start: visit.scheduledAt, chairId: visit.chairId },
    })),
    earliestDate: utcToZoned(now, settings.timeZone).date,
    earliestInstant: now,
    horizonDays,
    preferenceFor: (index) => {
      // Keep each visit's own weekday and time so the participant's routine changes as little as possible.
      const local = utcToZoned(later[index].scheduledAt, settings.timeZone);
      return { days: [local.isoWeekday], minutes: local.minutesOfDay };
    },
  });

  const shifts: VisitShift[] = [];
  result.visits.forEach((placed, index) => {
    const before = later[index];
    if (placed.start.getTime() === before.scheduledAt.getTime() && placed.chairId === before.chairId) return;
    shifts.push({
      sessionNumber: before.sessionNumber,
      ...(before.visitId === undefined ? {} : { visitId: before.visitId }),
      fromScheduledAt: before.scheduledAt,
      fromChairId: before.chairId,
      to: toProposedVisit(placed),
    });
  });
  return {
    rescheduled: toProposedVisit(
      placeVisit(ctx, { sessionNumber: moved.sessionNumber, start: moved.scheduledAt, chairId }),
    ),
    rescheduledConflicts,
    shifts,
    problems: result.problem === null ? [] : [result.problem],
  };
}
