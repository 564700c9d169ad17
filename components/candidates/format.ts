import { format, parseISO } from 'date-fns';
import { ageInYears } from '@/lib/candidates/vocabulary';

// Pure formatting shared by the candidate pages and their client components.
// Calendar dates ('YYYY-MM-DD') are parsed as local midnight and printed as
// they are, so no time zone can shift the day.

/** 'YYYY-MM-DD' → '23 Nov 2026'. */
export function formatCalendarDate(date: string): string {
  return format(parseISO(date), 'd MMM yyyy');
}

/** Age in whole years on `today` (both 'YYYY-MM-DD'). */
export function formatAge(dateOfBirth: string, today: string): string {
  const years = ageInYears(dateOfBirth, today);
  return `${years} ${years === 1 ? 'year' : 'years'}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** How long something has been waiting: '3 days', '5 h', 'under an hour'. */
export function formatWaiting(ms: number): string {
  if (ms < 3_600_000) return 'under an hour';
  const hours = Math.floor(ms / 3_600_000);
  if (hours < 48) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

export function candidateName(candidate: { firstName: string; lastName: string }): string {
  return `${candidate.lastName}, ${candidate.firstName}`;
}
