import 'server-only';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { extensionWindow } from '@/lib/scheduling/extension-window';
import { summarizeSession, type SessionSummary } from '@/lib/scheduling/session-policy';
import { resolveVisitMinutes } from '@/lib/scheduling/slot-rules';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import { dosingProtocolSchema } from '@/lib/validations/dosing';
import { toVisitDto } from './to-visit-dto';
import { ACTIVE_VISIT_STATUSES, type VisitDto } from './types';

export type ParticipantSchedule = {
  enrollmentId: string;
  status: string;
  participant: { candidateId: string; firstName: string; lastName: string; mrn: string };
  trial: { id: string; nctId: string | null; label: string };
  /** Sessions the arm's protocol plans; null when the arm has no confirmed protocol. */
  plannedSessions: number | null;
  /** Where the arm's sessions take place (chair, perioperative, inpatient); null without a confirmed protocol. */
  session: SessionSummary | null;
  timeZone: string;
  /** Every visit of the enrollment, every status, in session order. */
  visits: VisitDto[];
  /**
   * The protocol's optional extension session: WAITING until the blinded series is completed,
   * then OPEN inside its window (clinic days), BOOKED once held; null when the protocol has none.
   */
  extension: {
    sessionNumber: number;
    label: string;
    state: 'WAITING' | 'OPEN' | 'BOOKED';
    window: { firstDay: string; lastDay: string; describe: string } | null;
  } | null;
};

/** One participant's appointments (the printable schedule and the ICS source). */
export async function getParticipantSchedule(enrollmentId: string): Promise<ParticipantSchedule> {
  const enrollment = await prisma.enrollment.findUnique({
    where: { id: enrollmentId },
    include: {
      candidate: { select: { id: true, firstName: true, lastName: true, mrn: true } },
      trial: {
        select: {
          id: true,
          nctId: true,
          acronym: true,
          shortTitle: true,
          title: true,
          protocolVersions: { orderBy: { number: 'desc' }, take: 1, select: { id: true } },
        },
      },
      visits: {
        include: { chair: { select: { name: true } } },
        orderBy: [{ sessionNumber: 'asc' }, { scheduledAt: 'asc' }],
      },
    },
  });
  if (!enrollment) throw new AppError('NOT_FOUND', 'This enrollment does not exist.');
  const versionId = enrollment.trial.protocolVersions[0]?.id;
  const dosing = versionId
    ? await prisma.armDosing.findUnique({
        where: { protocolVersionId_armId: { protocolVersionId: versionId, armId: enrollment.armId } },
      })
    : null;
  const parsed = dosing?.protocol ? dosingProtocolSchema.safeParse(dosing.protocol) : null;
  const settings = await getClinicSettings();
  return {
    enrollmentId: enrollment.id,
    status: enrollment.status,
    participant: {
      candidateId: enrollment.candidate.id,
      firstName: enrollment.candidate.firstName,
      lastName: enrollment.candidate.lastName,
      mrn: enrollment.candidate.mrn,
    },
    trial: {
      id: enrollment.trial.id,
      nctId: enrollment.trial.nctId,
      label: enrollment.trial.acronym ?? enrollment.trial.shortTitle ?? enrollment.trial.title,
    },
    plannedSessions: parsed?.success ? parsed.data.sessionCount : null,
    session: parsed?.success
      ? summarizeSession({
          kind: parsed.data.sessionKind,
          minutes: resolveVisitMinutes({ protocol: parsed.data, settings }),
        })
      : null,
    timeZone: settings.timeZone,
    visits: enrollment.visits.map((visit) => toVisitDto(visit, settings.timeZone)),
    extension: parsed?.success ? extensionState(parsed.data, enrollment.visits, settings.timeZone) : null,
  };
}

function extensionState(
  protocol: {
    sessionCount: number;
    extension: { label: string; minDaysAfterLastSession: number; maxDaysAfterLastSession: number } | null;
  },
  visits: ReadonlyArray<{ sessionNumber: number; status: string; scheduledAt: Date }>,
  timeZone: string,
): ParticipantSchedule['extension'] {
  if (!protocol.extension) return null;
  const sessionNumber = protocol.sessionCount + 1;
  const base = { sessionNumber, label: protocol.extension.label };
  if (
    visits.some(
      (visit) =>
        visit.sessionNumber === sessionNumber && (ACTIVE_VISIT_STATUSES as readonly string[]).includes(visit.status),
    )
  )
    return { ...base, state: 'BOOKED', window: null };
  const last = visits.find((visit) => visit.sessionNumber === protocol.sessionCount && visit.status === 'COMPLETED');
  if (!last) return { ...base, state: 'WAITING', window: null };
  const window = extensionWindow(protocol, utcToZoned(last.scheduledAt, timeZone).date);
  return {
    ...base,
    state: 'OPEN',
    window: window ? { firstDay: window.firstDay, lastDay: window.lastDay, describe: window.describe } : null,
  };
}
