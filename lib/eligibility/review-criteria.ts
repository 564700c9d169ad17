import type { CheckReview, ReviewedCriterion } from '@/lib/eligibility/check-types';
import { isBlocking, overallResult } from '@/lib/eligibility/overall-result';
import type { CriterionResult, OverallResult } from '@/lib/eligibility/types';
import type { FieldErrors } from '@/lib/errors/app-error';

export type ReviewInput = {
  results: ReadonlyArray<Pick<CriterionResult, 'criterionId' | 'kind' | 'text' | 'result'>>;
  computedOverall: Exclude<OverallResult, 'ELIGIBLE'>;
  decision: 'ELIGIBLE' | 'INELIGIBLE';
  judgments: ReadonlyArray<{ criterionId: string; result: 'MET' | 'NOT_MET'; note: string }>;
  overrides: ReadonlyArray<{ criterionId: string; result: 'MET' | 'NOT_MET'; justification: string }>;
};

export type UnresolvedCriterion = {
  criterionId: string;
  kind: CriterionResult['kind'];
  text: string;
  result: CriterionResult['result'];
  needs: 'judgment' | 'override';
};

export type ReviewOutcome =
  | { ok: true; review: CheckReview }
  | { ok: false; message: string; fields: FieldErrors; unresolved: UnresolvedCriterion[] };

/** Where a criterion's reviewed result comes from: the engine, a clinician's judgment or an override. */
export type ReviewBasis = ReviewedCriterion['basis'];

/**
 * The result that counts for the decision: an override of a computed result, else the clinician's
 * judgment of a clinician-judgment (NEEDS_REVIEW) criterion, else the engine's result.
 */
export function reviewedResult({
  computed,
  judgment,
  override,
}: {
  computed: CriterionResult['result'];
  judgment?: 'MET' | 'NOT_MET';
  override?: 'MET' | 'NOT_MET';
}): { result: CriterionResult['result']; basis: ReviewBasis } {
  if (computed !== 'NEEDS_REVIEW' && override) return { result: override, basis: 'override' };
  if (computed === 'NEEDS_REVIEW' && judgment) return { result: judgment, basis: 'judgment' };
  return { result: computed, basis: 'computed' };
}

/** What stops an ELIGIBLE signature on one criterion. */
export type SigningBlocker = 'needs_judgment' | 'needs_override' | 'judged_failing';

/**
 * The signing rule for one criterion, on its reviewed result: confirming ELIGIBLE needs every
 * clinician-judgment criterion judged, and every criterion still UNKNOWN or ruling the candidate out
 * overridden; a judgment that itself rules the candidate out cannot go with ELIGIBLE. Deciding
 * INELIGIBLE has no blockers. The review form shows these live; reviewCriteria enforces them.
 */
export function signingBlocker({
  kind,
  result,
  basis,
}: {
  kind: CriterionResult['kind'];
  result: CriterionResult['result'];
  basis: ReviewBasis;
}): SigningBlocker | null {
  if (result === 'NEEDS_REVIEW') return 'needs_judgment';
  const isFailing = isBlocking({ kind, result });
  if (basis === 'judgment' && isFailing) return 'judged_failing';
  if (result === 'UNKNOWN' || isFailing) return 'needs_override';
  return null;
}

/** The result that lets the candidate through for a criterion of this kind. */
export function passingResult(kind: CriterionResult['kind']): 'MET' | 'NOT_MET' {
  return kind === 'INCLUSION' ? 'MET' : 'NOT_MET';
}

function add(fields: FieldErrors, key: string, message: string): void {
  (fields[key] ??= []).push(message);
}

/**
 * A clinician's review of a check, as pure logic: applies judgments (to
 * clinician-judgment criteria) and overrides (to computed results) and says
 * whether the decision may be signed.
 *
 * - A judgment only decides a NEEDS_REVIEW criterion; an override only replaces a
 *   computed result, and must change it.
 * - Confirming ELIGIBLE needs every clinician-judgment criterion judged, and every
 *   criterion still UNKNOWN or ruling the candidate out (inclusion NOT_MET,
 *   exclusion MET) overridden, each with its written justification. A judgment
 *   that itself rules the candidate out cannot go with ELIGIBLE.
 * - Deciding INELIGIBLE is always possible; judgments and overrides given with it
 *   are recorded as the reasons.
 */
export function reviewCriteria({
  results,
  computedOverall,
  decision,
  judgments,
  overrides,
}: ReviewInput): ReviewOutcome {
  const fields: FieldErrors = {};
  const byId = new Map(results.map((result) => [result.criterionId, result]));
  const judged = new Map<string, { result: 'MET' | 'NOT_MET'; note: string }>();
  const overridden = new Map<string, { result: 'MET' | 'NOT_MET'; justification: string }>();

  judgments.forEach((judgment, index) => {
    const criterion = byId.get(judgment.criterionId);
    if (!criterion) add(fields, `judgments.${index}.criterionId`, 'This criterion is not part of the check.');
    else if (criterion.result !== 'NEEDS_REVIEW')
      add(
        fields,
        `judgments.${index}.criterionId`,
        'Only clinician-judgment criteria take a judgment; override a computed result instead.',
      );
    else judged.set(judgment.criterionId, { result: judgment.result, note: judgment.note.trim() });
  });
  overrides.forEach((override, index) => {
    const criterion = byId.get(override.criterionId);
    if (!criterion) add(fields, `overrides.${index}.criterionId`, 'This criterion is not part of the check.');
    else if (criterion.result === 'NEEDS_REVIEW')
      add(fields, `overrides.${index}.criterionId`, 'A clinician-judgment criterion is judged, not overridden.');
    else if (criterion.result === override.result)
      add(
        fields,
        `overrides.${index}.result`,
        `The computed result is already ${override.result}; an override must change it.`,
      );
    else
      overridden.set(override.criterionId, { result: override.result, justification: override.justification.trim() });
  });
  if (Object.keys(fields).length > 0)
    return { ok: false, message: 'Some judgments or overrides do not fit this check.', fields, unresolved: [] };

  const criteria: ReviewedCriterion[] = results.map((result) => {
    const base = { criterionId: result.criterionId, kind: result.kind, text: result.text, computed: result.result };
    const judgment = judged.get(result.criterionId);
    const override = overridden.get(result.criterionId);
    const reviewed = reviewedResult({
      computed: result.result,
      judgment: judgment?.result,
      override: override?.result,
    });
    const note =
      reviewed.basis === 'judgment'
        ? (judgment?.note ?? null)
        : reviewed.basis === 'override'
          ? (override?.justification ?? null)
          : null;
    return { ...base, ...reviewed, note };
  });

  if (decision === 'ELIGIBLE') {
    const unresolved: UnresolvedCriterion[] = [];
    criteria.forEach((criterion) => {
      const { criterionId, kind, text, result } = criterion;
      const blocker = signingBlocker(criterion);
      if (blocker === 'needs_judgment') unresolved.push({ criterionId, kind, text, result, needs: 'judgment' });
      else if (blocker === 'judged_failing') {
        const index = judgments.findIndex((judgment) => judgment.criterionId === criterionId);
        add(
          fields,
          `judgments.${index}.result`,
          `Your judgment rules the candidate out (${kind.toLowerCase()}: ${text}); decide not eligible instead.`,
        );
      } else if (blocker === 'needs_override') unresolved.push({ criterionId, kind, text, result, needs: 'override' });
    });
    for (const item of unresolved) {
      const label = `${item.kind === 'INCLUSION' ? 'Inclusion' : 'Exclusion'} “${item.text}” is ${item.result}`;
      if (item.needs === 'judgment') add(fields, 'judgments', `${label}: judge it met or not met, with a note.`);
      else add(fields, 'overrides', `${label}: confirming eligibility needs an override with a written justification.`);
    }
    if (Object.keys(fields).length > 0) {
      return {
        ok: false,
        message:
          'Eligibility cannot be confirmed until every criterion below is judged or overridden with a justification.',
        fields,
        unresolved,
      };
    }
  }

  return { ok: true, review: { computedOverall, reviewedOverall: overallResult(criteria), criteria } };
}
