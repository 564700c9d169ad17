import type { CheckCriterionView } from '@/lib/eligibility/check-view';
import { type SigningBlocker, signingBlocker } from '@/lib/eligibility/review-criteria';
import { formResult, type ReviewItemValues } from '@/lib/eligibility/review-draft';
import type { CriterionKind } from '@/lib/validations/eligibility';
import type { EligibilityDecisionValue } from '@/lib/validations/screening';
import type { ChoiceOption } from './boolean-choice';

// The review form's values and the signing blockers it shows (its zod validation is in
// review-form-validation.ts, loaded on demand so zod is not in the page's first load), built on the signing schema and the signing
// rule in lib/eligibility (review-criteria.ts, review-draft.ts); nothing here decides on its own.

export type Binary = 'MET' | 'NOT_MET';
export type ReviewFormValues = {
  decision?: EligibilityDecisionValue;
  meaning: string;
  password: string;
  items: ReviewItemValues[];
};

/** What stops an ELIGIBLE signature on this criterion, if anything (lib/eligibility/review-criteria.ts). */
export function blockerOf(criterion: CheckCriterionView, item: ReviewItemValues | undefined): SigningBlocker | null {
  return signingBlocker({ kind: criterion.kind, ...formResult(criterion, item) });
}

export const BLOCKER_TEXT = {
  needs_judgment: 'Judge this criterion before confirming eligibility.',
  needs_override: 'Confirming eligibility needs an override of this result, with a written justification.',
  judged_failing: 'Your judgment rules the candidate out. Change the judgment or choose “Not eligible”.',
} as const;

export function resultOptions(kind: CriterionKind): ReadonlyArray<ChoiceOption<Binary>> {
  return [
    { value: 'MET', label: kind === 'EXCLUSION' ? 'Met (excludes)' : 'Met', key: 'met' },
    { value: 'NOT_MET', label: kind === 'INCLUSION' ? 'Not met (excludes)' : 'Not met', key: 'not-met' },
  ];
}
