'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useFieldArray, useForm, type Resolver } from 'react-hook-form';
import { recordMeasurementsAction } from '@/app/(app)/eligibility/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import type { MeasurementInput } from '@/lib/measures/measurement-input';
import type { MeasurementEntryOutput, MeasurementEntrySchema } from './measurement-entry-validation';
import { MeasurementRow } from './measurement-row';
import { blankRow, MAX_ROWS, ROW_FIELDS, rowFieldOf, type FormValues, type RowField } from './measurement-row-model';
import { RunCheckButton, type TrialChoice } from './run-check-button';
import { useHydrated } from './use-hydrated';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

// Several screening measurements at once. Each row's measure decides its fields
// (value and unit, lab reference limits, present/absent, last dose, yes/no);
// the rows are checked with the same zod schema the server uses, and the
// server's per-row messages land on the row they belong to.

type FormOutput = MeasurementEntryOutput;
// The rows' schema (and zod) is fetched on demand, outside the page's first load.
const resolver = schemaResolver<FormValues, MeasurementEntrySchema>(() =>
  import('./measurement-entry-validation').then((m) => m.measurementEntrySchema),
);

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
    resolver: resolver as unknown as Resolver<FormValues, unknown, FormOutput>,
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
