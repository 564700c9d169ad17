'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import { setScreeningWindowAction } from '@/app/(app)/trials/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { MAX_WINDOW_DAYS, MIN_WINDOW_DAYS } from '@/lib/eligibility/screening-window';
import type { ScreeningWindowInput } from '@/lib/validations/trials';

type Props = { trialId: string; days: number; isConfirmed: boolean };

/** Sets the trial's screening window; saving it (unchanged or not) records the admin's confirmation. */
export function ScreeningWindowForm({ trialId, days, isConfirmed }: Props) {
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ScreeningWindowInput>({
    resolver: schemaResolver(() => import('@/lib/validations/trials').then((m) => m.screeningWindowSchema)),
    defaultValues: { days },
  });

  async function onSubmit(input: ScreeningWindowInput) {
    setStatus(null);
    const result = await setScreeningWindowAction({ id: trialId, days: input.days });
    if (result.ok) {
      setStatus({ tone: 'success', message: `Screening window confirmed: ${result.data.days} days.` });
      return;
    }
    const fieldMessages = result.error.fields?.days;
    if (fieldMessages) setError('days', { message: fieldMessages.join(' ') });
    else setStatus({ tone: 'error', message: result.error.message });
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="flex flex-col gap-3">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="Screening window (days)"
          hint={`Whole days, ${MIN_WINDOW_DAYS}–${MAX_WINDOW_DAYS}.`}
          error={errors.days?.message}
          className="w-56"
        >
          <Input
            type="number"
            inputMode="numeric"
            min={MIN_WINDOW_DAYS}
            max={MAX_WINDOW_DAYS}
            step={1}
            {...register('days', { valueAsNumber: true })}
          />
        </Field>
        <Button type="submit" variant={isConfirmed ? 'secondary' : 'primary'} loading={isSubmitting}>
          {isConfirmed ? 'Save window' : 'Confirm window'}
        </Button>
      </div>
    </form>
  );
}
