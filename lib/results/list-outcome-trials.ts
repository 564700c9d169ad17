import 'server-only';
import { trialLabel } from '@/lib/candidates/mappers';
import { prisma } from '@/lib/db';
import { isMaskedTrial } from './masking';

export type OutcomeTrialListItem = {
  id: string;
  label: string;
  title: string;
  nctId: string | null;
  isMasked: boolean;
  enrolled: number;
  targetEnrollment: number | null;
  assessments: number;
};

/** Trials for the outcomes picker: every trial with participants or an assessment plan, most enrolled first. */
export async function listOutcomeTrials(): Promise<OutcomeTrialListItem[]> {
  const trials = await prisma.trial.findMany({
    where: { OR: [{ enrollments: { some: {} } }, { protocolVersions: { some: { assessmentPlan: { some: {} } } } }] },
    select: {
      id: true,
      title: true,
      acronym: true,
      shortTitle: true,
      nctId: true,
      masking: true,
      targetEnrollment: true,
      _count: { select: { enrollments: true } },
    },
  });
  const counts = await prisma.assessment.groupBy({
    by: ['enrollmentId'],
    where: { supersededAt: null, enrollment: { trialId: { in: trials.map((trial) => trial.id) } } },
    _count: { _all: true },
  });
  const enrollments = await prisma.enrollment.findMany({
    where: { id: { in: counts.map((row) => row.enrollmentId) } },
    select: { id: true, trialId: true },
  });
  const trialOf = new Map(enrollments.map((row) => [row.id, row.trialId]));
  const assessmentsByTrial = new Map<string, number>();
  for (const row of counts) {
    const trialId = trialOf.get(row.enrollmentId);
    if (trialId) assessmentsByTrial.set(trialId, (assessmentsByTrial.get(trialId) ?? 0) + row._count._all);
  }
  return trials
    .map((trial) => ({
      id: trial.id,
      label: trialLabel(trial),
      title: trial.title,
      nctId: trial.nctId,
      isMasked: isMaskedTrial(trial.masking),
      enrolled: trial._count.enrollments,
      targetEnrollment: trial.targetEnrollment,
      assessments: assessmentsByTrial.get(trial.id) ?? 0,
    }))
    .sort((a, b) => b.enrolled - a.enrolled || a.label.localeCompare(b.label));
}
