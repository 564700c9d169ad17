import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { toCriterionDto } from '@/lib/eligibility/check-mappers';
import type { EligibilityCheckResult, StoredCriterionResult } from '@/lib/eligibility/check-types';
import { evaluateCriteria } from '@/lib/eligibility/evaluate-criteria';
import { loadTrialCriteria } from '@/lib/eligibility/load-trial-criteria';
import { overallResult } from '@/lib/eligibility/overall-result';
import { AppError } from '@/lib/errors/app-error';
import type { Prisma } from '@/lib/generated/prisma/client';
import { loadCandidateData } from '@/lib/screening/load-candidate-data';

type Options = {
  candidateId: string;
  trialId: string;
  ctx: ActorContext;
  /** The day the check is for (YYYY-MM-DD): age and time windows are judged on it. Defaults to today on the clinic clock. */
  asOf?: string;
};

/**
 * Runs the eligibility engine for one candidate against the trial's current
 * protocol version and saves the check: the candidate data the engine saw (the
 * snapshot: its latest value per code on the day), every criterion's result with its explanation and rule, the overall
 * result, the protocol version, the day and who ran it — with an
 * `eligibility.check` audit event in the same transaction. Each run is a new row;
 * a saved check is never edited (only signed). The pipeline stage does not move:
 * a coordinator moves the candidate to AWAITING_REVIEW, and only a signature
 * decides eligibility.
 */
export async function runEligibilityCheck({
  candidateId,
  trialId,
  ctx,
  asOf: asOfOption,
}: Options): Promise<EligibilityCheckResult> {
  const asOf = asOfOption ?? (await getClinicClock()).today();
  return prisma.$transaction(async (tx) => {
    const { protocolVersion, criteria, screeningWindowDays } = await loadTrialCriteria({ tx, trialId });
    const [candidate] = await loadCandidateData({ tx, selection: { candidateIds: [candidateId] }, asOf });
    if (!candidate)
      throw new AppError('NOT_FOUND', 'This candidate does not exist.', {
        fields: { candidateId: ['Choose an existing candidate.'] },
      });

    const results = evaluateCriteria({ criteria, candidate: candidate.data, asOf, screeningWindowDays });
    const overall = overallResult(results);
    const stored: StoredCriterionResult[] = results.map((result, index) => ({
      ...result,
      missing: [...result.missing],
      rule: criteria[index].rule,
    }));

    const check = await tx.eligibilityCheck.create({
      data: {
        candidateId,
        trialId,
        protocolVersionId: protocolVersion.id,
        asOf: new Date(`${asOf}T00:00:00.000Z`),
        inputs: candidate.data as unknown as Prisma.InputJsonValue,
        results: stored as unknown as Prisma.InputJsonValue,
        overall,
        createdById: ctx.user.id,
      },
    });
    const counts = { MET: 0, NOT_MET: 0, UNKNOWN: 0, NEEDS_REVIEW: 0 };
    for (const result of results) counts[result.result] += 1;
    await ctx.audit(tx, {
      action: 'eligibility.check',
      entityType: 'EligibilityCheck',
      entityId: check.id,
      after: {
        candidateId,
        trialId,
        protocolVersionId: protocolVersion.id,
        protocolVersionNumber: protocolVersion.number,
        asOf,
        screeningWindowDays,
        overall,
        counts,
      },
    });
    return {
      id: check.id,
      candidateId,
      trialId,
      overall,
      asOf,
      criteria: results.map(toCriterionDto),
      protocolVersion,
      createdAt: check.createdAt.toISOString(),
    };
  });
}
