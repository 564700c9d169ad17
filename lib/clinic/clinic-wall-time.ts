import { isIsoDate } from '@/lib/scheduling/local-date';
import { getTimeZoneOffsetMinutes, isExistingWallTime, utcToZoned, zonedTimeToUtc } from '@/lib/scheduling/zoned-time';

// A date-time a person types ("08:00") is the clinic's wall clock, whatever zone the
// browser or the server is in. This pure module turns such a value into an instant and
// back, for the forms (default values) and for the server (the only place that stores
// an instant), so both read the same wall time the same way. Decision 0039.
//
// DST, in the clinic's zone:
// - spring-forward gap (02:30 on the night the clocks jump from 02:00 to 03:00): the time
//   never showed on a clinic clock, so it is refused with a message, not moved;
// - fall-back overlap (01:30 shown twice): the earlier instant (daylight time), the usual
//   reading of an ambiguous clinic record; name the zone on display to tell them apart.

/** 'YYYY-MM-DDTHH:mm', seconds optional: what a datetime-local input holds. No offset, no Z. */
const WALL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?$/;
/** An ISO instant with its offset or Z: already unambiguous, taken as it is. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

export type ClinicInstantResult =
  | { ok: true; instant: Date }
  | { ok: false; reason: 'format' | 'nonexistent'; message: string };

export function isClinicWallDateTime(value: string): boolean {
  return WALL_DATE_TIME.test(value);
}

/**
 * A clinic wall time ('2026-11-23T08:00') or an ISO instant with offset → the instant.
 * A wall time inside the clinic's spring-forward gap is refused; in the fall-back
 * overlap it is the earlier of the two instants.
 */
export function parseClinicDateTime(value: string, timeZone: string): ClinicInstantResult {
  const trimmed = value.trim();
  if (ZONED_DATE_TIME.test(trimmed)) {
    const instant = new Date(trimmed);
    if (!Number.isNaN(instant.getTime())) return { ok: true, instant };
  }
  const match = WALL_DATE_TIME.exec(trimmed);
  if (!match || !isIsoDate(match[1])) {
    return { ok: false, reason: 'format', message: 'Enter a date and time, e.g. 2026-11-23T08:00.' };
  }
  const [, date, hour, minute, second = '0', fraction = ''] = match;
  const time = `${hour}:${minute}`;
  if (!isExistingWallTime({ date, time, timeZone })) {
    return {
      ok: false,
      reason: 'nonexistent',
      message: `${time} on ${date} does not exist in ${timeZone}: the clocks went forward that night. Enter the time the clinic clock showed.`,
    };
  }
  const extraMs = Number(second) * 1000 + Math.floor(Number(`0.${fraction || '0'}`) * 1000);
  return { ok: true, instant: new Date(zonedTimeToUtc({ date, time, timeZone }).getTime() + extraMs) };
}

/** An instant as the value of a datetime-local input on the clinic's wall clock: '2026-11-23T08:00'. */
export function toClinicInputValue(instant: Date, timeZone: string): string {
  const wall = utcToZoned(instant, timeZone);
  return `${wall.date}T${wall.time}`;
}

/**
 * An instant as ISO 8601 with the clinic's offset at that instant, '2026-11-23T20:00:00-05:00':
 * for APIs that take an offset and read the date part as the day it happened (the clinic's day).
 */
export function toClinicOffsetIso(instant: Date, timeZone: string): string {
  const wall = utcToZoned(instant, timeZone);
  const offset = getTimeZoneOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  const seconds = String(instant.getUTCSeconds()).padStart(2, '0');
  return `${wall.date}T${wall.time}:${seconds}${sign}${hours}:${minutes}`;
}

const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's short name at that instant: 'EST' or 'EDT' for New York, 'GMT+9' where no abbreviation is common. */
export function clinicZoneAbbreviation(instant: Date, timeZone: string): string {
  let formatter = zoneNameFormatters.get(timeZone);
  if (!formatter) {
    // en-US is the locale whose data carries the North American abbreviations (en-GB says GMT-5).
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });
    zoneNameFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

const STYLES = {
  /** 08:00 EST */
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** 23 Nov 2026, 08:00 EST */
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** 23 Nov 2026, 08:00:09 EST: signatures and audit rows, where the second matters. */
  precise: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type ClinicZonedStyle = keyof typeof STYLES;

// Building a formatter costs far more than using one; the audit and lot-log exports format thousands.
const zonedFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant on the clinic's wall clock with the zone named, for places where a time could be
 * misread (forms, signatures, visit and questionnaire times): '23 Nov 2026, 08:00 EST'.
 * Same text on the server and in any browser, so it is safe in client components.
 */
export function formatClinicZoned(instant: Date, timeZone: string, style: ClinicZonedStyle = 'dateTime'): string {
  const key = `${timeZone} ${style}`;
  let formatter = zonedFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { ...STYLES[style], timeZone });
    zonedFormatters.set(key, formatter);
  }
  const text = formatter.format(instant);
  return `${text} ${clinicZoneAbbreviation(instant, timeZone)}`;
}
