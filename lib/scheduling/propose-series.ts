import type { ClinicSettings } from '@/lib/validations/scheduling';
import { isoWeekdayOfDate, timeToMinutes } from '@/lib/scheduling/local-date';
import { checkSeries } from '@/lib/scheduling/check-series';
import { searchSeries } from '@/lib/scheduling/search-series';
import { createSchedulingContext, type PlacedVisit, type SchedulingContext } from '@/lib/scheduling/slot-rules';
import type { BusyInterval, ChairBooking, Conflict, ProposedVisit, SchedulingProtocol } from '@/lib/scheduling/types';
import { chooseWeekdayPattern } from '@/lib/scheduling/weekday-pattern';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';

/** How far past the ideal date the search looks before reporting that no series fits. */
export const DEFAULT_HORIZON_DAYS = 56;

export type ProposeSeriesInput = {
  protocol: SchedulingProtocol;
  settings: ClinicSettings;
  /** Clinic-local 'YYYY-MM-DD': no session before this day. */
  startDate: string;
  /** ISO weekdays (1 = Monday) the participant prefers. */
  preferredDays?: readonly number[];
  /** Clinic-local 'HH:mm' the participant prefers. */
  preferredTime?: string;
  /** The clinic's existing chair bookings. */
  busy: readonly ChairBooking[];
  /** The participant's own other appointments. */
  participantBusy: readonly BusyInterval[];
  /** Minutes a chair is taken per visit; defaults to infusion + monitoring. */
  visitMinutes?: number;
  /** When given, no session starts before this instant (e.g. later today only). */
  now?: Date;
  horizonDays?: number;
};

/** `problems` empty means `visits` is a complete, bookable series; otherwise `visits` holds the sessions placed before the search got stuck. */
export type ProposeSeriesResult = { visits: ProposedVisit[]; problems: Conflict[] };

export function toProposedVisit(visit: PlacedVisit): ProposedVisit {
  return {
    sessionNumber: visit.sessionNumber,
    scheduledAt: visit.start,
    localDate: visit.localDate,
    localTime: visit.localTime,
    chairId: visit.chairId,
  };
}

function checkClinicCanHost(ctx: SchedulingContext): Conflict | null {
  // A perioperative or inpatient session needs no chair and only its start within opening hours.
  if (!ctx.needsChair) return null;
  if (ctx.activeChairIds.length === 0) {
    return { sessionNumber: 1, code: 'CHAIR_FULL', message: 'No infusion chair is in service at the clinic' };
  }
  const openMinutes = ctx.closeMinutes - ctx.openMinutes;
  if (ctx.visitMinutes > openMinutes) {
    return {
      sessionNumber: 1,
      code: 'OUTSIDE_HOURS',
      message: `A visit needs a chair for ${ctx.visitMinutes} minutes (infusion and monitoring), but the clinic is open only ${openMinutes} minutes a day`,
    };
  }
  return null;
}

/** Whether repeating on these weekdays keeps sessions at least `minHours` apart (same time of day). */
function isSpacedEnough(days: readonly number[], minHours: number | null): boolean {
  if (minHours === null || days.length < 2) return true;
  const sorted = [...days].sort((a, b) => a - b);
  const smallestGapDays = Math.min(
    ...sorted.map((day, index) => (index === 0 ? day + 7 : day) - (sorted.at(index - 1) ?? day)),
  );
  return smallestGapDays * 24 >= minHours;
}

/** Proposes dates, times and chairs for every session of an arm's protocol. */
export function proposeSeries(input: ProposeSeriesInput): ProposeSeriesResult {
  const { protocol, settings, startDate, preferredTime, now, horizonDays = DEFAULT_HORIZON_DAYS } = input;
  const ctx = createSchedulingContext(input);
  const clinicProblem = checkClinicCanHost(ctx);
  if (clinicProblem !== null) return { visits: [], problems: [clinicProblem] };

  const openPreferredDays = (input.preferredDays ?? []).filter((day) => settings.openDays.includes(day));
  const userDays = openPreferredDays.length > 0 ? openPreferredDays : null;
  const userMinutes = preferredTime === undefined ? null : timeToMinutes(preferredTime);
  const startOfDay = zonedTimeToUtc({ date: startDate, time: '00:00', timeZone: settings.timeZone });
  const earliestInstant = now !== undefined && now > startOfDay ? now : startOfDay;

  const result = searchSeries({
    ctx,
    anchors: [],
    sessions: Array.from({ length: protocol.sessionCount }, (_, index) => ({ sessionNumber: index + 1 })),
    earliestDate: startDate,
    earliestInstant,
    horizonDays,
    preferenceFor: (index, placed) => {
      const first = placed[0];
      if (index === 0 || first === undefined) return { days: userDays, minutes: userMinutes };
      // Later sessions keep the first session's time and a spread weekday rhythm unless the participant chose otherwise.
      const pattern = chooseWeekdayPattern({
        openDays: settings.openDays,
        sessionsPerWeek: ctx.protocol.sessionsPerWeek,
        firstWeekday: isoWeekdayOfDate(first.localDate),
        minHoursBetweenSessions: ctx.protocol.minHoursBetweenSessions,
      });
      // Preferred days that sit closer together than the protocol allows (Mon + Tue under ≥ 48 h)
      // cannot be the rhythm: the spread pattern from the first session's weekday takes over.
      const keepsGap = userDays !== null && isSpacedEnough(userDays, ctx.protocol.minHoursBetweenSessions);
      return {
        days: keepsGap ? userDays : (pattern ?? userDays),
        minutes: userMinutes ?? timeToMinutes(first.localTime),
      };
    },
  });
  const visits = result.visits.map(toProposedVisit);
  if (result.problem !== null) return { visits, problems: [result.problem] };
  // Defence in depth: the proposal must pass the same checker a coordinator's edits go through.
  const problems = checkSeries({
    ...input,
    visits: visits.map((visit) => ({
      sessionNumber: visit.sessionNumber,
      scheduledAt: visit.scheduledAt,
      chairId: visit.chairId,
    })),
    now: earliestInstant,
  });
  return { visits, problems };
}
