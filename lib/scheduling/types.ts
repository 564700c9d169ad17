import type { DosingProtocol } from '@/lib/validations/dosing';

/** The parts of an arm's dosing protocol that shape its visit schedule. */
export type SchedulingProtocol = Pick<
  DosingProtocol,
  'sessionCount' | 'sessionsPerWeek' | 'minHoursBetweenSessions' | 'maxDaysBetweenSessions' | 'infusionMinutes'
> &
  // Optional so a chair protocol can leave them out: absent means CHAIR (lib/scheduling/session-policy.ts).
  Partial<Pick<DosingProtocol, 'sessionKind' | 'sessionDurationMinutes'>> & {
    /** The optional extension session (number sessionCount + 1), booked inside its own window. */
    extension?: Pick<
      NonNullable<DosingProtocol['extension']>,
      'minDaysAfterLastSession' | 'maxDaysAfterLastSession' | 'label'
    > | null;
  };

/**
 * An existing chair booking [start, end). `visitId` lets the rules ignore the bookings of
 * the very visits being (re)planned, so a series never blocks itself.
 */
export type ChairBooking = { chairId: string; start: Date; end: Date; visitId?: string };

/** A time the participant is already taken [start, end). */
export type BusyInterval = { start: Date; end: Date; visitId?: string };

export type VisitStatus = 'SCHEDULED' | 'CHECKED_IN' | 'COMPLETED' | 'MISSED' | 'CANCELLED';

export type ConflictCode =
  | 'CHAIR_FULL'
  | 'CHAIR_REQUIRED'
  | 'CHAIR_NOT_USED'
  | 'CLINIC_CLOSED'
  | 'OUTSIDE_HOURS'
  | 'TOO_CLOSE'
  | 'TOO_FAR'
  | 'PARTICIPANT_BUSY'
  | 'WEEK_LIMIT'
  | 'EXTENSION_WINDOW'
  | 'ORDER'
  | 'IN_PAST';

export type Conflict = { sessionNumber: number; code: ConflictCode; message: string };

/**
 * A visit of a series as stored or edited. `isLocked` marks a visit that already happened
 * (checked in or completed): it anchors the interval and weekly rules but is never
 * reported or moved itself.
 */
export type SeriesVisit = {
  sessionNumber: number;
  scheduledAt: Date;
  /** Null for a no-chair (perioperative or inpatient) session. */
  chairId: string | null;
  visitId?: string;
  isLocked?: boolean;
};

export type ProposedVisit = {
  sessionNumber: number;
  scheduledAt: Date;
  localDate: string; // clinic-local 'YYYY-MM-DD'
  localTime: string; // clinic-local 'HH:mm'
  /** Null for a no-chair (perioperative or inpatient) session. */
  chairId: string | null;
};
