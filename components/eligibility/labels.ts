import type { BadgeTone } from '@/components/ui/badge';
import { isBlocking } from '@/lib/eligibility/overall-result';
import type { CriterionResultValue, OverallResult } from '@/lib/eligibility/types';
import type { CriterionKind } from '@/lib/validations/eligibility';

// Words and colours for eligibility results, shared by the candidate section,
// the check detail page and the pre-screen report. The word carries the
// meaning; the colour only reinforces it.

export const OVERALL_ORDER: readonly OverallResult[] = [
  'ELIGIBLE',
  'PENDING_SIGNATURE',
  'PENDING_REVIEW',
  'INCOMPLETE',
  'INELIGIBLE',
];

export const OVERALL_LABELS: Record<OverallResult, string> = {
  INELIGIBLE: 'Ineligible',
  INCOMPLETE: 'Incomplete',
  PENDING_REVIEW: 'Pending review',
  PENDING_SIGNATURE: 'Pending signature',
  ELIGIBLE: 'Eligible',
};

export const OVERALL_TONES: Record<OverallResult, BadgeTone> = {
  INELIGIBLE: 'danger',
  INCOMPLETE: 'warning',
  PENDING_REVIEW: 'info',
  PENDING_SIGNATURE: 'brand',
  ELIGIBLE: 'success',
};

/** What each overall result means for the people working the case. */
export const OVERALL_MEANINGS: Record<OverallResult, string> = {
  INELIGIBLE:
    'At least one inclusion criterion is not met or one exclusion criterion applies. More data cannot change this.',
  INCOMPLETE:
    'Nothing rules the candidate out yet, but some criteria cannot be decided because data is missing or too old.',
  PENDING_REVIEW: 'Every structured criterion passes. A clinician must judge the clinician-judgment criteria and sign.',
  PENDING_SIGNATURE: 'Every criterion passes. A clinician must review the evidence and sign the decision.',
  ELIGIBLE: 'A clinician reviewed every criterion and signed that the candidate is eligible.',
};

export const CRITERION_RESULT_LABELS: Record<CriterionResultValue, string> = {
  MET: 'Met',
  NOT_MET: 'Not met',
  UNKNOWN: 'Unknown',
  NEEDS_REVIEW: 'Needs review',
};

export const KIND_LABELS: Record<CriterionKind, string> = { INCLUSION: 'Inclusion', EXCLUSION: 'Exclusion' };

/**
 * The colour of a criterion's result depends on its kind: a MET exclusion rules the
 * candidate out, a NOT_MET exclusion is good news.
 */
export function criterionTone(kind: CriterionKind, result: CriterionResultValue): BadgeTone {
  if (result === 'UNKNOWN') return 'warning';
  if (result === 'NEEDS_REVIEW') return 'info';
  const passes = kind === 'INCLUSION' ? result === 'MET' : result === 'NOT_MET';
  return passes ? 'success' : 'danger';
}

/** True when the result rules the candidate out. */
export function isFailing(kind: CriterionKind, result: CriterionResultValue): boolean {
  return isBlocking({ kind, result });
}

export function percent(part: number, whole: number): string {
  if (whole === 0) return '—';
  return `${Math.round((part / whole) * 1000) / 10}%`;
}
