import 'server-only';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { dosingProtocolSchema } from '@/lib/validations/dosing';
import { toVisitDto } from './to-visit-dto';
import type { VisitDto } from './types';

export type ParticipantSchedule = {
  enrollmentId: string;
  status: string;
  participant: { candidateId: string; firstName: string; lastName: string; mrn: string };
  trial: { id: string; nctId: string | null; label: string };
  /** Sessions the arm's protocol plans; null when the arm has no confirmed protocol. */
  plannedSessions: number | null;
  timeZone: string;
  /** Every visit of the enrollment, every status, in session order. */
  visits: VisitDto[];
};

/** One participant's appointments (the printable schedule and the ICS source). */
export async function getParticipantSchedule(enrollmentId: string): Promise<ParticipantSchedule> {
  const enrollment = await prisma.enrollment.findUnique({
    where: { id: enrollmentId },
    include: {
      candidate: { select: { id: true, firstName: true, lastName: true, mrn: true } },
      trial: { select: { id: true, nctId: true, acronym: true, shortTitle: true, title: true, protocolVersions: { orderBy: { number: 'desc' }, take: 1, select: { id: true } } } },
      visits: { include: { chair: { select: { name: true } } }, orderBy: [{ sessionNumber: 'asc' }, { scheduledAt: 'asc' }] },
    },
  });
  if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
  const versionId = enrollment.trial.protocolVersions[0]?.id;
  const dosing = versionId ? await prisma.armDosing.findUnique({ where: { protocolVersionId_armId: { protocolVersionId: versionId, armId: enrollment.armId } } }) : null;
  const parsed = dosing?.protocol ? dosingProtocolSchema.safeParse(dosing.protocol) : null;
  const settings = await getClinicSettings();
  return {
    enrollmentId: enrollment.id,
    status: enrollment.status,
    participant: { candidateId: enrollment.candidate.id, firstName: enrollment.candidate.firstName, lastName: enrollment.candidate.lastName, mrn: enrollment.candidate.mrn },
    trial: { id: enrollment.trial.id, nctId: enrollment.trial.nctId, label: enrollment.trial.acronym ?? enrollment.trial.shortTitle ?? enrollment.trial.title },
    plannedSessions: parsed?.success ? parsed.data.sessionCount : null,
    timeZone: settings.timeZone,
    visits: enrollment.visits.map((visit) => toVisitDto(visit, settings.timeZone)),
  };
}
