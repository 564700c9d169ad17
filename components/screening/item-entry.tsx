'use client';

import { useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { scorePhq9Items } from '@/lib/measures/phq9-items';
import type { ScreeningField } from '@/lib/screening/screening-form-model';
import type { ScreeningFormValues } from '@/lib/screening/screening-form-entries';
import type { ScreeningFormInput } from '@/lib/validations/screening-form';

type Props = {
  itemEntry: NonNullable<ScreeningField['itemEntry']>;
  label: string;
  index: number;
  control: Control<ScreeningFormValues, unknown, ScreeningFormInput>;
  register: UseFormRegister<ScreeningFormValues>;
  isItemized: boolean;
  error: string | undefined;
};

/**
 * A score entered as its items (the PHQ-9): the total is the outcomes scorer's, shown as it will be
 * stored; the answers are kept so the questionnaire can later become the outcome baseline.
 */
export function ItemEntry({ itemEntry, label, index, control, register, isItemized, error }: Props) {
  const answers = useWatch({ control, name: `entries.${index}.items` }) ?? [];
  const options = Array.from({ length: itemEntry.max - itemEntry.min + 1 }, (_, offset) => {
    const value = String(itemEntry.min + offset);
    return { value, label: value };
  });
  const score = isItemized ? scorePhq9Items(answers.map((answer) => (answer === '' ? null : Number(answer)))) : null;

  return (
    <div className="mt-3 flex flex-col gap-3">
      <Checkbox
        label={`Enter the ${itemEntry.labels.length} items instead of the total`}
        hint="Needed to use this questionnaire as the outcome baseline after enrolment."
        {...register(`entries.${index}.isItemized`)}
      />
      {isItemized ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-800">
            {label} items ({itemEntry.min}–{itemEntry.max} each)
          </legend>
          {error ? (
            <p className="text-sm text-red-700" role="alert">
              {error}
            </p>
          ) : null}
          <ol className="grid gap-2 sm:grid-cols-3">
            {itemEntry.labels.map((itemLabel, item) => (
              <li key={itemLabel}>
                <Field label={`${item + 1}. ${itemLabel}`}>
                  <Select
                    placeholder="Not answered"
                    options={options}
                    {...register(`entries.${index}.items.${item}`)}
                  />
                </Field>
              </li>
            ))}
          </ol>
          <p className="text-sm text-slate-800" aria-live="polite">
            {score?.ok ? `Total ${score.total}` : 'Total shown when every item is answered.'}
          </p>
        </fieldset>
      ) : null}
    </div>
  );
}
