import type { CriterionResultValue, OverallResult } from '@/lib/eligibility/types';
import type { CriterionKind } from '@/lib/validations/eligibility';
import type { ReviewDraftInput } from '@/lib/validations/screening';

// What the eligibility screens render: plain JSON-safe view models built on the
// server from the saved check, so client components never see Prisma rows.

export type JudgmentView = { result: 'MET' | 'NOT_MET'; note: string };
export type OverrideView = { result: CriterionResultValue; justification: string };

export type CheckCriterionView = {
  criterionId: string;
  /** 1-based position within its kind, as the protocol numbers them ("Inclusion 3"). */
  number: number;
  kind: CriterionKind;
  text: string;
  /** describeRule() of the structured rule; null = clinician judgment. */
  ruleText: string | null;
  /** The engine's result. */
  result: CriterionResultValue;
  /** The result the signed decision rests on (judgment, override or the engine's); the engine's until signed. */
  reviewed: CriterionResultValue;
  explanation: string;
  missing: string[];
  /** The signed review, when there is one. */
  judgment: JudgmentView | null;
  override: OverrideView | null;
};

export type SignatureView = {
  signerName: string;
  /** ISO instant from the server clock. */
  signedAt: string;
  meaning: string;
  decision: 'ELIGIBLE' | 'INELIGIBLE';
  /** The stored hash still matches the signed content. */
  isValid: boolean;
};

export type CheckView = {
  id: string;
  candidateId: string;
  trialId: string;
  trialLabel: string;
  protocolVersionNumber: number | null;
  /** 'YYYY-MM-DD': the day the check was evaluated. */
  asOf: string;
  /** ISO instant. */
  createdAt: string;
  createdByName: string | null;
  /** The signed decision once signed; before that, the engine's result. */
  overall: OverallResult;
  /** The engine's result when the check was run. */
  computedOverall: OverallResult;
  /** False when a newer check exists for the candidate and trial (only the newest can be signed). */
  isLatest: boolean;
  /** False when the protocol has been amended since (the check can no longer be signed). */
  isCurrentProtocolVersion: boolean;
  criteria: CheckCriterionView[];
  signature: SignatureView | null;
  /** The unsigned review as last saved; null once signed. */
  draft: { savedAt: string; savedByName: string; content: ReviewDraftInput } | null;
};

const RESULT_ORDER: readonly CriterionResultValue[] = ['MET', 'NOT_MET', 'UNKNOWN', 'NEEDS_REVIEW'];

/**
 * How many criteria stand at each result: once signed, the reviewed results the decision rests
 * on (a judged criterion no longer "needs review"); before that, the engine's.
 */
export function countByResult(
  criteria: ReadonlyArray<Pick<CheckCriterionView, 'result' | 'reviewed'>>,
  basis: 'computed' | 'reviewed',
): Array<{ result: CriterionResultValue; count: number }> {
  return RESULT_ORDER.map((result) => ({
    result,
    count: criteria.filter((criterion) => (basis === 'reviewed' ? criterion.reviewed : criterion.result) === result)
      .length,
  }));
}
