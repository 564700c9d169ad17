import type { VisitStatus } from '@/lib/scheduling/types';

export type AdherenceVisit = {
  sessionNumber: number;
  status: VisitStatus;
  scheduledAt: Date;
  /** The first booked time; null when the visit was never moved. */
  originalScheduledAt: Date | null;
  completedAt: Date | null;
  /** Protocol deviations recorded against this visit. */
  deviations: number;
};

export type AdherenceParticipant = {
  participantId: string;
  plannedSessions: number;
  visits: readonly AdherenceVisit[];
  /** Deviations not tied to a visit (e.g. a missed session recorded as a deviation only). */
  otherDeviations?: number;
};

export type ParticipantAdherence = {
  participantId: string;
  planned: number;
  completed: number;
  /** completed / planned, 0–1; null when nothing is planned. */
  completionRate: number | null;
  late: number;
  lateSessionNumbers: number[];
  missed: number;
  missedSessionNumbers: number[];
  cancelled: number;
  /** Visits still to come (scheduled or checked in). */
  upcoming: number;
  deviations: number;
};

export type TrialAdherence = {
  participants: number;
  fullyCompleted: number;
  planned: number;
  completed: number;
  completionRate: number | null;
  late: number;
  missed: number;
  cancelled: number;
  deviations: number;
};

export type AdherenceReport = { participants: ParticipantAdherence[]; trial: TrialAdherence };

const HOUR_MS = 3_600_000;

function isLate(visit: AdherenceVisit, lateAfterHours: number): boolean {
  if (visit.status !== 'COMPLETED' || visit.completedAt === null) return false;
  // Lateness is measured against the first booking, so a visit moved a week later still counts as late.
  const planned = visit.originalScheduledAt ?? visit.scheduledAt;
  return visit.completedAt.getTime() - planned.getTime() > lateAfterHours * HOUR_MS;
}

function summarizeParticipant(participant: AdherenceParticipant, lateAfterHours: number): ParticipantAdherence {
  const { participantId, plannedSessions, visits } = participant;
  if (!Number.isInteger(plannedSessions) || plannedSessions < 0)
    throw new RangeError(`Planned sessions for ${participantId} must be a whole number ≥ 0`);
  // A rebooked session can have several records (missed, then completed); it is completed once.
  const completedSessions = new Set(
    visits.filter((visit) => visit.status === 'COMPLETED').map((visit) => visit.sessionNumber),
  );
  const completed = Math.min(completedSessions.size, plannedSessions);
  const lateVisits = visits.filter((visit) => isLate(visit, lateAfterHours));
  const missedVisits = visits.filter((visit) => visit.status === 'MISSED');
  const visitDeviations = visits.reduce((sum, visit) => sum + visit.deviations, 0);
  const sortedNumbers = (list: readonly AdherenceVisit[]) =>
    [...new Set(list.map((visit) => visit.sessionNumber))].sort((a, b) => a - b);
  return {
    participantId,
    planned: plannedSessions,
    completed,
    completionRate: plannedSessions === 0 ? null : completed / plannedSessions,
    late: lateVisits.length,
    lateSessionNumbers: sortedNumbers(lateVisits),
    missed: missedVisits.length,
    missedSessionNumbers: sortedNumbers(missedVisits),
    cancelled: visits.filter((visit) => visit.status === 'CANCELLED').length,
    upcoming: visits.filter((visit) => visit.status === 'SCHEDULED' || visit.status === 'CHECKED_IN').length,
    deviations: visitDeviations + (participant.otherDeviations ?? 0),
  };
}

/**
 * Session adherence per participant and for the trial. Missed counts missed visit records
 * (a session missed twice counts twice); completed counts distinct completed sessions.
 */
export function computeAdherence(input: {
  participants: readonly AdherenceParticipant[];
  lateAfterHours: number;
}): AdherenceReport {
  const { participants, lateAfterHours } = input;
  if (!Number.isFinite(lateAfterHours) || lateAfterHours < 0)
    throw new RangeError('lateAfterHours must be a number ≥ 0');
  const rows = participants.map((participant) => summarizeParticipant(participant, lateAfterHours));
  const sum = (pick: (row: ParticipantAdherence) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const planned = sum((row) => row.planned);
  const completed = sum((row) => row.completed);
  return {
    participants: rows,
    trial: {
      participants: rows.length,
      fullyCompleted: rows.filter((row) => row.planned > 0 && row.completed === row.planned).length,
      planned,
      completed,
      completionRate: planned === 0 ? null : completed / planned,
      late: sum((row) => row.late),
      missed: sum((row) => row.missed),
      cancelled: sum((row) => row.cancelled),
      deviations: sum((row) => row.deviations),
    },
  };
}
