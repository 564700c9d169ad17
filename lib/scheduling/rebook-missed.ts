import type { ClinicSettings } from '@/lib/validations/scheduling';
import { addDaysToDate, compareDates, formatDayLabel, timeToMinutes } from '@/lib/scheduling/local-date';
import { pluralize } from '@/lib/scheduling/format';
import { DEFAULT_HORIZON_DAYS, toProposedVisit } from '@/lib/scheduling/propose-series';
import { searchSeries } from '@/lib/scheduling/search-series';
import { createSchedulingContext, placeVisit } from '@/lib/scheduling/slot-rules';
import type {
  BusyInterval,
  ChairBooking,
  ProposedVisit,
  SchedulingProtocol,
  VisitStatus,
} from '@/lib/scheduling/types';
import { utcToZoned } from '@/lib/scheduling/zoned-time';

export type RebookVisit = {
  sessionNumber: number;
  status: VisitStatus;
  scheduledAt: Date;
  completedAt?: Date | null;
  /** Null for a no-chair (perioperative or inpatient) session. */
  chairId: string | null;
  visitId?: string;
};

export type RebookMissedInput = {
  protocol: SchedulingProtocol;
  settings: ClinicSettings;
  /** The participant's visits of this series, in any order. */
  visits: readonly RebookVisit[];
  missedSessionNumber: number;
  busy: readonly ChairBooking[];
  participantBusy: readonly BusyInterval[];
  now: Date;
  visitMinutes?: number;
  horizonDays?: number;
};

export type RebookMissedResult =
  | { kind: 'SLOT'; visit: ProposedVisit; latestDate: string | null }
  | { kind: 'DEVIATION'; reason: string; latestDate: string | null };

const GIVEN_STATUSES: readonly VisitStatus[] = ['CHECKED_IN', 'COMPLETED'];

/**
 * A new slot for a missed session inside the protocol's window after the last infusion
 * actually given, or a DEVIATION (with the reason to record) when none exists.
 * Later sessions are not moved here: pass the new slot to proposeShifts for that.
 */
export function rebookMissed(input: RebookMissedInput): RebookMissedResult {
  const { protocol, settings, visits, missedSessionNumber, now, horizonDays = DEFAULT_HORIZON_DAYS } = input;
  const missed = visits.find((visit) => visit.sessionNumber === missedSessionNumber);
  if (missed === undefined) throw new RangeError(`Session ${missedSessionNumber} is not in this series`);
  const ignoredVisitIds = new Set(missed.visitId === undefined ? [] : [missed.visitId]);
  const ctx = createSchedulingContext({ ...input, ignoredVisitIds });
  const given = visits
    .filter((visit) => visit.sessionNumber < missedSessionNumber && GIVEN_STATUSES.includes(visit.status))
    .sort((a, b) => a.sessionNumber - b.sessionNumber);
  const anchors = given.map((visit) =>
    placeVisit(ctx, { sessionNumber: visit.sessionNumber, start: visit.scheduledAt, chairId: visit.chairId }),
  );
  const lastGiven = given.at(-1);
  const lastPlaced = anchors.at(-1);
  const maxDays = protocol.maxDaysBetweenSessions;
  const latestDate = lastPlaced !== undefined && maxDays !== null ? addDaysToDate(lastPlaced.localDate, maxDays) : null;
  const today = utcToZoned(now, settings.timeZone).date;
  const windowNote =
    lastPlaced === undefined
      ? ''
      : ` (${pluralize(maxDays ?? 0, 'day')} after session ${lastPlaced.sessionNumber} on ${formatDayLabel(lastPlaced.localDate)})`;

  if (latestDate !== null && compareDates(latestDate, today) < 0) {
    return {
      kind: 'DEVIATION',
      reason: `The window for session ${missedSessionNumber} closed on ${formatDayLabel(latestDate)}${windowNote}`,
      latestDate,
    };
  }
  // The minimum gap counts from when the last infusion finished if that is known: a late-running
  // visit must not let the next infusion come too soon.
  const minHoursMs = (protocol.minHoursBetweenSessions ?? 0) * 3_600_000;
  const finishedAt = lastGiven?.completedAt ?? null;
  const afterFinish = finishedAt === null ? null : new Date(finishedAt.getTime() + minHoursMs);
  const earliestInstant = afterFinish !== null && afterFinish > now ? afterFinish : now;

  const result = searchSeries({
    ctx,
    anchors,
    sessions: [{ sessionNumber: missedSessionNumber }],
    earliestDate: today,
    earliestInstant,
    horizonDays,
    // As soon as possible, at the time of day the participant had booked.
    preferenceFor: () => ({
      days: null,
      minutes: timeToMinutes(utcToZoned(missed.scheduledAt, settings.timeZone).time),
    }),
  });
  const slot = result.visits[0];
  if (result.problem === null && slot !== undefined) return { kind: 'SLOT', visit: toProposedVisit(slot), latestDate };
  return {
    kind: 'DEVIATION',
    reason: result.problem?.message ?? `No slot found for session ${missedSessionNumber}`,
    latestDate,
  };
}
