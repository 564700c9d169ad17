import { z } from 'zod';
import type { CheckCriterionView } from '@/lib/eligibility/check-view';
import { passingResult } from '@/lib/eligibility/review-criteria';
import { type ReviewItemValues, requiredReviewFields } from '@/lib/eligibility/review-draft';
import { judgmentSchema, overrideSchema, signCheckSchema } from '@/lib/validations/screening';
import { CRITERION_RESULT_LABELS } from './labels';
import { BLOCKER_TEXT, blockerOf } from './review-form-schema';

// The review form's validation, built on the signing schema and the signing rule in
// lib/eligibility (review-criteria.ts, review-draft.ts). Loaded by the form on demand
// (schemaResolver), so zod stays out of the review page's first-load JavaScript.

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
