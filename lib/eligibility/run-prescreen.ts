import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getClinicClock } from '@/lib/clinic/clock';
import { prisma } from '@/lib/db';
import { evaluateCriteriaOutcomes } from '@/lib/eligibility/evaluate-criteria';
import { loadTrialCriteria } from '@/lib/eligibility/load-trial-criteria';
import { measurementCodesFor } from '@/lib/eligibility/measurement-codes';
import { isBlocking, overallResult } from '@/lib/eligibility/overall-result';
import { createPrescreenSummarizer, type PrescreenSummary } from '@/lib/eligibility/summarize-prescreen';
import type { OverallResult } from '@/lib/eligibility/types';
import type { PipelineStage } from '@/lib/generated/prisma/enums';
import { loadCandidatesInBatches } from '@/lib/screening/load-candidate-data';
import { toEligibilityCandidate } from '@/lib/screening/parse-candidate-row';

export type PrescreenRow = {
  candidateId: string;
  name: string;
  overall: OverallResult;
  /** Texts of the criteria that rule the candidate out. */
  blocking: string[];
  /** Data still needed (INCOMPLETE candidates). */
  missing: string[];
};

export type PrescreenResult = PrescreenSummary & {
  trial: { id: string; label: string };
  protocolVersion: { id: string; number: number };
  asOf: string;
  /** Grouped by overall result (closest to eligible first), then by name. */
  candidates: PrescreenRow[];
  /** Listed ids that were not evaluated: unknown, voided, or enrolled in this trial. */
  skippedIds: string[];
};

type Options = {
  trialId: string;
  /** Only these candidates; default: every candidate not enrolled in the trial. */
  candidateIds?: readonly string[];
  /** Only candidates whose pipeline in this trial is at `stage`. */
  filter?: { stage?: PipelineStage };
  ctx: ActorContext;
  asOf?: string;
};

const GROUP_ORDER: Record<OverallResult, number> = {
  ELIGIBLE: 0,
  PENDING_SIGNATURE: 1,
  PENDING_REVIEW: 2,
  INCOMPLETE: 3,
  INELIGIBLE: 4,
};

/**
 * Batch pre-screen of a trial: every candidate not enrolled in it (not voided),
 * or the listed ones, evaluated in memory by the pure engine against the current
 * protocol version. The data comes from the same loader as a single check, in
 * batches of 1,000 candidates (one statement each), never a query per candidate.
 *
 * It is advisory: nothing is saved per candidate (a saved, signable check is
 * made one candidate at a time by runEligibilityCheck). One `eligibility.prescreen`
 * audit event records who ran it, on which version and the counts.
 */
export async function runPrescreen({
  trialId,
  candidateIds,
  filter,
  ctx,
  asOf: asOfOption,
}: Options): Promise<PrescreenResult> {
  const asOf = asOfOption ?? (await getClinicClock()).today();
  const { trial, protocolVersion, criteria, screeningWindowDays } = await loadTrialCriteria({ tx: prisma, trialId });
  const batches = loadCandidatesInBatches({
    db: prisma,
    selection: {
      candidateIds,
      notEnrolledInTrialId: trialId,
      atStage: filter?.stage ? { trialId, stage: filter.stage } : undefined,
    },
    asOf,
    // Values no criterion reads cannot change a result; leaving them in the database saves parsing them.
    codes: measurementCodesFor(criteria),
  });

  const summarizer = createPrescreenSummarizer();
  const rows: PrescreenRow[] = [];
  const evaluated = new Set<string>();
  // Each batch is evaluated while the database reads the next one.
  for await (const candidates of batches) {
    for (const candidate of candidates) {
      const data = toEligibilityCandidate(candidate);
      const results = evaluateCriteriaOutcomes({ criteria, candidate: data, asOf, screeningWindowDays });
      const overall = overallResult(results);
      summarizer.add({ candidateId: candidate.id, overall, criteria: results });
      evaluated.add(candidate.id);
      const blocking: string[] = [];
      const missing: string[] = [];
      for (const result of results) {
        if (isBlocking(result)) blocking.push(result.text);
        else if (result.result === 'UNKNOWN')
          for (const item of result.missing) if (!missing.includes(item)) missing.push(item);
      }
      rows.push({
        candidateId: candidate.id,
        name: `${candidate.firstName} ${candidate.lastName}`,
        overall,
        blocking,
        missing: overall === 'INCOMPLETE' ? missing : [],
      });
    }
  }
  const summary = summarizer.finish();
  // Candidates arrive ordered by name; a stable sort keeps that order inside each group.
  rows.sort((a, b) => GROUP_ORDER[a.overall] - GROUP_ORDER[b.overall]);

  const skippedIds = candidateIds ? [...new Set(candidateIds)].filter((id) => !evaluated.has(id)) : [];

  await prisma.$transaction(async (tx) => {
    await ctx.audit(tx, {
      action: 'eligibility.prescreen',
      entityType: 'Trial',
      entityId: trialId,
      after: {
        protocolVersionId: protocolVersion.id,
        protocolVersionNumber: protocolVersion.number,
        asOf,
        screeningWindowDays,
        scope: candidateIds ? 'listed' : 'not_enrolled',
        stage: filter?.stage ?? null,
        listed: candidateIds?.length ?? null,
        skipped: skippedIds.length,
        total: summary.total,
        counts: summary.counts,
      },
    });
  });

  return { ...summary, trial, protocolVersion, asOf, candidates: rows, skippedIds };
}
