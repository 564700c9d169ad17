import 'server-only';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { buildIcs } from '@/lib/scheduling/build-ics';
import { visitEnd } from './load-scheduling-inputs';

/**
 * RFC 5545 calendar of an enrollment's non-cancelled appointments for the participant.
 * Nothing identifying: no name, trial or arm, only "Infusion session 2 — TrialDesk clinic".
 * A cancelled visit is left out, so an updated download drops it.
 */
export async function buildParticipantIcs(enrollmentId: string, now: Date = new Date()): Promise<string> {
  const enrollment = await prisma.enrollment.findUnique({ where: { id: enrollmentId }, select: { id: true } });
  if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
  const [visits, settings] = await Promise.all([
    prisma.visit.findMany({ where: { enrollmentId, status: { not: 'CANCELLED' } }, orderBy: { scheduledAt: 'asc' } }),
    getClinicSettings(),
  ]);
  return buildIcs({
    dtstamp: now,
    calendarName: 'Infusion appointments — TrialDesk clinic',
    appointments: visits.map((visit) => ({
      id: visit.id,
      start: visit.scheduledAt,
      end: visitEnd(visit),
      summary: `Infusion session ${visit.sessionNumber} — TrialDesk clinic`,
      description: `Please arrange an adult to drive you home. Times are in ${settings.timeZone}.`,
      sequence: visit.version - 1,
    })),
  });
}
