import { addDaysToDate, isIsoDate, isoWeekStartOfDate } from '@/lib/scheduling/local-date';
import { utcToZoned } from '@/lib/scheduling/zoned-time';

// Calendar navigation on clinic-local dates: the week is the ISO week (Monday first)
// in the clinic's time zone, whatever zone the server or the browser is in.

export function clinicTodayIn(timeZone: string, now = new Date()): string {
  return utcToZoned(now, timeZone).date;
}

/** The Monday of the requested week, or of this week when the parameter is missing or not a date. */
export function resolveWeekStart(raw: string | undefined, today: string): string {
  return isoWeekStartOfDate(raw && isIsoDate(raw) ? raw : today);
}

export function resolveDay(raw: string | undefined, today: string): string {
  return raw && isIsoDate(raw) ? raw : today;
}

/** The clinic's open days of the week starting `monday`, in order (Mon–Fri for the demo clinic). */
export function openDatesOfWeek(monday: string, openDays: readonly number[]): string[] {
  return [...new Set(openDays)].sort((a, b) => a - b).map((isoWeekday) => addDaysToDate(monday, isoWeekday - 1));
}

export function clinicDateOf(iso: string, timeZone: string): string {
  return utcToZoned(new Date(iso), timeZone).date;
}

export function clinicTimeOf(iso: string, timeZone: string): string {
  return utcToZoned(new Date(iso), timeZone).time;
}
