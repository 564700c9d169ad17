import { isoWeekdayOfDate, minutesToTime, parseIsoDate, timeToMinutes } from '@/lib/scheduling/local-date';

// Clinic-local wall time <-> UTC instants with nothing but Intl.DateTimeFormat.
// The offset of a zone is read by formatting an instant in that zone and comparing
// the wall clock with the instant's UTC fields.

export type ZonedWallTime = {
  date: string; // 'YYYY-MM-DD' in the zone
  time: string; // 'HH:mm' in the zone
  minutesOfDay: number;
  isoWeekday: number; // 1 = Monday … 7 = Sunday
};

const formatters = new Map<string, Intl.DateTimeFormat>();
const DAY_MS = 86_400_000;

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  formatters.set(timeZone, formatter);
  return formatter;
}

/** The zone's wall clock at `ms`, expressed as if it were a UTC timestamp (seconds precision). */
function wallClockMs(ms: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of getFormatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  // Some engines still print midnight as hour 24 despite hourCycle h23.
  const hour = fields.hour === 24 ? 0 : fields.hour;
  return Date.UTC(fields.year, fields.month - 1, fields.day, hour, fields.minute, fields.second);
}

/** Offset of the zone from UTC at `instant`, in minutes (New York in winter: -300). */
export function getTimeZoneOffsetMinutes(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const wholeSecondMs = Math.floor(ms / 1000) * 1000;
  return Math.round((wallClockMs(ms, timeZone) - wholeSecondMs) / 60_000);
}

/**
 * The UTC instant of a clinic-local wall time.
 * DST gap (e.g. 02:30 on a spring-forward night): moved forward by the gap, as a wall clock would be.
 * DST overlap (e.g. 01:30 on a fall-back night): the earlier of the two instants.
 */
export function zonedTimeToUtc(options: { date: string; time: string; timeZone: string }): Date {
  const { date, time, timeZone } = options;
  const { year, month, day } = parseIsoDate(date);
  const minutes = timeToMinutes(time);
  const wallMs = Date.UTC(year, month - 1, day, Math.floor(minutes / 60), minutes % 60);
  // Real zones change offset at most once within a day either side, so the offsets a day
  // before and after are the only two candidates.
  const offsetBefore = getTimeZoneOffsetMinutes(new Date(wallMs - DAY_MS), timeZone);
  const offsetAfter = getTimeZoneOffsetMinutes(new Date(wallMs + DAY_MS), timeZone);
  const candidates = [wallMs - offsetBefore * 60_000, wallMs - offsetAfter * 60_000]
    .filter((ms) => wallClockMs(ms, timeZone) === wallMs)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]);
  return new Date(wallMs - offsetBefore * 60_000);
}

/** The clinic-local date, time and weekday of an instant. */
export function utcToZoned(instant: Date, timeZone: string): ZonedWallTime {
  const wall = new Date(wallClockMs(instant.getTime(), timeZone));
  const date = wall.toISOString().slice(0, 10);
  const minutesOfDay = wall.getUTCHours() * 60 + wall.getUTCMinutes();
  return { date, time: minutesToTime(minutesOfDay), minutesOfDay, isoWeekday: isoWeekdayOfDate(date) };
}

/** True when the wall time exists exactly once or twice in the zone (false inside a DST gap). */
export function isExistingWallTime(options: { date: string; time: string; timeZone: string }): boolean {
  const instant = zonedTimeToUtc(options);
  const back = utcToZoned(instant, options.timeZone);
  return back.date === options.date && back.time === options.time;
}
