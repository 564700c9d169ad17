'use client';

import {
  Controller,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormClearErrors,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { LabCode, NumericMeasureCode } from '@/lib/measures/vocabulary';
import { BooleanChoice } from './boolean-choice';
import { LabFields, NumericFields } from './measurement-value-fields';
import { entryKind, MEASURE_OPTION_GROUPS, type EntryKind } from './measure-catalog';
import { blankRow, optionalDate, type FormValues, type RowField } from './measurement-row-model';

// One row of the free-form measurement entry: the chosen measure decides its fields.

type RowProps = {
  index: number;
  control: Control<FormValues>;
  register: UseFormRegister<FormValues>;
  setValue: UseFormSetValue<FormValues>;
  clearErrors: UseFormClearErrors<FormValues>;
  errors: FieldErrors<FormValues>;
  today: string;
  canRemove: boolean;
  onRemove: () => void;
};

export function MeasurementRow({
  index,
  control,
  register,
  setValue,
  clearErrors,
  errors,
  today,
  canRemove,
  onRemove,
}: RowProps) {
  const row = useWatch({ control, name: `measurements.${index}` });
  const rowErrors = errors.measurements?.[index] as
    | Partial<Record<RowField | 'root' | 'form', { message?: string }>>
    | undefined;
  const code = row?.code ?? '';
  const kind: EntryKind | null = entryKind(code);
  const message = (field: RowField) => rowErrors?.[field]?.message;
  const codeError = rowErrors?.code?.message ?? rowErrors?.form?.message ?? rowErrors?.root?.message;
  const name = `Measurement ${index + 1}`;
  const dateLabel = kind === 'number' || kind === 'lab' ? 'Date measured' : 'Date recorded';

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-slate-50/60 px-4 pt-1 pb-4">
      <legend className="px-1 text-sm font-semibold text-slate-700">{name}</legend>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-12">
        <Field
          label="Measure"
          className="sm:col-span-2 lg:col-span-4"
          required
          error={code === '' && codeError ? 'Choose what is being entered' : codeError}
        >
          <Select
            value={code}
            name={`measurements.${index}.code`}
            onChange={(event) => {
              // A new measure starts a fresh row: the old kind's fields and messages no longer apply.
              clearErrors(`measurements.${index}`);
              setValue(`measurements.${index}`, blankRow(event.target.value, row?.measuredAt || today), {
                shouldDirty: true,
              });
            }}
            placeholder="Choose a measure"
          >
            {MEASURE_OPTION_GROUPS.map((group) => (
              <optgroup key={group.id} label={group.label}>
                {group.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </Field>

        {kind === 'number' ? (
          <NumericFields
            index={index}
            code={code as NumericMeasureCode}
            row={row}
            register={register}
            message={message}
          />
        ) : null}
        {kind === 'lab' ? (
          <LabFields index={index} code={code as LabCode} register={register} message={message} />
        ) : null}
        {kind === 'diagnosis' ? (
          <Controller
            control={control}
            name={`measurements.${index}.isPresent`}
            render={({ field }) => (
              <BooleanChoice
                className="sm:col-span-2 lg:col-span-5"
                legend="Diagnosis"
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                trueLabel="Present"
                falseLabel="Absent"
                error={message('isPresent')}
                required
              />
            )}
          />
        ) : null}
        {kind === 'medication' ? (
          <>
            <Controller
              control={control}
              name={`measurements.${index}.isCurrent`}
              render={({ field }) => (
                <BooleanChoice
                  className="lg:col-span-3"
                  legend="Taking it now?"
                  name={field.name}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  trueLabel="Yes"
                  falseLabel="No"
                  error={message('isCurrent')}
                  required
                />
              )}
            />
            <Field
              label="Last dose"
              hint="Leave empty if never taken or not known."
              className="lg:col-span-2"
              error={message('lastDoseAt')}
            >
              <Input
                type="date"
                max={today}
                {...register(`measurements.${index}.lastDoseAt`, { setValueAs: optionalDate })}
              />
            </Field>
            <Checkbox
              className="sm:col-span-2 lg:col-span-5"
              label="Never taken"
              hint="Only when the candidate has never taken it. An empty last dose without this counts as unknown."
              error={message('isNeverTaken')}
              {...register(`measurements.${index}.isNeverTaken`)}
            />
          </>
        ) : null}
        {kind === 'fact' ? (
          <Controller
            control={control}
            name={`measurements.${index}.value`}
            render={({ field }) => (
              <BooleanChoice
                className="sm:col-span-2 lg:col-span-5"
                legend="Answer"
                name={field.name}
                value={typeof field.value === 'boolean' ? field.value : undefined}
                onChange={field.onChange}
                onBlur={field.onBlur}
                trueLabel="Yes"
                falseLabel="No"
                error={message('value')}
                required
              />
            )}
          />
        ) : null}

        {kind !== null ? (
          <Field label={dateLabel} className="lg:col-span-2" required error={message('measuredAt')}>
            <Input type="date" max={today} {...register(`measurements.${index}.measuredAt`)} />
          </Field>
        ) : null}

        <div
          className={
            kind === null
              ? 'flex items-end sm:col-span-2 lg:col-span-8 lg:justify-end'
              : 'flex items-end lg:col-span-1 lg:justify-end'
          }
        >
          {canRemove ? (
            <Button variant="ghost" onClick={onRemove} aria-label={`Remove measurement ${index + 1}`}>
              Remove
            </Button>
          ) : null}
        </div>
      </div>
    </fieldset>
  );
}
