'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import { addConsentFormVersionAction } from '@/app/(app)/trials/enrolment-records-actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Input } from '@/components/ui/input';
import type { ConsentFormVersionInput, ConsentFormVersionValues } from '@/lib/validations/consent';

const FIELDS = ['label', 'approvedOn', 'irbReference'] as const;

/** An admin adds an IRB-approved consent form version to the trial. */
export function ConsentFormVersionForm({ trialId, today }: { trialId: string; today: string }) {
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ConsentFormVersionValues, unknown, ConsentFormVersionInput>({
    resolver: schemaResolver(() => import('@/lib/validations/consent').then((m) => m.consentFormVersionSchema)),
    defaultValues: { label: '', approvedOn: '', irbReference: '' },
  });

  const submit = handleSubmit(async (input) => {
    setStatus(null);
    const result = await addConsentFormVersionAction({ id: trialId, ...input });
    if (result.ok) {
      reset();
      setStatus({ tone: 'success', message: `Consent form ${result.data.label} added.` });
      return;
    }
    setStatus({ tone: 'error', message: applyServerErrors(result.error, setError, FIELDS) ?? '' });
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      {status?.message ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Version label" hint="As printed on the form, e.g. v3.1." error={errors.label?.message} required>
          <Input autoComplete="off" {...register('label')} />
        </Field>
        <Field label="IRB approval date" error={errors.approvedOn?.message} required>
          <Input type="date" max={today} {...register('approvedOn')} />
        </Field>
        <Field label="IRB reference (optional)" error={errors.irbReference?.message}>
          <Input autoComplete="off" {...register('irbReference')} />
        </Field>
      </div>
      <div>
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Add consent form version
        </Button>
      </div>
    </form>
  );
}
