import { parseTimepointCode } from '@/lib/trials/timepoint-code';

// The timepoint names live with the codes (lib/trials/timepoint-code.ts), so CSV exports and the audit trail use the same words.
export { describeTimepointCode } from '@/lib/trials/timepoint-code';

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
