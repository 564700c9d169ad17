// Business-day arithmetic (Monday to Friday) on calendar dates 'YYYY-MM-DD'.
// Clinic holidays are not counted out: the follow-up rule is "3 business days",
// and a holiday only makes a referral show up a day early, never late.

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a calendar date`);
  return ms;
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isBusinessDay(date: string): boolean {
  return isoWeekday(toUtcMs(date)) <= 5;
}

/**
 * Moves `days` business days forward (or back, when negative). From a weekend
 * day, +1 is the next Monday and -1 the previous Friday; 0 returns the date itself.
 */
export function addBusinessDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Business days must be a whole number, got ${days}`);
  let ms = toUtcMs(date);
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0; ) {
    ms += step * DAY_MS;
    if (isoWeekday(ms) <= 5) left -= 1;
  }
  return fromUtcMs(ms);
}

/** Business days in (from, to]: those that have passed since `from`, up to and including `to`. Negative when `to` is earlier. */
export function businessDaysBetween(from: string, to: string): number {
  const start = toUtcMs(from);
  const end = toUtcMs(to);
  if (end < start) return -businessDaysBetween(to, from);
  const days = Math.round((end - start) / DAY_MS);
  const fullWeeks = Math.floor(days / 7);
  let count = fullWeeks * 5;
  for (let ms = start + fullWeeks * 7 * DAY_MS + DAY_MS; ms <= end; ms += DAY_MS) if (isoWeekday(ms) <= 5) count += 1;
  return count;
}

/**
 * The latest date `d` with businessDaysBetween(d, today) > businessDays: every
 * date on or before it is more than that many business days ago.
 */
export function lastDateMoreThanBusinessDaysAgo(today: string, businessDays: number): string {
  let date = addBusinessDays(today, -businessDays);
  while (businessDaysBetween(date, today) <= businessDays) date = fromUtcMs(toUtcMs(date) - DAY_MS);
  // Step forward over weekend days that still qualify (between() does not count them).
  for (;;) {
    const next = fromUtcMs(toUtcMs(date) + DAY_MS);
    if (businessDaysBetween(next, today) > businessDays) date = next;
    else return date;
  }
}
