import 'server-only';
import { trialLabel } from '@/lib/candidates/mappers';
import { prisma } from '@/lib/db';
import type { PipelineStageValue } from '@/lib/validations/candidates';
/** A trial the candidate can be checked against, as the UI lists it. */
export type TrialChoice = { trialId: string; label: string };

export type CandidateTrial = TrialChoice & { stage: PipelineStageValue };

/** How a trial is named on the eligibility screens: registry id first, then what staff call it. */
export function eligibilityTrialLabel(trial: {
  nctId: string | null;
  acronym: string | null;
  shortTitle: string | null;
  title: string;
}): string {
  const name = trialLabel(trial);
  return trial.nctId ? `${trial.nctId} · ${name}` : name;
}

/**
 * The trials the candidate's pipelines are in, in the order they were added: the
 * trials an eligibility check can be run against. Read-only; the candidate page
 * has already logged the view of this record.
 */
export async function loadCandidateTrials(candidateId: string): Promise<CandidateTrial[]> {
  const rows = await prisma.pipelineEntry.findMany({
    where: { candidateId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { stage: true, trial: { select: { id: true, nctId: true, acronym: true, shortTitle: true, title: true } } },
  });
  return rows.map((row) => ({ trialId: row.trial.id, label: eligibilityTrialLabel(row.trial), stage: row.stage }));
}
