'use client';

import { Controller, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { CheckCriterionView } from '@/lib/eligibility/check-view';
import type { requiredReviewFields, ReviewItemValues } from '@/lib/eligibility/review-draft';
import { ChoiceGroup } from './boolean-choice';
import { criterionName } from './criterion-item';
import { CRITERION_RESULT_LABELS } from './labels';
import { BLOCKER_TEXT, type blockerOf, type ReviewFormValues, resultOptions } from './review-form-schema';

type ControlsProps = {
  index: number;
  criterion: CheckCriterionView;
  control: Control<ReviewFormValues>;
  register: UseFormRegister<ReviewFormValues>;
  errors: FieldErrors<ReviewFormValues>;
  /** Which fields the signature needs, from lib/eligibility/review-draft.ts requiredReviewFields. */
  required: ReturnType<typeof requiredReviewFields>;
};

/** A clinician-judgment criterion: met or not met with a note, and a box to include it in a shared judgment. */
export function JudgmentControls({
  index,
  criterion,
  control,
  register,
  errors,
  required,
  isSelected,
  onSelect,
}: ControlsProps & { isSelected: boolean; onSelect: (selected: boolean) => void }) {
  const itemErrors = errors.items?.[index];
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-[minmax(0,16rem)_1fr]">
        <Controller
          control={control}
          name={`items.${index}.judgment`}
          render={({ field }) => (
            <ChoiceGroup
              legend="Clinician judgment"
              name={field.name}
              value={field.value}
              options={resultOptions(criterion.kind)}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={itemErrors?.judgment?.message}
              required={required.judgment}
            />
          )}
        />
        <Field
          label="Note"
          hint="The evidence for your judgment. Every judgment needs one."
          error={itemErrors?.note?.message}
          required={required.note}
        >
          <Textarea rows={2} {...register(`items.${index}.note`)} />
        </Field>
      </div>
      <Checkbox
        label={`Select ${criterionName(criterion)} for a shared judgment`}
        checked={isSelected}
        onChange={(event) => onSelect(event.target.checked)}
      />
    </div>
  );
}

/** A computed criterion: an optional override with its result and written justification. */
export function OverrideControls({
  index,
  criterion,
  control,
  register,
  errors,
  required,
  item,
  blocker,
}: ControlsProps & { item: ReviewItemValues | undefined; blocker: ReturnType<typeof blockerOf> }) {
  const itemErrors = errors.items?.[index];
  return (
    <div className="flex flex-col gap-4">
      <Checkbox
        label="Override the computed result"
        hint={blocker === 'needs_override' && !item?.override ? BLOCKER_TEXT.needs_override : undefined}
        error={itemErrors?.override?.message}
        aria-required={required.override || undefined}
        {...register(`items.${index}.override`)}
      />
      {item?.override ? (
        <div className="grid gap-4 md:grid-cols-[minmax(0,16rem)_1fr]">
          <Controller
            control={control}
            name={`items.${index}.overrideResult`}
            render={({ field }) => (
              <ChoiceGroup
                legend="Overridden result"
                hint={`Computed: ${CRITERION_RESULT_LABELS[criterion.result].toLowerCase()}`}
                name={field.name}
                value={field.value}
                options={resultOptions(criterion.kind)}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={itemErrors?.overrideResult?.message}
                required={required.overrideResult}
              />
            )}
          />
          <Field
            label="Justification"
            hint="Shown on the check and kept in the audit trail."
            error={itemErrors?.justification?.message}
            required={required.justification}
          >
            <Textarea rows={2} {...register(`items.${index}.justification`)} />
          </Field>
        </div>
      ) : null}
    </div>
  );
}
