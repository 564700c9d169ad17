import { parseTimepointCode } from '@/lib/trials/timepoint-code';
import type { Timepoint } from '@/lib/validations/trials';

/** "Baseline", "After session 2", "28 days (4 weeks) after the last session". */
export function describeTimepoint(timepoint: Timepoint): string {
  switch (timepoint.kind) {
    case 'BASELINE':
      return 'Baseline';
    case 'AFTER_SESSION':
      return `After session ${timepoint.session}`;
    case 'DAYS_AFTER_LAST_SESSION': {
      const { days } = timepoint;
      const weeks = days >= 14 && days % 7 === 0 ? ` (${days / 7} weeks)` : '';
      return `${days} ${days === 1 ? 'day' : 'days'}${weeks} after the last session`;
    }
  }
}

/** Describes a stored timepoint code; an unknown code is shown as stored. */
export function describeTimepointCode(code: string): string {
  const timepoint = parseTimepointCode(code);
  return timepoint ? describeTimepoint(timepoint) : code;
}

/** Sort key so a plan reads in time order: baseline, after each session, then follow-ups. */
export function timepointOrder(code: string): number {
  const timepoint = parseTimepointCode(code);
  if (!timepoint) return Number.MAX_SAFE_INTEGER;
  if (timepoint.kind === 'BASELINE') return 0;
  if (timepoint.kind === 'AFTER_SESSION') return 1_000 + timepoint.session;
  return 10_000 + timepoint.days;
}

/** "On the day", "2 days before to 3 days after", "up to 7 days after". */
export function describeWindow(before: number, after: number): string {
  const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;
  if (before === 0 && after === 0) return 'On the day';
  if (before === 0) return `Up to ${days(after)} after`;
  if (after === 0) return `Up to ${days(before)} before`;
  return `${days(before)} before to ${days(after)} after`;
}
