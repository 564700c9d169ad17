import 'server-only';
import { getArmProtocol } from '@/lib/infusions/get-arm-protocol';
import { listVisits, type VisitCalendar } from '@/lib/visits/list-visits';
import type { CalendarVisit } from './types';

/** Sessions planned per enrollment ("session 2 of 4"); null when the arm has no confirmed protocol. */
async function sessionCounts(enrollmentIds: string[]): Promise<Map<string, number | null>> {
  const entries = await Promise.all(
    enrollmentIds.map(async (enrollmentId) => {
      try {
        return [enrollmentId, (await getArmProtocol({ enrollmentId })).protocol.sessionCount] as const;
      } catch {
        return [enrollmentId, null] as const;
      }
    }),
  );
  return new Map(entries);
}

/** The calendar of [from, to] (clinic-local days), with the visits in the views' shape. */
export async function loadCalendar(
  from: string,
  to: string,
): Promise<{ calendar: VisitCalendar; visits: CalendarVisit[] }> {
  const calendar = await listVisits({ from, to });
  const counts = await sessionCounts([...new Set(calendar.visits.map((visit) => visit.enrollmentId))]);
  const visits = calendar.visits.map((visit) => ({
    id: visit.id,
    sessionNumber: visit.sessionNumber,
    sessionCount: counts.get(visit.enrollmentId) ?? null,
    scheduledAt: visit.scheduledAt,
    endsAt: visit.endsAt,
    chairId: visit.chairId,
    sessionKind: visit.sessionKind,
    sessionDescription: visit.sessionDescription,
    status: visit.status,
    candidateId: visit.participant.candidateId,
    participantName: `${visit.participant.lastName}, ${visit.participant.firstName}`,
    trialLabel: visit.trial.nctId ? `${visit.trial.nctId} · ${visit.trial.label}` : visit.trial.label,
  }));
  return { calendar, visits };
}
