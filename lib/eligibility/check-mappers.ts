import type {
  CheckCriterionDto,
  CheckReview,
  EligibilityCheckDetail,
  ReviewDraftDto,
  ReviewedCriterionDto,
  StoredCriterionResult,
} from '@/lib/eligibility/check-types';
import { verifyCheckSignature, type SignableCheck } from '@/lib/eligibility/check-signature';
import type { CriterionResult, EligibilityCandidate, OverallResult } from '@/lib/eligibility/types';
import type { ReviewDraftInput } from '@/lib/validations/screening';

// Saved checks → what the API and the pages show.

export function toCriterionDto(result: CriterionResult): CheckCriterionDto {
  return {
    criterionId: result.criterionId,
    kind: result.kind === 'INCLUSION' ? 'inclusion' : 'exclusion',
    text: result.text,
    result: result.result,
    explanation: result.explanation,
    missing: [...result.missing],
  };
}

export type CheckRowForDetail = SignableCheck & {
  overall: OverallResult;
  createdAt: Date;
  candidate: { id: string; firstName: string; lastName: string };
  trial: { id: string; label: string };
  protocolVersion: { id: string; number: number };
  createdBy: { id: string; name: string };
  signedBy: { id: string; name: string } | null;
  isCurrentProtocolVersion: boolean;
  isLatest: boolean;
  reviewDraft?: DraftRow | null;
};

export type DraftRow = {
  checkId: string;
  content: unknown;
  savedAt: Date;
  savedBy: { id: string; name: string };
};

export function toReviewDraftDto(row: DraftRow): ReviewDraftDto {
  return {
    checkId: row.checkId,
    savedAt: row.savedAt.toISOString(),
    savedBy: row.savedBy,
    content: row.content as ReviewDraftInput,
  };
}

export function toCheckDetail(row: CheckRowForDetail): EligibilityCheckDetail {
  const results = row.results as StoredCriterionResult[];
  const review = (row.review ?? null) as CheckReview | null;
  const reviewed = new Map((review?.criteria ?? []).map((criterion) => [criterion.criterionId, criterion]));
  const criteria = results.map((result): ReviewedCriterionDto => {
    const final = reviewed.get(result.criterionId);
    return {
      ...toCriterionDto(result),
      result: final?.result ?? result.result,
      computedResult: result.result,
      basis: final?.basis ?? 'computed',
      note: final?.note ?? null,
    };
  });
  const decision = row.decision as 'ELIGIBLE' | 'INELIGIBLE' | null;
  return {
    id: row.id,
    candidate: { id: row.candidate.id, name: `${row.candidate.firstName} ${row.candidate.lastName}` },
    trial: row.trial,
    protocolVersion: row.protocolVersion,
    isCurrentProtocolVersion: row.isCurrentProtocolVersion,
    isLatest: row.isLatest,
    asOf: row.asOf.toISOString().slice(0, 10),
    overall: row.overall,
    computedOverall: review?.computedOverall ?? row.overall,
    decision,
    criteria,
    inputs: row.inputs as EligibilityCandidate,
    review,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    signature:
      row.signedAt === null
        ? null
        : {
            signedBy: row.signedBy,
            signerName: row.signerName ?? '',
            signedAt: row.signedAt.toISOString(),
            meaning: row.meaning ?? '',
            isValid: verifyCheckSignature(row),
          },
    // A draft is shown only while it can still become a review; the signature covers the signed review alone.
    draft: row.signedAt === null && row.reviewDraft ? toReviewDraftDto(row.reviewDraft) : null,
  };
}
