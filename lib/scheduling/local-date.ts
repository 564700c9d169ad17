// Calendar arithmetic on clinic-local dates ('YYYY-MM-DD') and wall times ('HH:mm').
// Dates are handled as plain calendar days (via UTC midnight) so that DST changes in the
// clinic's zone never turn "one day later" into 23 or 25 hours.

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;
const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function dateToUtcMs(date: string): number {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`"${date}" is not a calendar date`);
  }
  return ms;
}

function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  try {
    dateToUtcMs(value);
    return true;
  } catch {
    return false;
  }
}

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  const ms = dateToUtcMs(date);
  const value = new Date(ms);
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

export function addDaysToDate(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetweenDates(from: string, to: string): number {
  return Math.round((dateToUtcMs(to) - dateToUtcMs(from)) / DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOfDate(date: string): number {
  const sundayBased = new Date(dateToUtcMs(date)).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}

/** The Monday that starts the ISO week holding `date`; used as the key for weekly limits. */
export function isoWeekStartOfDate(date: string): string {
  return addDaysToDate(date, 1 - isoWeekdayOfDate(date));
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isWallTime(value: string): boolean {
  return TIME_PATTERN.test(value);
}

export function timeToMinutes(time: string): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Expected an HH:mm time, got "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

export function minutesToTime(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) {
    throw new RangeError(`Minutes of day must be a whole number from 0 to 1439, got ${minutes}`);
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function weekdayLabel(isoWeekday: number): string {
  return WEEKDAY_LABELS[isoWeekday - 1] ?? `day ${isoWeekday}`;
}

export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1] ?? `day ${isoWeekday}`;
}

/** 'Thu 2026-12-03': the weekday helps coordinators, the ISO date avoids US/EU ambiguity. */
export function formatDayLabel(date: string): string {
  return `${weekdayLabel(isoWeekdayOfDate(date))} ${date}`;
}
