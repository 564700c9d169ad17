'use client';

import { useId } from 'react';
import { Controller, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { BooleanChoice } from '@/components/eligibility/boolean-choice';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { ScreeningFormInput } from '@/lib/validations/screening-form';
import type { PlausibleRange, ScreeningField } from '@/lib/screening/screening-form-model';
import { FieldStatus } from './field-status';
import { ItemEntry } from './item-entry';
import type { EntryValues, ScreeningFormValues } from '@/lib/screening/screening-form-entries';

type Props = {
  field: ScreeningField;
  index: number;
  control: Control<ScreeningFormValues, unknown, ScreeningFormInput>;
  register: UseFormRegister<ScreeningFormValues>;
  errors: FieldErrors<ScreeningFormValues>;
  today: string;
};

const rangeText = (ranges: readonly PlausibleRange[]) =>
  ranges.map((range) => `${range.min}–${range.max}${range.unit ? ` ${range.unit}` : ''}`).join(' / ');

const ANSWER_LABELS: Record<'diagnosis' | 'medication' | 'fact', [string, string, string]> = {
  diagnosis: ['Diagnosis', 'Present', 'Absent'],
  medication: ['Taking it now?', 'Yes', 'No'],
  fact: ['Answer', 'Yes', 'No'],
};

/** One measure of a trial's screening form: its status and latest value, then the inputs its kind needs. */
export function ScreeningFieldInput({ field, index, control, register, errors, today }: Props) {
  const statusId = useId();
  const name = <K extends keyof EntryValues>(key: K) => `entries.${index}.${key}` as const;
  const message = (key: keyof EntryValues) => errors.entries?.[index]?.[key]?.message;
  const units = field.units.length > 1 ? field.units : [];
  const isItemized = useWatch({ control, name: name('isItemized') }) === true && field.itemEntry !== null;
  const unitLabel = field.units.length === 1 && field.unit ? ` (${field.unit})` : '';

  return (
    <fieldset className="rounded-lg border border-slate-200 bg-slate-50/60 px-4 pt-1 pb-4" aria-describedby={statusId}>
      <legend className="px-1 text-sm font-semibold text-slate-800">{field.label}</legend>
      <FieldStatus field={field} id={statusId} />
      <div className="mt-3 flex flex-wrap items-start gap-4">
        {field.kind === 'bp' ? (
          <Field
            label={`Systolic/diastolic${unitLabel}`}
            hint={`e.g. 130/85 · plausible ${rangeText(field.ranges)}`}
            error={message('value')}
            className="w-56"
          >
            <Input inputMode="numeric" autoComplete="off" placeholder="130/85" {...register(name('value'))} />
          </Field>
        ) : null}
        {(field.kind === 'number' && !isItemized) || field.kind === 'lab' ? (
          <>
            <Field
              label={`${field.kind === 'lab' ? 'Result' : 'Value'}${unitLabel}`}
              hint={`Plausible ${rangeText(field.ranges)}`}
              error={message('value')}
              className="w-48"
            >
              <Input inputMode="decimal" autoComplete="off" {...register(name('value'))} />
            </Field>
            {units.length > 0 ? (
              <Field label="Unit" hint={`Stored in ${field.unit}`} error={message('unit')} className="w-32">
                <Select options={units.map((unit) => ({ value: unit, label: unit }))} {...register(name('unit'))} />
              </Field>
            ) : null}
          </>
        ) : null}
        {field.kind === 'lab' ? (
          <>
            <Field label="ULN" hint="Upper limit of normal, same unit" error={message('uln')} className="w-40">
              <Input inputMode="decimal" autoComplete="off" {...register(name('uln'))} />
            </Field>
            <Field label="LLN" hint="Lower limit, if reported" error={message('lln')} className="w-40">
              <Input inputMode="decimal" autoComplete="off" {...register(name('lln'))} />
            </Field>
          </>
        ) : null}
        {field.kind === 'diagnosis' || field.kind === 'medication' || field.kind === 'fact' ? (
          <Controller
            control={control}
            name={name('answer')}
            render={({ field: answer }) => {
              const [legend, yes, no] = ANSWER_LABELS[field.kind as 'diagnosis' | 'medication' | 'fact'];
              return (
                <BooleanChoice
                  legend={legend}
                  name={answer.name}
                  value={answer.value}
                  onChange={answer.onChange}
                  onBlur={answer.onBlur}
                  trueLabel={yes}
                  falseLabel={no}
                  error={message('answer')}
                />
              );
            }}
          />
        ) : null}
        {field.kind === 'medication' ? (
          <>
            <Field
              label="Last dose"
              hint="Empty if never taken or not known."
              error={message('lastDoseAt')}
              className="w-48"
            >
              <Input type="date" max={today} {...register(name('lastDoseAt'))} />
            </Field>
            <Checkbox label="Never taken" error={message('isNeverTaken')} {...register(name('isNeverTaken'))} />
          </>
        ) : null}
      </div>
      {field.itemEntry ? (
        <ItemEntry
          itemEntry={field.itemEntry}
          label={field.label}
          index={index}
          control={control}
          register={register}
          isItemized={isItemized}
          error={errors.entries?.[index]?.items?.message}
        />
      ) : null}
    </fieldset>
  );
}
