import { utcToZoned } from '@/lib/scheduling/zoned-time';

// When a clinical record may be dated: measurements, questionnaires and adverse
// events. A date before 1900 is a typo, not history; a date before the person
// was born, or after today on the clinic's wall clock, cannot be true.
// "Today" is the clinic's local day (lib/clinic/clock.ts), never the server's UTC day:
// at 20:00 in Denver it is already tomorrow in UTC.

export const EARLIEST_RECORD_DATE = '1900-01-01';
/** A recording device's clock a few minutes ahead is not an error; a time in the future is. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const RECORD_DATE_MESSAGES = {
  tooEarly: `The date cannot be before ${EARLIEST_RECORD_DATE}.`,
  future: 'The date cannot be in the future.',
  beforeBirth: 'The date cannot be before the date of birth.',
} as const;

export type RecordDateBounds = {
  /** The clinic's current local day, YYYY-MM-DD. */
  today: string;
  /** YYYY-MM-DD, when the record belongs to a known person. */
  dateOfBirth?: string | null;
};

/** A date-only record (YYYY-MM-DD): null when plausible, else the reason. */
export function checkRecordDay(day: string, bounds: RecordDateBounds): string | null {
  if (day < EARLIEST_RECORD_DATE) return RECORD_DATE_MESSAGES.tooEarly;
  if (day > bounds.today) return RECORD_DATE_MESSAGES.future;
  if (bounds.dateOfBirth && day < bounds.dateOfBirth) return RECORD_DATE_MESSAGES.beforeBirth;
  return null;
}

/** A timed record: the instant may not be ahead of now; its clinic-local day must be plausible. */
export function checkRecordInstant(
  instant: Date,
  bounds: { now: Date; timeZone: string; dateOfBirth?: string | null },
): string | null {
  if (instant.getTime() > bounds.now.getTime() + FUTURE_TOLERANCE_MS) return RECORD_DATE_MESSAGES.future;
  const day = utcToZoned(instant, bounds.timeZone).date;
  const today = utcToZoned(bounds.now, bounds.timeZone).date;
  return checkRecordDay(day, { today, dateOfBirth: bounds.dateOfBirth });
}

/**
 * For zod: the part of the bounds that needs no context (the server checks the rest).
 * A value that is not a date at all passes here: the format check reports it.
 */
export function isOnOrAfterEarliest(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return true;
  return value.slice(0, 10) >= EARLIEST_RECORD_DATE;
}

/** Adverse events are recorded on visits that took place: the participant was checked in. */
export function isVisitHeld(visit: { checkedInAt: Date | null }): boolean {
  return visit.checkedInAt !== null;
}
