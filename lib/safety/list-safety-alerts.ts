import 'server-only';
import { prisma } from '@/lib/db';
import { trialLabel } from '@/lib/candidates/mappers';
import { INSTRUMENT_LABELS, isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { SAFETY_ALERT_KIND_LABELS, type SafetyAlertKind } from './policy';

export type SafetyAlertDto = {
  id: string;
  kind: SafetyAlertKind;
  kindLabel: string;
  status: 'OPEN' | 'ACKNOWLEDGED';
  summary: string;
  enrollmentId: string;
  candidateId: string;
  participantName: string;
  trialId: string;
  trialLabel: string;
  /** The questionnaire (instrument and timepoint) or the adverse event it came from. */
  source:
    | { assessmentId: string; instrument: string; timepoint: string }
    | { adverseEventId: string; visitId: string | null }
    | null;
  createdAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  action: string | null;
};

/** Safety alerts, open ones oldest first (they wait longest), acknowledged ones newest first. */
export async function listSafetyAlerts(
  options: { status?: 'open' | 'acknowledged'; enrollmentId?: string; take?: number } = {},
): Promise<SafetyAlertDto[]> {
  const status = options.status === 'acknowledged' ? 'ACKNOWLEDGED' : 'OPEN';
  const rows = await prisma.safetyAlert.findMany({
    where: { status, ...(options.enrollmentId ? { enrollmentId: options.enrollmentId } : {}) },
    orderBy: { createdAt: status === 'OPEN' ? 'asc' : 'desc' },
    take: options.take ?? 200,
    include: {
      acknowledgedBy: { select: { name: true } },
      assessment: { select: { id: true, instrument: true, timepoint: true } },
      adverseEvent: { select: { id: true, visitId: true } },
      enrollment: {
        select: {
          candidate: { select: { id: true, firstName: true, lastName: true } },
          trial: { select: { id: true, acronym: true, shortTitle: true, title: true, nctId: true } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    kindLabel: SAFETY_ALERT_KIND_LABELS[row.kind],
    status: row.status,
    summary: row.summary,
    enrollmentId: row.enrollmentId,
    candidateId: row.enrollment.candidate.id,
    participantName: `${row.enrollment.candidate.lastName}, ${row.enrollment.candidate.firstName}`,
    trialId: row.enrollment.trial.id,
    trialLabel: trialLabel(row.enrollment.trial),
    source: row.assessment
      ? {
          assessmentId: row.assessment.id,
          instrument: isInstrumentCode(row.assessment.instrument)
            ? INSTRUMENT_LABELS[row.assessment.instrument]
            : row.assessment.instrument,
          timepoint: row.assessment.timepoint,
        }
      : row.adverseEvent
        ? { adverseEventId: row.adverseEvent.id, visitId: row.adverseEvent.visitId }
        : null,
    createdAt: row.createdAt.toISOString(),
    acknowledgedBy: row.acknowledgedBy?.name ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    action: row.action,
  }));
}
