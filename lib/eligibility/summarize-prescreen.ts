import type { CriterionKind } from '@/lib/validations/eligibility';
import { isBlocking } from '@/lib/eligibility/overall-result';
import { OVERALL_RESULTS, type CriterionOutcome, type OverallResult } from '@/lib/eligibility/types';

export type PrescreenEvaluation = {
  candidateId: string;
  overall: OverallResult;
  criteria: ReadonlyArray<CriterionOutcome>;
};

export type BlockingCriterionCount = { criterionId: string; kind: CriterionKind; text: string; count: number };
export type MissingItemCount = { item: string; count: number };

export type PrescreenSummary = {
  total: number;
  counts: Record<OverallResult, number>;
  /** Criteria that made candidates INELIGIBLE, most frequent first; a candidate counts once per blocking criterion. */
  topBlockingCriteria: BlockingCriterionCount[];
  /** Among INCOMPLETE candidates: how many candidates lack each item, most frequent first. */
  topMissing: MissingItemCount[];
  /** Each INCOMPLETE candidate with the distinct data still needed, in criterion order. */
  incompleteCandidates: Array<{ candidateId: string; missing: string[] }>;
};

// Stable sort keeps first-seen order among ties, so the same input always gives the same report.
function byCountDesc<T extends { count: number }>(items: Iterable<T>): T[] {
  return [...items].sort((a, b) => b.count - a.count);
}

export type PrescreenSummarizer = {
  add: (evaluation: PrescreenEvaluation) => void;
  finish: () => PrescreenSummary;
};

/**
 * summarizePrescreen one evaluation at a time, so the pre-screen need not keep 10,000 × 36 criterion results
 * alive until the end (holding them made the garbage collector copy them to the old generation).
 */
export function createPrescreenSummarizer(): PrescreenSummarizer {
  const counts = Object.fromEntries(OVERALL_RESULTS.map((result) => [result, 0])) as Record<OverallResult, number>;
  const blocking = new Map<string, BlockingCriterionCount>();
  const missingCounts = new Map<string, MissingItemCount>();
  const incompleteCandidates: PrescreenSummary['incompleteCandidates'] = [];
  let total = 0;

  const add = (evaluation: PrescreenEvaluation) => {
    total += 1;
    counts[evaluation.overall] += 1;
    if (evaluation.overall === 'INELIGIBLE') {
      for (const result of evaluation.criteria) {
        if (!isBlocking(result)) continue;
        const entry = blocking.get(result.criterionId);
        if (entry === undefined)
          blocking.set(result.criterionId, {
            criterionId: result.criterionId,
            kind: result.kind,
            text: result.text,
            count: 1,
          });
        else entry.count += 1;
      }
      return;
    }
    if (evaluation.overall !== 'INCOMPLETE') return;
    const missing: string[] = [];
    for (const result of evaluation.criteria) {
      if (result.result !== 'UNKNOWN') continue;
      for (const item of result.missing) if (!missing.includes(item)) missing.push(item);
    }
    for (const item of missing) {
      const entry = missingCounts.get(item);
      if (entry === undefined) missingCounts.set(item, { item, count: 1 });
      else entry.count += 1;
    }
    incompleteCandidates.push({ candidateId: evaluation.candidateId, missing });
  };

  const finish = (): PrescreenSummary => ({
    total,
    counts,
    topBlockingCriteria: byCountDesc(blocking.values()),
    topMissing: byCountDesc(missingCounts.values()),
    incompleteCandidates,
  });
  return { add, finish };
}

export function summarizePrescreen(evaluations: ReadonlyArray<PrescreenEvaluation>): PrescreenSummary {
  const summarizer = createPrescreenSummarizer();
  for (const evaluation of evaluations) summarizer.add(evaluation);
  return summarizer.finish();
}
