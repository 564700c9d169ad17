import type { Timepoint } from '@/lib/validations/trials';

/** Stable string form of an assessment timepoint, as stored and used by the API. */
export function timepointCode(timepoint: Timepoint): string {
  switch (timepoint.kind) {
    case 'BASELINE':
      return 'BASELINE';
    case 'AFTER_SESSION':
      return `AFTER_SESSION_${timepoint.session}`;
    case 'DAYS_AFTER_LAST_SESSION':
      return `DAYS_AFTER_LAST_${timepoint.days}`;
  }
}

export function parseTimepointCode(code: string): Timepoint | null {
  if (code === 'BASELINE') return { kind: 'BASELINE' };
  const after = /^AFTER_SESSION_(\d{1,2})$/.exec(code);
  if (after) return { kind: 'AFTER_SESSION', session: Number(after[1]) };
  const days = /^DAYS_AFTER_LAST_(\d{1,3})$/.exec(code);
  if (days) return { kind: 'DAYS_AFTER_LAST_SESSION', days: Number(days[1]) };
  return null;
}

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
