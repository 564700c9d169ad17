'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { recordScreeningFormAction } from '@/app/(app)/candidates/[id]/eligibility/measurements/new/actions';
import { RunCheckButton } from '@/components/eligibility/run-check-button';
import { useHydrated } from '@/components/eligibility/use-hydrated';
import { useSubmissionKey } from '@/components/forms/use-submission-key';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { Input } from '@/components/ui/input';
import type { ScreeningForm } from '@/lib/screening/types';
import type { ScreeningFormInput } from '@/lib/validations/screening-form';
import { ScreeningFieldInput } from './screening-field-input';
import {
  formFieldOf,
  itemNumberOf,
  initialValues,
  toFormInput,
  type ScreeningFormValues,
} from '@/lib/screening/screening-form-entries';

type Props = {
  candidateId: string;
  form: ScreeningForm;
  /** The clinic's calendar day and its zone: the date measured is a day on the clinic's calendar. */
  today: string;
  timeZone: string;
  canRunCheck: boolean;
};

type Messages = { path: 'measuredAt' | `entries.${number}.${string}`; message: string }[];

/** Every message about a sent entry, placed on the form field it came from. */
function placeMessages(
  keyed: Record<string, string[]>,
  formIndex: readonly number[],
  form: ScreeningForm,
): { placed: Messages; leftovers: string[] } {
  const placed: Messages = [];
  const leftovers: string[] = [];
  for (const [key, messages] of Object.entries(keyed)) {
    const target = formFieldOf(key, formIndex, form.fields);
    const item = itemNumberOf(key);
    const message = `${item ? `Item ${item}: ` : ''}${messages.join(' ')}`;
    if (target === 'measuredAt') placed.push({ path: 'measuredAt', message });
    else if (target) placed.push({ path: `entries.${target.index}.${target.name}`, message });
    else leftovers.push(message);
  }
  // Several items of one questionnaire share one message line.
  const merged = new Map<string, string>();
  for (const { path, message } of placed)
    merged.set(path, merged.has(path) ? `${merged.get(path)} ${message}` : message);
  return {
    placed: [...merged].map(([path, message]) => ({ path: path as Messages[number]['path'], message })),
    leftovers,
  };
}

/** Flattens react-hook-form's nested errors back to "entries.0.value" keys. */
function flatten(errors: FieldErrors, prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== 'object') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === 'string')
      out[path] = [(value as { message: string }).message];
    else Object.assign(out, flatten(value as FieldErrors, path));
  }
  return out;
}

/** One trial's screening form: the measures its rules read, saved together (all or none). */
export function TrialScreeningForm({ candidateId, form, today, timeZone, canRunCheck }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const withSubmissionKey = useSubmissionKey();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const defaultValues = useMemo(() => initialValues(form.fields, today), [form.fields, today]);
  // The shared schema checks what will be sent; its messages are moved back to the field each entry came from.
  const resolver = useMemo<Resolver<ScreeningFormValues, unknown, ScreeningFormInput>>(() => {
    const base = schemaResolver(
      () => import('@/lib/validations/screening-form').then((m) => m.screeningFormSchema),
      (values: ScreeningFormValues) => toFormInput(form.fields, values, candidateId).input,
    );
    return async (values, context, options) => {
      const result = await base(values, context, options);
      if (Object.keys(result.errors).length === 0) return result;
      const { formIndex } = toFormInput(form.fields, values, candidateId);
      const { placed, leftovers } = placeMessages(flatten(result.errors), formIndex, form);
      const errors: Record<string, unknown> = {};
      for (const { path, message } of placed) {
        const [head, index, name] = path.split('.');
        if (head === 'measuredAt') errors.measuredAt = { type: 'schema', message };
        else {
          const list = (errors.entries ??= []) as Record<string, unknown>[];
          list[Number(index)] = { ...list[Number(index)], [name]: { type: 'schema', message } };
        }
      }
      if (leftovers.length > 0) errors.root = { type: 'schema', message: leftovers.join(' ') };
      return { values: {}, errors: errors as FieldErrors<ScreeningFormValues> };
    };
  }, [form, candidateId]);
  const {
    control,
    register,
    handleSubmit,
    setError,
    getValues,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ScreeningFormValues, unknown, ScreeningFormInput>({ resolver, defaultValues });

  const submit = handleSubmit(async (input) => {
    setStatus(null);
    const { formIndex } = toFormInput(form.fields, getValues(), candidateId);
    const result = await withSubmissionKey((options) => recordScreeningFormAction(input, options));
    if (result.ok) {
      setStatus({
        tone: 'success',
        message: `Saved ${result.data.count} ${result.data.count === 1 ? 'value' : 'values'}.`,
      });
      reset(initialValues(form.fields, today));
      router.refresh();
      return;
    }
    const { placed, leftovers } = placeMessages(result.error.fields ?? {}, formIndex, form);
    placed.forEach(({ path, message }, position) =>
      setError(path as 'measuredAt', { type: 'server', message }, { shouldFocus: position === 0 }),
    );
    const summary = placed.length > 0 ? 'Nothing was saved. Check the highlighted fields.' : result.error.message;
    setStatus({ tone: 'error', message: [summary, ...leftovers].join(' ') });
  });

  const formError = errors.root?.message ?? errors.entries?.root?.message ?? errors.entries?.message;
  return (
    <form
      method="post"
      onSubmit={submit}
      noValidate
      aria-label={`Screening for ${form.trial.label}`}
      className="flex flex-col gap-4"
    >
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label="Date measured"
        hint={`A day on the clinic's calendar (${timeZone}, where today is ${today}). Applies to every value below.`}
        error={errors.measuredAt?.message}
        required
        className="max-w-xs"
      >
        <Input type="date" max={today} {...register('measuredAt')} />
      </Field>
      <ol className="flex flex-col gap-3">
        {form.fields.map((field, index) => (
          <li key={field.code}>
            <ScreeningFieldInput
              field={field}
              index={index}
              control={control}
              register={register}
              errors={errors}
              today={today}
            />
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-200 pt-4">
        {canRunCheck && status?.tone === 'success' ? (
          <RunCheckButton
            candidateId={candidateId}
            trial={{ trialId: form.trial.id, label: form.trial.label }}
            variant="secondary"
          />
        ) : null}
        <Button type="submit" variant="primary" loading={isSubmitting} disabled={!hydrated}>
          Save {form.trial.label} screening
        </Button>
      </div>
    </form>
  );
}
