import type { BadgeTone } from '@/components/ui/badge';
import type { VisitStatus } from '@/lib/scheduling/types';

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  SCHEDULED: 'Scheduled',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  MISSED: 'Missed',
  CANCELLED: 'Cancelled',
};

export const VISIT_STATUS_TONES: Record<VisitStatus, BadgeTone> = {
  SCHEDULED: 'info',
  CHECKED_IN: 'brand',
  COMPLETED: 'success',
  MISSED: 'danger',
  CANCELLED: 'neutral',
};

/** "Session 2 of 4", or "Session 2" when the protocol's count is unknown; beyond the count it is the extension. */
export function sessionLabel(sessionNumber: number, sessionCount: number | null): string {
  if (sessionCount === null) return `Session ${sessionNumber}`;
  if (sessionNumber > sessionCount) return `Extension session (${sessionNumber})`;
  return `Session ${sessionNumber} of ${sessionCount}`;
}
