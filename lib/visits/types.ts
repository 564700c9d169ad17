/** Visits that hold a chair and the participant's time. MISSED and CANCELLED visits hold neither. */
export const ACTIVE_VISIT_STATUSES = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED'] as const;

/** A visit as the calendar and the API show it. Instants are ISO 8601 (UTC). */
export type VisitDto = {
  id: string;
  enrollmentId: string;
  sessionNumber: number;
  scheduledAt: string;
  endsAt: string;
  /** Clinic-local day and time of scheduledAt. */
  localDate: string;
  localTime: string;
  durationMin: number;
  originalScheduledAt: string | null;
  chairId: string | null;
  chairName: string | null;
  status: 'SCHEDULED' | 'CHECKED_IN' | 'COMPLETED' | 'MISSED' | 'CANCELLED';
  statusReason: string | null;
  version: number;
};
