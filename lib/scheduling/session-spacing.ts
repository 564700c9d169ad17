import { addDaysToDate, compareDates, formatDayLabel } from '@/lib/scheduling/local-date';
import type { SchedulingProtocol } from '@/lib/scheduling/types';

// Session spacing policy: how far apart a participant's infusions must be.
//
// - `minHoursBetweenSessions` and `maxDaysBetweenSessions` come from the protocol.
// - `sessionsPerWeek` means at most N sessions in ANY 7 consecutive days (a rolling window),
//   not per calendar week: Fri + Mon + Tue is three in five days although it spans two weeks.
// - "Twice weekly" with no numbers (NCT06419439 says only "four twice-weekly infusions")
//   gets the clinic's defaults of at least 48 h and at most 7 days apart. They are
//   assumptions, shown to the admin to confirm, and applied meanwhile: spacing infusions
//   too closely is the failure that matters here.
// - The open-label extension session is booked against its own window after the last
//   blinded session instead (lib/scheduling/extension-window.ts).

export const ROLLING_WINDOW_DAYS = 7;
export const TWICE_WEEKLY_DEFAULT_MIN_HOURS = 48;
export const TWICE_WEEKLY_DEFAULT_MAX_DAYS = 7;

export type EffectiveSpacing = {
  minHoursBetweenSessions: number | null;
  maxDaysBetweenSessions: number | null;
  sessionsPer7Days: number | null;
  /** Which values are the clinic's assumptions rather than the protocol's own. */
  assumed: { minHours: boolean; maxDays: boolean };
};

type SpacingFields = Pick<SchedulingProtocol, 'sessionsPerWeek' | 'minHoursBetweenSessions' | 'maxDaysBetweenSessions'>;

export function effectiveSpacing(protocol: SpacingFields): EffectiveSpacing {
  const isTwiceWeekly = protocol.sessionsPerWeek === 2;
  const minHours = protocol.minHoursBetweenSessions ?? (isTwiceWeekly ? TWICE_WEEKLY_DEFAULT_MIN_HOURS : null);
  const maxDays = protocol.maxDaysBetweenSessions ?? (isTwiceWeekly ? TWICE_WEEKLY_DEFAULT_MAX_DAYS : null);
  return {
    minHoursBetweenSessions: minHours,
    maxDaysBetweenSessions: maxDays,
    sessionsPer7Days: protocol.sessionsPerWeek,
    assumed: {
      minHours: protocol.minHoursBetweenSessions === null && minHours !== null,
      maxDays: protocol.maxDaysBetweenSessions === null && maxDays !== null,
    },
  };
}

/** The protocol as the scheduler applies it: the twice-weekly defaults filled in. */
export function withSpacingDefaults<P extends SpacingFields>(protocol: P): P {
  const spacing = effectiveSpacing(protocol);
  return {
    ...protocol,
    minHoursBetweenSessions: spacing.minHoursBetweenSessions,
    maxDaysBetweenSessions: spacing.maxDaysBetweenSessions,
  };
}

/** Sessions on clinic days inside the 7-day window ending on `day` (day − 6 … day). */
export function countInWindowEnding(days: readonly string[], day: string): number {
  const start = addDaysToDate(day, -(ROLLING_WINDOW_DAYS - 1));
  return days.filter((other) => compareDates(other, start) >= 0 && compareDates(other, day) <= 0).length;
}

/**
 * Whether one more session on `day` would put more than `limit` sessions in some 7
 * consecutive days, given the sessions already on `taken` days.
 */
export function wouldExceedRollingLimit(options: {
  taken: readonly string[];
  day: string;
  limit: number | null;
}): boolean {
  const { taken, day, limit } = options;
  if (limit === null) return false;
  const all = [...taken, day];
  for (let offset = 0; offset < ROLLING_WINDOW_DAYS; offset += 1) {
    if (countInWindowEnding(all, addDaysToDate(day, offset)) > limit) return true;
  }
  return false;
}

export function rollingLimitMessage(options: { sessionNumber: number; day: string; limit: number }): string {
  return `Session ${options.sessionNumber} on ${formatDayLabel(options.day)} would make more than ${options.limit} sessions in 7 days; the protocol allows at most ${options.limit} in any 7 days`;
}
