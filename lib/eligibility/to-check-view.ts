import 'server-only';
import { prisma } from '@/lib/db';
import type { EligibilityCheckDetail, StoredCriterionResult } from '@/lib/eligibility/check-types';
import { describeRule } from '@/lib/eligibility/describe-rule';
import type { CheckCriterionView, CheckView } from './check-view';

/**
 * The check page's view of a saved check: getCheck's detail plus each criterion's
 * rule as it was applied (stored with the check's results, so it stays right after
 * the protocol or a rule changes), numbered within its kind as the protocol does.
 */
export async function toCheckView(detail: EligibilityCheckDetail): Promise<CheckView> {
  // getCheck has already logged the view; this reads the rules saved with the same check.
  const row = await prisma.eligibilityCheck.findUnique({ where: { id: detail.id }, select: { results: true } });
  const stored = (row?.results ?? []) as unknown as StoredCriterionResult[];
  const ruleById = new Map(stored.map((result) => [result.criterionId, result.rule ?? null]));

  const counters = { INCLUSION: 0, EXCLUSION: 0 };
  const criteria = detail.criteria.map((criterion): CheckCriterionView => {
    const kind = criterion.kind === 'inclusion' ? 'INCLUSION' : 'EXCLUSION';
    counters[kind] += 1;
    const rule = ruleById.get(criterion.criterionId) ?? null;
    return {
      criterionId: criterion.criterionId,
      number: counters[kind],
      kind,
      text: criterion.text,
      ruleText: rule ? describeRule(rule) : null,
      result: criterion.computedResult,
      reviewed: criterion.result,
      explanation: criterion.explanation,
      missing: criterion.missing,
      judgment:
        criterion.basis === 'judgment' && (criterion.result === 'MET' || criterion.result === 'NOT_MET')
          ? { result: criterion.result, note: criterion.note ?? '' }
          : null,
      override:
        criterion.basis === 'override' ? { result: criterion.result, justification: criterion.note ?? '' } : null,
    };
  });

  return {
    id: detail.id,
    candidateId: detail.candidate.id,
    trialId: detail.trial.id,
    trialLabel: detail.trial.label,
    protocolVersionNumber: detail.protocolVersion.number,
    asOf: detail.asOf,
    createdAt: detail.createdAt,
    createdByName: detail.createdBy.name,
    overall: detail.overall,
    computedOverall: detail.computedOverall,
    isLatest: detail.isLatest,
    isCurrentProtocolVersion: detail.isCurrentProtocolVersion,
    criteria,
    signature: detail.signature
      ? {
          signerName: detail.signature.signerName,
          signedAt: detail.signature.signedAt,
          meaning: detail.signature.meaning,
          decision: detail.decision ?? (detail.overall === 'ELIGIBLE' ? 'ELIGIBLE' : 'INELIGIBLE'),
          isValid: detail.signature.isValid,
        }
      : null,
    draft: detail.draft
      ? { savedAt: detail.draft.savedAt, savedByName: detail.draft.savedBy.name, content: detail.draft.content }
      : null,
  };
}
