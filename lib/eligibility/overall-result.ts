import type { CriterionResult, OverallResult } from '@/lib/eligibility/types';

/**
 * Precedence: a failed criterion decides the outcome even when other data is missing, because more data
 * cannot rescue the candidate. ELIGIBLE is never returned: only a clinician's signature produces it.
 */
export function overallResult(
  results: ReadonlyArray<Pick<CriterionResult, 'kind' | 'result'>>,
): Exclude<OverallResult, 'ELIGIBLE'> {
  let hasUnknown = false;
  let hasReview = false;
  for (const { kind, result } of results) {
    if (kind === 'INCLUSION' && result === 'NOT_MET') return 'INELIGIBLE';
    if (kind === 'EXCLUSION' && result === 'MET') return 'INELIGIBLE';
    if (result === 'UNKNOWN') hasUnknown = true;
    else if (result === 'NEEDS_REVIEW') hasReview = true;
  }
  if (hasUnknown) return 'INCOMPLETE';
  if (hasReview) return 'PENDING_REVIEW';
  return 'PENDING_SIGNATURE';
}

/** True when this criterion alone makes the candidate ineligible. */
export function isBlocking(result: Pick<CriterionResult, 'kind' | 'result'>): boolean {
  return (
    (result.kind === 'INCLUSION' && result.result === 'NOT_MET') ||
    (result.kind === 'EXCLUSION' && result.result === 'MET')
  );
}
