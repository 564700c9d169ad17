'use client';

import { useEffect, useMemo, useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm, useWatch } from 'react-hook-form';
import { recordAssessmentAction } from '@/app/(app)/participants/[enrollmentId]/outcomes/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { toClinicInputValue } from '@/lib/clinic/clinic-wall-time';
import { isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { INSTRUMENT_DEFINITIONS } from '@/lib/outcomes/instruments';
import type { RecordAssessmentRequest } from '@/lib/validations/assessments';
import { flagLabel, instrumentLabel, shortInstrumentName, timepointLabel } from './format';
import { ItemFields } from './item-fields';
import { ScorePreview } from './score-preview';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type PlanItem = { instrument: string; timepoint: string };

type Props = {
  enrollmentId: string;
  plan: PlanItem[];
  /** "INSTRUMENT TIMEPOINT" keys already recorded (they are corrected, not recorded again). */
  recorded: string[];
  /** The clinic's zone from its settings, so the time is entered on the clinic clock, not this device's. */
  timeZone: string;
};

const blankItems = (instrument: string) =>
  isInstrumentCode(instrument) ? Array.from({ length: INSTRUMENT_DEFINITIONS[instrument].itemCount }, () => null) : [];

/** Item-level entry of one questionnaire at a timepoint of the trial's plan, with a live score preview. */
export function RecordAssessmentForm({ enrollmentId, plan, recorded, timeZone }: Props) {
  const withSubmissionKey = useSubmissionKey();
  const instruments = useMemo(() => [...new Set(plan.map((item) => item.instrument))], [plan]);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const firstInstrument = instruments[0] ?? '';
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    clearErrors,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<RecordAssessmentRequest>({
    resolver: schemaResolver(() => import('@/lib/validations/assessments').then((m) => m.recordAssessmentInputSchema)),
    defaultValues: {
      enrollmentId,
      instrument: firstInstrument,
      timepoint: '',
      administeredAt: undefined,
      items: blankItems(firstInstrument),
    },
  });
  const instrument = useWatch({ control, name: 'instrument' });
  const items = useWatch({ control, name: 'items' }) ?? [];

  // "Administered at" starts at now on the clinic clock, set after mount so server and browser HTML agree.
  // It stays a wall time ('2026-11-23T08:00'): the server reads it in the clinic's zone.
  useEffect(() => {
    setValue('administeredAt', toClinicInputValue(new Date(), timeZone));
  }, [setValue, timeZone]);

  const timepointOptions = plan
    .filter((item) => item.instrument === instrument)
    .map((item) => {
      const done = recorded.includes(`${item.instrument} ${item.timepoint}`);
      return {
        value: item.timepoint,
        label: `${timepointLabel(item.timepoint)}${done ? ' (recorded: correct it below)' : ''}`,
        disabled: done,
      };
    });

  const itemErrors: Record<number, string | undefined> = {};
  const itemsError = errors.items;
  if (Array.isArray(itemsError)) itemsError.forEach((error, index) => (itemErrors[index] = error?.message));

  const submit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await withSubmissionKey((options) => recordAssessmentAction(values, options));
    if (result.ok) {
      const { total, severity, flags } = result.data;
      const score = total === null ? 'no total' : `total ${total}${severity ? ` (${severity})` : ''}`;
      const flagText = flags.length > 0 ? ` Flags: ${flags.map(flagLabel).join('; ')}.` : '';
      setStatus({
        tone: 'success',
        message: `Saved ${shortInstrumentName(values.instrument)} (${timepointLabel(values.timepoint)}): ${score}.${flagText}`,
      });
      reset({
        enrollmentId,
        instrument: values.instrument,
        timepoint: '',
        administeredAt: toClinicInputValue(new Date(), timeZone),
        items: blankItems(values.instrument),
      });
      return;
    }
    const { error } = result;
    const leftovers: string[] = [];
    for (const [key, messages] of Object.entries(error.fields ?? {})) {
      if (
        key === 'instrument' ||
        key === 'timepoint' ||
        key === 'administeredAt' ||
        key === 'items' ||
        /^items\.\d+$/.test(key)
      ) {
        setError(key as 'instrument', { type: 'server', message: messages.join(' ') });
      } else leftovers.push(messages.join(' '));
    }
    setStatus({ tone: 'error', message: [error.message, ...leftovers].join(' ') });
  });

  if (plan.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        This trial's protocol has no assessment plan, so there is nothing to record.
      </p>
    );
  }

  return (
    <form method="post" onSubmit={submit} noValidate aria-label="Record questionnaire" className="flex flex-col gap-4">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Instrument" error={errors.instrument?.message} required>
          <Select
            {...register('instrument', {
              onChange: (event: { target: { value: string } }) => {
                setValue('items', blankItems(event.target.value));
                setValue('timepoint', '');
                clearErrors();
              },
            })}
            options={instruments.map((code) => ({ value: code, label: instrumentLabel(code) }))}
          />
        </Field>
        <Field label="Timepoint" error={errors.timepoint?.message} required>
          <Select placeholder="Choose a timepoint" options={timepointOptions} {...register('timepoint')} />
        </Field>
        <Field
          label="Administered at"
          hint={`Clinic time (${timeZone})`}
          error={errors.administeredAt?.message}
          required
        >
          <Input
            type="datetime-local"
            {...register('administeredAt', { setValueAs: (value: string) => (value === '' ? undefined : value) })}
          />
        </Field>
      </div>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Answers ({instrumentLabel(instrument)})</legend>
        {typeof itemsError?.message === 'string' ? (
          <p className="text-sm font-medium text-red-700">{itemsError.message}</p>
        ) : null}
        <ItemFields
          key={instrument}
          instrument={instrument}
          values={items}
          errors={itemErrors}
          onChange={(index, value) => setValue(`items.${index}`, value, { shouldDirty: true })}
        />
      </fieldset>
      <ScorePreview instrument={instrument} items={items} />
      <div>
        <Button type="submit" loading={isSubmitting}>
          Save questionnaire
        </Button>
      </div>
    </form>
  );
}
