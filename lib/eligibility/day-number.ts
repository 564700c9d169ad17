// Hot-path date arithmetic on YYYY-MM-DD strings: no Date objects and no regex, because the prescreen
// evaluates tens of thousands of candidates per request.

function readDigits(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type CalendarDay = { year: number; month: number; day: number };

// Returns the packed value year * 10000 + month * 100 + day, or -1; allocation-free because it runs for every
// date of every candidate in a prescreen.
function parsePacked(text: string): number {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45)
    return -1;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  if (Number.isNaN(year) || Number.isNaN(month) || Number.isNaN(day) || month < 1 || month > 12 || day < 1) return -1;
  const monthLength = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > monthLength) return -1;
  return year * 10000 + month * 100 + day;
}

/** Parses YYYY-MM-DD; null when malformed or not a real calendar day. */
export function parseCalendarDay(text: string): CalendarDay | null {
  const packed = parsePacked(text);
  if (packed < 0) return null;
  return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
}

/** Days since 1970-01-01 (proleptic Gregorian), or NaN when the text is not a valid day. */
export function toDayNumber(text: string): number {
  const packed = parsePacked(text);
  if (packed < 0) return Number.NaN;
  const year = Math.floor(packed / 10000);
  const month = Math.floor(packed / 100) % 100;
  const day = packed % 100;
  // Howard Hinnant's days_from_civil: exact integer arithmetic with March-based years.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Completed years on `onDay`; null when either date is invalid or birth is after that day.
 * The birthday itself counts. A 29 February birthday is reached on 1 March in common years, so nobody
 * is treated as older than they are.
 */
export function ageInYears(dateOfBirth: string, onDay: string): number | null {
  const birth = parseCalendarDay(dateOfBirth);
  const day = parseCalendarDay(onDay);
  if (birth === null || day === null) return null;
  const hasHadBirthday = day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  const age = day.year - birth.year - (hasHadBirthday ? 0 : 1);
  return age < 0 ? null : age;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Inverse of toDayNumber (Hinnant's civil_from_days); years 0–9999. */
export function fromDayNumber(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
