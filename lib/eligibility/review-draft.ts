import { reviewedResult, signingBlocker } from '@/lib/eligibility/review-criteria';
import type { CriterionResult } from '@/lib/eligibility/types';
import type { FieldErrors } from '@/lib/errors/app-error';
import type { EligibilityDecisionValue, ReviewDraftInput, SignCheckInput } from '@/lib/validations/screening';

// The review form's state and its two ways out: a draft (saved as the clinician goes, lenient,
// never signed) and the signature's input (strict, checked by reviewCriteria). Pure and
// client-safe, so the form, the server and the tests share one mapping and one required-field rule.

type Binary = 'MET' | 'NOT_MET';
type ReviewCriterion = Pick<CriterionResult, 'criterionId' | 'kind' | 'result'>;

/** One criterion's controls in the review form. */
export type ReviewItemValues = {
  judgment?: Binary;
  note: string;
  override: boolean;
  overrideResult?: Binary;
  justification: string;
};

export type ReviewFormState = { decision?: EligibilityDecisionValue; meaning: string; items: ReviewItemValues[] };

const EMPTY_ITEM: ReviewItemValues = { note: '', override: false, justification: '' };

/**
 * Which of a criterion's review fields the signature needs, from the signing rule
 * (review-criteria.ts): a judgment always needs its note and an override its result and
 * justification; confirming ELIGIBLE needs every clinician-judgment criterion judged (so its
 * note too) and every unknown or ruling-out result overridden.
 */
export function requiredReviewFields({
  criterion,
  decision,
  item,
}: {
  criterion: Pick<CriterionResult, 'kind' | 'result'>;
  decision: EligibilityDecisionValue | undefined;
  item: ReviewItemValues | undefined;
}) {
  const isJudged = criterion.result === 'NEEDS_REVIEW';
  const confirming = decision === 'ELIGIBLE';
  const computedBlocker = signingBlocker({ kind: criterion.kind, result: criterion.result, basis: 'computed' });
  const isOverriding = !isJudged && Boolean(item?.override);
  return {
    judgment: isJudged && confirming,
    note: isJudged && (confirming || Boolean(item?.judgment)),
    override: !isJudged && confirming && computedBlocker === 'needs_override',
    overrideResult: isOverriding,
    justification: isOverriding,
  };
}

/** The form's items as a saved draft left them (or empty), one per criterion in the check's order. */
export function itemsFromDraft(
  criteria: readonly ReviewCriterion[],
  draft: ReviewDraftInput | null,
): ReviewItemValues[] {
  const judgments = new Map((draft?.judgments ?? []).map((judgment) => [judgment.criterionId, judgment]));
  const overrides = new Map((draft?.overrides ?? []).map((override) => [override.criterionId, override]));
  return criteria.map((criterion) => {
    const judgment = criterion.result === 'NEEDS_REVIEW' ? judgments.get(criterion.criterionId) : undefined;
    const override = criterion.result !== 'NEEDS_REVIEW' ? overrides.get(criterion.criterionId) : undefined;
    return {
      ...EMPTY_ITEM,
      ...(judgment ? { judgment: judgment.result ?? undefined, note: judgment.note } : {}),
      ...(override
        ? { override: true, overrideResult: override.result ?? undefined, justification: override.justification }
        : {}),
    };
  });
}

/** The draft of the form as it stands: only criteria the clinician has touched, no password. */
export function draftFromForm(criteria: readonly ReviewCriterion[], state: ReviewFormState): ReviewDraftInput {
  const judgments: ReviewDraftInput['judgments'] = [];
  const overrides: ReviewDraftInput['overrides'] = [];
  criteria.forEach((criterion, index) => {
    const item = state.items[index] ?? EMPTY_ITEM;
    if (criterion.result === 'NEEDS_REVIEW') {
      if (item.judgment || item.note.trim() !== '')
        judgments.push({ criterionId: criterion.criterionId, result: item.judgment ?? null, note: item.note });
    } else if (item.override) {
      overrides.push({
        criterionId: criterion.criterionId,
        result: item.overrideResult ?? null,
        justification: item.justification,
      });
    }
  });
  return { decision: state.decision ?? null, meaning: state.meaning, judgments, overrides };
}

/**
 * The signature's input from the form, with where each judgment and override came from (their
 * index in the form) so the server's per-field errors land on the right control.
 */
export function signInputFromForm(
  criteria: readonly ReviewCriterion[],
  state: ReviewFormState & { decision: EligibilityDecisionValue; password: string },
): { input: SignCheckInput; judgmentIndex: number[]; overrideIndex: number[] } {
  const judgments: SignCheckInput['judgments'] = [];
  const overrides: SignCheckInput['overrides'] = [];
  const judgmentIndex: number[] = [];
  const overrideIndex: number[] = [];
  criteria.forEach((criterion, index) => {
    const item = state.items[index] ?? EMPTY_ITEM;
    if (criterion.result === 'NEEDS_REVIEW' && item.judgment) {
      judgments.push({ criterionId: criterion.criterionId, result: item.judgment, note: item.note.trim() });
      judgmentIndex.push(index);
    } else if (criterion.result !== 'NEEDS_REVIEW' && item.override && item.overrideResult) {
      overrides.push({
        criterionId: criterion.criterionId,
        result: item.overrideResult,
        justification: item.justification.trim(),
      });
      overrideIndex.push(index);
    }
  });
  return {
    input: {
      password: state.password,
      decision: state.decision,
      meaning: state.meaning.trim(),
      judgments,
      overrides,
    },
    judgmentIndex,
    overrideIndex,
  };
}

/**
 * One judgment applied to several clinician-judgment criteria at once: each selected item gets
 * the result and the note as its own, so every criterion is still stored with an explicit
 * judgment. Items that are not clinician judgment are left alone.
 */
export function applyJudgmentToMany(
  criteria: readonly ReviewCriterion[],
  items: readonly ReviewItemValues[],
  selected: ReadonlySet<string>,
  judgment: { result: Binary; note: string },
): ReviewItemValues[] {
  return criteria.map((criterion, index) => {
    const item = items[index] ?? EMPTY_ITEM;
    if (criterion.result !== 'NEEDS_REVIEW' || !selected.has(criterion.criterionId)) return item;
    return { ...item, judgment: judgment.result, note: judgment.note };
  });
}

/** The result that counts for a criterion as the form stands (override, else judgment, else computed). */
export function formResult(criterion: ReviewCriterion, item: ReviewItemValues | undefined) {
  return reviewedResult({
    computed: criterion.result,
    judgment: item?.judgment,
    override: item?.override ? item.overrideResult : undefined,
  });
}

/**
 * A draft must fit its check, as a signature would: judgments only on clinician-judgment
 * criteria, overrides only on computed results, every criterion part of the check.
 */
export function draftFieldErrors({
  results,
  draft,
}: {
  results: readonly ReviewCriterion[];
  draft: ReviewDraftInput;
}): FieldErrors {
  const fields: FieldErrors = {};
  const byId = new Map(results.map((result) => [result.criterionId, result]));
  draft.judgments.forEach((judgment, index) => {
    const criterion = byId.get(judgment.criterionId);
    if (!criterion) fields[`judgments.${index}.criterionId`] = ['This criterion is not part of the check.'];
    else if (criterion.result !== 'NEEDS_REVIEW')
      fields[`judgments.${index}.criterionId`] = ['Only clinician-judgment criteria take a judgment.'];
  });
  draft.overrides.forEach((override, index) => {
    const criterion = byId.get(override.criterionId);
    if (!criterion) fields[`overrides.${index}.criterionId`] = ['This criterion is not part of the check.'];
    else if (criterion.result === 'NEEDS_REVIEW')
      fields[`overrides.${index}.criterionId`] = ['A clinician-judgment criterion is judged, not overridden.'];
  });
  return fields;
}
