import type {
  CriterionResult,
  CriterionResultValue,
  EligibilityCandidate,
  OverallResult,
} from '@/lib/eligibility/types';
import type { RuleNode } from '@/lib/validations/eligibility';
import type { ReviewDraftInput } from '@/lib/validations/screening';

// What a saved eligibility check holds (EligibilityCheck.inputs / results / review)
// and how the API and the UI see it.

/** One stored per-criterion result: the engine's result plus the rule it applied, so a check stays readable after the protocol changes. */
export type StoredCriterionResult = CriterionResult & { rule: RuleNode | null };

export type ReviewBasis = 'computed' | 'judgment' | 'override';

/** A criterion's final result after the clinician's review. */
export type ReviewedCriterion = {
  criterionId: string;
  kind: CriterionResult['kind'];
  text: string;
  /** The engine's result. */
  computed: CriterionResultValue;
  /** The result the decision rests on. */
  result: CriterionResultValue;
  basis: ReviewBasis;
  /** The judgment's note or the override's justification; null when computed. */
  note: string | null;
};

/** EligibilityCheck.review: written once, with the signature. */
export type CheckReview = {
  /** The engine's overall result when the check was run. */
  computedOverall: Exclude<OverallResult, 'ELIGIBLE'>;
  /** Overall result of the reviewed criteria (the engine's precedence applied to `criteria`). */
  reviewedOverall: Exclude<OverallResult, 'ELIGIBLE'>;
  criteria: ReviewedCriterion[];
};

export type CriterionKindValue = 'inclusion' | 'exclusion';

export type CheckCriterionDto = {
  criterionId: string;
  kind: CriterionKindValue;
  text: string;
  result: CriterionResultValue;
  explanation: string;
  /** What would decide an UNKNOWN criterion; empty otherwise. */
  missing: string[];
};

/** POST /api/v1/eligibility/checks answer. */
export type EligibilityCheckResult = {
  id: string;
  candidateId: string;
  trialId: string;
  /** The engine's overall result (never ELIGIBLE: only a signature makes that). */
  overall: OverallResult;
  asOf: string;
  criteria: CheckCriterionDto[];
  protocolVersion: { id: string; number: number };
  createdAt: string;
};

export type CheckSignatureDto = {
  signedBy: { id: string; name: string } | null;
  signerName: string;
  /** ISO instant, server time. */
  signedAt: string;
  meaning: string;
  /** False when the stored content no longer matches the hash it was signed with. */
  isValid: boolean;
};

export type ReviewedCriterionDto = CheckCriterionDto & {
  /** The engine's result; `result` is the reviewed one once signed. */
  computedResult: CriterionResultValue;
  basis: ReviewBasis;
  note: string | null;
};

/** A clinician's unsigned review as last saved (EligibilityReviewDraft): never part of a signature. */
export type ReviewDraftDto = {
  checkId: string;
  /** ISO instant, server time. */
  savedAt: string;
  savedBy: { id: string; name: string };
  content: ReviewDraftInput;
};

/** GET /api/v1/eligibility/checks/{id}: everything a reviewer needs. */
export type EligibilityCheckDetail = {
  id: string;
  candidate: { id: string; name: string };
  trial: { id: string; label: string };
  protocolVersion: { id: string; number: number };
  /** True while the check was run against the trial's current protocol version. */
  isCurrentProtocolVersion: boolean;
  /** True when no newer check exists for this candidate and trial. */
  isLatest: boolean;
  asOf: string;
  /** The decision once signed (ELIGIBLE / INELIGIBLE); before that, the engine's result. */
  overall: OverallResult;
  computedOverall: OverallResult;
  decision: 'ELIGIBLE' | 'INELIGIBLE' | null;
  criteria: ReviewedCriterionDto[];
  /** The candidate data the engine saw. */
  inputs: EligibilityCandidate;
  review: CheckReview | null;
  createdBy: { id: string; name: string };
  createdAt: string;
  signature: CheckSignatureDto | null;
  /** The review draft while the check is unsigned; null once signed (the signed review is `review`). */
  draft: ReviewDraftDto | null;
};

/** One row of a candidate's check history. */
export type EligibilityCheckListItem = {
  id: string;
  trial: { id: string; label: string };
  protocolVersionNumber: number;
  asOf: string;
  overall: OverallResult;
  decision: 'ELIGIBLE' | 'INELIGIBLE' | null;
  isSigned: boolean;
  signerName: string | null;
  signedAt: string | null;
  createdBy: { id: string; name: string };
  createdAt: string;
};
