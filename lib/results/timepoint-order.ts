import { parseTimepointCode } from '@/lib/trials/timepoint-code';

/** Sort key so timepoints read in time order: baseline, after each session, then follow-ups; unknown codes last. */
export function timepointOrder(code: string): number {
  const timepoint = parseTimepointCode(code);
  if (!timepoint) return Number.MAX_SAFE_INTEGER;
  if (timepoint.kind === 'BASELINE') return 0;
  if (timepoint.kind === 'AFTER_SESSION') return 1_000 + timepoint.session;
  return 10_000 + timepoint.days;
}
