'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type FieldErrors,
  type Resolver,
  type UseFormClearErrors,
  type UseFormRegister,
  type UseFormSetValue,
} from 'react-hook-form';
import { z } from 'zod';
import { recordMeasurementsAction } from '@/app/(app)/eligibility/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { measurementInputSchema, type MeasurementInput } from '@/lib/measures/measurement-input';
import { LABS, NUMERIC_MEASURES, type LabCode, type NumericMeasureCode } from '@/lib/measures/vocabulary';
import { BooleanChoice } from './boolean-choice';
import { entryKind, MEASURE_OPTION_GROUPS, type EntryKind } from './measure-catalog';
import { RunCheckButton, type TrialChoice } from './run-check-button';
import { useHydrated } from './use-hydrated';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

// Several screening measurements at once. Each row's measure decides its fields
// (value and unit, lab reference limits, present/absent, last dose, yes/no);
// the rows are checked with the same zod schema the server uses, and the
// server's per-row messages land on the row they belong to.

const MAX_ROWS = 60;

const formSchema = z.object({
  measurements: z
    .array(measurementInputSchema)
    .min(1, 'Add at least one measurement')
    .max(MAX_ROWS, `Enter at most ${MAX_ROWS} measurements at a time`),
});
type FormOutput = z.output<typeof formSchema>;

/** A row as the form holds it: only the fields of the chosen measure's kind are set. */
type Row = {
  code: string;
  measuredAt: string;
  value?: number | boolean;
  unit?: string;
  uln?: number | null;
  lln?: number | null;
  isPresent?: boolean;
  isCurrent?: boolean;
  lastDoseAt?: string | null;
  isNeverTaken?: boolean;
};
type FormValues = { measurements: Row[] };

const ROW_FIELDS = [
  'code',
  'value',
  'unit',
  'uln',
  'lln',
  'isPresent',
  'isCurrent',
  'lastDoseAt',
  'isNeverTaken',
  'measuredAt',
] as const;
type RowField = (typeof ROW_FIELDS)[number];

function blankRow(code: string, measuredAt: string): Row {
  const kind = entryKind(code);
  switch (kind) {
    case 'number':
      return {
        code,
        measuredAt,
        value: undefined,
        unit: NUMERIC_MEASURES[code as NumericMeasureCode].unit || undefined,
      };
    case 'lab':
      return { code, measuredAt, value: undefined, unit: LABS[code as LabCode].defaultUnit, uln: null, lln: null };
    case 'diagnosis':
      return { code, measuredAt, isPresent: undefined };
    case 'medication':
      return { code, measuredAt, isCurrent: undefined, lastDoseAt: null, isNeverTaken: false };
    case 'fact':
      return { code, measuredAt, value: undefined };
    default:
      return { code: '', measuredAt };
  }
}

/** '' → NaN so an empty required number reads "Enter a number" rather than passing as 0. */
const requiredNumber = (raw: unknown) => (raw === '' || raw === null || raw === undefined ? Number.NaN : Number(raw));
const optionalNumber = (raw: unknown) => (raw === '' || raw === null || raw === undefined ? null : Number(raw));
const optionalDate = (raw: unknown) => (raw === '' || raw === undefined ? null : raw);

/**
 * The server names a row's field however its validation path reads:
 * "measurements.2.value", "inputs.2.value", "2.value" or "[2].value" all mean row 3's value.
 */
export function rowFieldOf(key: string): { index: number; field: string } | null {
  const match = /(?:^|[.[])(\d+)\]?\.(\w+)$/.exec(key) ?? /^(\d+)$/.exec(key);
  if (!match) return null;
  return { index: Number(match[1]), field: match[2] ?? 'form' };
}

type Props = {
  candidateId: string;
  /** The clinic's calendar day, used as the default "date measured". */
  today: string;
  /** Trials the candidate is in, offered for a check once the data is saved (empty without eligibility.check). */
  trials: TrialChoice[];
};

export function MeasurementEntryForm({ candidateId, today, trials }: Props) {
  const withSubmissionKey = useSubmissionKey();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const [savedCount, setSavedCount] = useState<number | null>(null);
  const hydrated = useHydrated();
  const {
    control,
    register,
    handleSubmit,
    setError,
    setValue,
    clearErrors,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, FormOutput>({
    // The form holds half-filled rows; the schema decides what a finished one is.
    resolver: zodResolver(formSchema) as unknown as Resolver<FormValues, unknown, FormOutput>,
    defaultValues: { measurements: [blankRow('', today)] },
  });
  const { fields, append, remove } = useFieldArray({ control, name: 'measurements' });

  const submit = handleSubmit(async (values) => {
    setStatus(null);
    setSavedCount(null);
    const result = await withSubmissionKey((options) =>
      recordMeasurementsAction(
        {
          candidateId,
          measurements: values.measurements as MeasurementInput[],
        },
        options,
      ),
    );
    if (result.ok) {
      const count = values.measurements.length;
      setSavedCount(count);
      setStatus({ tone: 'success', message: `Saved ${count} ${count === 1 ? 'measurement' : 'measurements'}.` });
      reset({ measurements: [blankRow('', today)] });
      return;
    }
    const leftovers: string[] = [];
    let focused = false;
    for (const [key, messages] of Object.entries(result.error.fields ?? {})) {
      const target = rowFieldOf(key);
      if (target && target.index < values.measurements.length) {
        const field: RowField | 'code' = (ROW_FIELDS as readonly string[]).includes(target.field)
          ? (target.field as RowField)
          : 'code';
        setError(
          `measurements.${target.index}.${field}`,
          { type: 'server', message: messages.join(' ') },
          { shouldFocus: !focused },
        );
        focused = true;
      } else {
        leftovers.push(messages.join(' '));
      }
    }
    const summary = focused ? 'Nothing was saved. Check the highlighted rows.' : result.error.message;
    setStatus({ tone: 'error', message: leftovers.length > 0 ? `${summary} ${leftovers.join(' ')}` : summary });
  });

  const listError = errors.measurements?.root?.message ?? errors.measurements?.message;

  return (
    <form method="post" onSubmit={submit} noValidate aria-label="Enter screening data" className="flex flex-col gap-4">
      {status ? (
        <Alert tone={status.tone}>
          <p>{status.message}</p>
          {status.tone === 'success' ? (
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <Link
                href={`/candidates/${candidateId}`}
                className="font-medium text-brand-800 underline underline-offset-2"
              >
                Back to the candidate
              </Link>
              {savedCount !== null && trials.length > 0
                ? trials.map((trial) => (
                    <RunCheckButton
                      key={trial.trialId}
                      candidateId={candidateId}
                      trial={trial}
                      size="sm"
                      variant="secondary"
                      showTrial
                    />
                  ))
                : null}
            </div>
          ) : null}
        </Alert>
      ) : null}
      {listError ? <Alert tone="error">{listError}</Alert> : null}

      <ol className="flex flex-col gap-4">
        {fields.map((field, index) => (
          <li key={field.id}>
            <MeasurementRow
              index={index}
              control={control}
              register={register}
              setValue={setValue}
              clearErrors={clearErrors}
              errors={errors}
              today={today}
              canRemove={fields.length > 1}
              onRemove={() => remove(index)}
            />
          </li>
        ))}
      </ol>

      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <Button
          variant="secondary"
          onClick={() => append(blankRow('', today), { focusName: `measurements.${fields.length}.code` })}
          disabled={!hydrated || fields.length >= MAX_ROWS}
        >
          <span aria-hidden="true">+</span> Add measurement
        </Button>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/candidates/${candidateId}`}
            className="inline-flex min-h-11 items-center px-3 text-sm font-medium text-slate-700 underline-offset-2 hover:underline"
          >
            Cancel
          </Link>
          <Button type="submit" variant="primary" loading={isSubmitting} disabled={!hydrated}>
            Save measurements
          </Button>
        </div>
      </div>
    </form>
  );
}

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

function MeasurementRow({
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

function NumericFields({
  index,
  code,
  row,
  register,
  message,
}: {
  index: number;
  code: NumericMeasureCode;
  row: Row | undefined;
  register: UseFormRegister<FormValues>;
  message: (field: RowField) => string | undefined;
}) {
  const def = NUMERIC_MEASURES[code];
  const units = [def.unit, ...Object.keys(def.alternateUnits)].filter((unit) => unit !== '');
  const unit = row?.unit || def.unit;
  const factor = unit === def.unit ? 1 : def.alternateUnits[unit];
  const value = typeof row?.value === 'number' ? row.value : Number.NaN;
  const converted =
    factor !== undefined && factor !== 1 && Number.isFinite(value) ? Math.round(value * factor * 10) / 10 : null;
  const range = `${def.min}–${def.max}${def.unit ? ` ${def.unit}` : ''}`;
  return (
    <>
      <Field
        label={units.length === 1 ? `Value (${units[0]})` : 'Value'}
        className={units.length > 1 ? 'lg:col-span-2' : 'lg:col-span-3'}
        required
        hint={converted !== null ? `= ${converted} ${def.unit}` : `Range ${range}`}
        error={message('value')}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.value`, { setValueAs: requiredNumber })}
        />
      </Field>
      {units.length > 1 ? (
        <Field label="Unit" className="lg:col-span-1" error={message('unit')}>
          <Select
            options={units.map((option) => ({ value: option, label: option }))}
            {...register(`measurements.${index}.unit`)}
          />
        </Field>
      ) : null}
    </>
  );
}

function LabFields({
  index,
  code,
  register,
  message,
}: {
  index: number;
  code: LabCode;
  register: UseFormRegister<FormValues>;
  message: (field: RowField) => string | undefined;
}) {
  const def = LABS[code];
  return (
    <>
      <Field label="Result" className="lg:col-span-2" required error={message('value')}>
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.value`, { setValueAs: requiredNumber })}
        />
      </Field>
      {def.units.length > 1 ? (
        <Field label="Unit" className="lg:col-span-2" error={message('unit')}>
          <Select
            options={def.units.map((unit) => ({ value: unit, label: unit }))}
            {...register(`measurements.${index}.unit`)}
          />
        </Field>
      ) : null}
      <Field
        label="ULN"
        hint={`Upper limit of normal, ${def.units.length > 1 ? 'same unit' : def.defaultUnit}`}
        className={def.units.length > 1 ? 'lg:col-span-2' : 'lg:col-span-3'}
        error={message('uln')}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.uln`, { setValueAs: optionalNumber })}
        />
      </Field>
      <Field
        label="LLN"
        hint="Lower limit of normal, if reported"
        className={def.units.length > 1 ? 'lg:col-span-2' : 'lg:col-span-3'}
        error={message('lln')}
      >
        <Input
          type="number"
          inputMode="decimal"
          step={def.step}
          {...register(`measurements.${index}.lln`, { setValueAs: optionalNumber })}
        />
      </Field>
    </>
  );
}
