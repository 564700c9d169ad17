import { z } from 'zod';
import type { CheckCriterionView } from '@/lib/eligibility/check-view';
import { passingResult, type SigningBlocker, signingBlocker } from '@/lib/eligibility/review-criteria';
import { formResult, type ReviewItemValues, requiredReviewFields } from '@/lib/eligibility/review-draft';
import type { CriterionKind } from '@/lib/validations/eligibility';
import {
  judgmentSchema,
  overrideSchema,
  signCheckSchema,
  type EligibilityDecisionValue,
} from '@/lib/validations/screening';
import type { ChoiceOption } from './boolean-choice';
import { CRITERION_RESULT_LABELS } from './labels';

// The review form's values and its validation, built on the signing schema and the signing
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

const itemSchema = z.object({
  judgment: z.enum(['MET', 'NOT_MET']).optional(),
  note: z.string(),
  override: z.boolean(),
  overrideResult: z.enum(['MET', 'NOT_MET']).optional(),
  justification: z.string(),
});

/** The first message of a field schema, or null when the value passes. */
function messageOf(schema: z.ZodType, value: unknown, fallback: string): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? fallback);
}

export function buildReviewSchema(criteria: CheckCriterionView[]) {
  return z
    .object({
      decision: signCheckSchema.shape.decision,
      meaning: signCheckSchema.shape.meaning,
      password: signCheckSchema.shape.password,
      items: z.array(itemSchema),
    })
    .superRefine((values, ctx) => {
      const issue = (index: number, field: keyof ReviewItemValues, message: string) =>
        ctx.addIssue({ code: 'custom', path: ['items', index, field], message });
      criteria.forEach((criterion, index) => {
        const item = values.items[index];
        if (!item) return;
        const required = requiredReviewFields({ criterion, decision: values.decision, item });
        if (criterion.result === 'NEEDS_REVIEW') {
          const noteMessage =
            required.note && item.judgment
              ? messageOf(judgmentSchema.shape.note, item.note, 'Write a note for this judgment.')
              : null;
          if (noteMessage) issue(index, 'note', noteMessage);
          if (!item.judgment && item.note.trim() !== '')
            issue(index, 'judgment', 'Choose met or not met, or clear the note.');
        } else if (item.override) {
          if (!item.overrideResult) issue(index, 'overrideResult', 'Choose the result that replaces the computed one.');
          else if (item.overrideResult === criterion.result)
            issue(index, 'overrideResult', 'An override must change the computed result.');
          const justificationMessage = messageOf(
            overrideSchema.shape.justification,
            item.justification,
            'Write why the computed result is overridden.',
          );
          if (required.justification && justificationMessage) issue(index, 'justification', justificationMessage);
        }
        if (values.decision !== 'ELIGIBLE') return;
        const blocker = blockerOf(criterion, item);
        if (blocker === 'needs_judgment' || blocker === 'judged_failing')
          issue(index, 'judgment', BLOCKER_TEXT[blocker]);
        if (blocker === 'needs_override' && !item.override) issue(index, 'override', BLOCKER_TEXT.needs_override);
        if (blocker === 'needs_override' && item.override && item.overrideResult)
          issue(
            index,
            'overrideResult',
            `To confirm eligibility this ${criterion.kind === 'INCLUSION' ? 'inclusion' : 'exclusion'} must be ${CRITERION_RESULT_LABELS[passingResult(criterion.kind)].toLowerCase()}.`,
          );
      });
    });
}

export type ReviewFormOutput = z.output<ReturnType<typeof buildReviewSchema>>;
