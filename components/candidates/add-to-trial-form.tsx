'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import { movePipelineAction } from '@/app/(app)/candidates/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select, type SelectOption } from '@/components/ui/select';
import type { PipelineMoveInput, PipelineMoveValues } from '@/lib/validations/candidates';

/** Starts another trial's pipeline for this candidate, at Referred. */
export function AddToTrialForm({ candidateId, trials }: { candidateId: string; trials: SelectOption[] }) {
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<PipelineMoveValues, unknown, PipelineMoveInput>({
    resolver: schemaResolver(() => import('@/lib/validations/candidates').then((m) => m.pipelineMoveSchema)),
    defaultValues: { trialId: '', to: 'REFERRED' },
  });

  const submit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await movePipelineAction({ ...values, to: 'REFERRED', candidateId });
    if (result.ok) {
      const label = trials.find((trial) => trial.value === values.trialId)?.label ?? 'the trial';
      setStatus({ tone: 'success', message: `Added to ${label} at Referred.` });
      reset({ trialId: '', to: 'REFERRED' });
      return;
    }
    const message = applyServerErrors(result.error, setError, ['trialId']);
    if (message) setStatus({ tone: 'error', message });
  });

  if (trials.length === 0) {
    return <p className="text-sm text-slate-700">This candidate is already in every trial in TrialDesk.</p>;
  }

  return (
    <form method="post" onSubmit={submit} noValidate className="flex flex-col gap-3">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Trial" error={errors.trialId?.message} className="min-w-0 flex-1 basis-64">
          <Select placeholder="Choose a trial" options={trials} {...register('trialId')} />
        </Field>
        <Button type="submit" variant="secondary" loading={isSubmitting}>
          Add to trial
        </Button>
      </div>
    </form>
  );
}
