'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm, useWatch } from 'react-hook-form';
import { correctAssessmentAction } from '@/app/(app)/participants/[enrollmentId]/outcomes/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { CorrectAssessmentRequest } from '@/lib/validations/assessments';
import { ItemFields } from './item-fields';
import { ScorePreview } from './score-preview';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type Props = {
  assessmentId: string;
  enrollmentId: string;
  instrument: string;
  items: Array<number | null>;
  title: string;
};

/** Corrects a recorded questionnaire: the answers are re-entered with a reason; the old values stay on record. */
export function CorrectAssessmentForm({ assessmentId, enrollmentId, instrument, items: initialItems, title }: Props) {
  const withSubmissionKey = useSubmissionKey();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setValue,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CorrectAssessmentRequest>({
    resolver: schemaResolver(() => import('@/lib/validations/assessments').then((m) => m.correctAssessmentInputSchema)),
    defaultValues: { items: initialItems, reason: '' },
  });
  const items = useWatch({ control, name: 'items' }) ?? [];

  const itemErrors: Record<number, string | undefined> = {};
  if (Array.isArray(errors.items)) errors.items.forEach((error, index) => (itemErrors[index] = error?.message));

  const submit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await withSubmissionKey((options) =>
      correctAssessmentAction({ ...values, assessmentId, enrollmentId }, options),
    );
    if (result.ok) {
      setStatus({
        tone: 'success',
        message: `Correction saved: total ${result.data.total ?? 'not scored'}${result.data.severity ? ` (${result.data.severity})` : ''}. The previous answers are kept.`,
      });
      return;
    }
    for (const [key, messages] of Object.entries(result.error.fields ?? {})) {
      if (key === 'reason' || key === 'items' || /^items\.\d+$/.test(key))
        setError(key as 'reason', { type: 'server', message: messages.join(' ') });
    }
    setStatus({ tone: 'error', message: result.error.message });
  });

  return (
    <form method="post" onSubmit={submit} noValidate aria-label={`Correct ${title}`} className="flex flex-col gap-4">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Corrected answers</legend>
        {typeof errors.items?.message === 'string' ? (
          <p className="text-sm font-medium text-red-700">{errors.items.message}</p>
        ) : null}
        <ItemFields
          instrument={instrument}
          values={items}
          errors={itemErrors}
          onChange={(index, value) => setValue(`items.${index}`, value, { shouldDirty: true })}
        />
      </fieldset>
      <ScorePreview instrument={instrument} items={items} />
      <Field
        label="Reason for the correction"
        error={errors.reason?.message}
        required
        hint="Kept in the audit trail with the old and new totals."
      >
        <Textarea rows={2} {...register('reason')} />
      </Field>
      <div>
        <Button type="submit" variant="secondary" loading={isSubmitting}>
          Save correction
        </Button>
      </div>
    </form>
  );
}
