import { parseClinicDateTime } from '@/lib/clinic/clinic-wall-time';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import { isIsoDate, isWallTime } from '@/lib/scheduling/local-date';
import type { ErrorBody } from '@/lib/errors/app-error';

// Small client-safe helpers shared by the scheduling and infusion-day forms (the conflicts of a
// 409 are in ./conflicts.ts, which the visit list reads without these clock helpers).

/** A typed clinic time as an instant, or why it is none: it never showed on the clinic clock. */
export type WallInstant = { ok: true; iso: string } | { ok: false; message: string };

/**
 * Clinic-local date and time → ISO 8601 instant (with Z), or null while either is incomplete. A time
 * inside the clinic's spring-forward gap is refused with a message for its field, never moved to
 * another time (the shared parseClinicDateTime, decision 0039).
 */
export function toInstant(date: string, time: string, timeZone: string): WallInstant | null {
  if (!isIsoDate(date) || !isWallTime(time)) return null;
  const parsed = parseClinicDateTime(`${date}T${time}`, timeZone);
  return parsed.ok ? { ok: true, iso: parsed.instant.toISOString() } : { ok: false, message: parsed.message };
}

export function toClinicWall(iso: string, timeZone: string): { date: string; time: string } {
  const wall = utcToZoned(new Date(iso), timeZone);
  return { date: wall.date, time: wall.time };
}

/** Server field errors flattened into one sentence for a form-level alert. */
export function errorText(error: ErrorBody['error']): string {
  const fieldMessages = Object.values(error.fields ?? {}).flat();
  return fieldMessages.length > 0 ? `${error.message} ${fieldMessages.join(' ')}` : error.message;
}

/** Now as a clinic-local 'HH:mm' and 'YYYY-MM-DD'. */
export function clinicNow(timeZone: string): { date: string; time: string } {
  const wall = utcToZoned(new Date(), timeZone);
  return { date: wall.date, time: wall.time };
}

/**
 * A clinic-local time picked on today's record → ISO instant. Empty or the current minute means
 * "now" (to the second), so a start entered right after check-in is not read as before it.
 */
export function todayTimeToInstant(date: string, time: string, timeZone: string): WallInstant | null {
  const now = clinicNow(timeZone);
  if (time === '' || (date === now.date && time === now.time)) return { ok: true, iso: new Date().toISOString() };
  return toInstant(date, time, timeZone);
}

/** An instant on the clinic's wall clock: '14:05' or '23 Nov 2026, 14:05' (same on server and browser). */
export function formatInZone(iso: string, timeZone: string, style: 'time' | 'dateTime' = 'dateTime'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'time'
      ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }
      : {
          day: 'numeric',
          month: 'short',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone,
        };
  return new Intl.DateTimeFormat('en-GB', options).format(new Date(iso));
}
