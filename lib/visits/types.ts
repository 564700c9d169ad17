import type { SessionKind } from '@/lib/scheduling/session-policy';

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
  /** Null for a perioperative or inpatient session (sessionKind other than CHAIR). */
  chairId: string | null;
  chairName: string | null;
  /** Where the session takes place: CHAIR, PERIOPERATIVE or INPATIENT (lib/scheduling/session-policy.ts). */
  sessionKind: SessionKind;
  /** 'Infusion chair · 1 h 40 min' or 'Perioperative · 24 h · no chair'. */
  sessionDescription: string;
  status: 'SCHEDULED' | 'CHECKED_IN' | 'COMPLETED' | 'MISSED' | 'CANCELLED';
  statusReason: string | null;
  version: number;
};
