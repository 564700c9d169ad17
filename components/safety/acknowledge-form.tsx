'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { acknowledgeSafetyAlertAction } from '@/app/(app)/safety/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { acknowledgeSafetyAlertSchema } from '@/lib/validations/safety';

type FormValues = z.input<typeof acknowledgeSafetyAlertSchema>;

/** A clinician closes an alert by saying what they did. */
export function AcknowledgeForm({ alertId, label }: { alertId: string; label: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof acknowledgeSafetyAlertSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/safety').then((m) => m.acknowledgeSafetyAlertSchema)),
    defaultValues: { action: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await acknowledgeSafetyAlertAction({ ...values, alertId });
    if (result.ok) {
      router.refresh();
      return;
    }
    setFormError(applyServerErrors(result.error, setError, ['action']));
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Acknowledge: ${label}`} className="flex flex-col gap-2">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field
        label="Action taken"
        error={errors.action?.message}
        hint="E.g. called the participant, completed a risk assessment, safety plan reviewed."
        required
      >
        <Textarea rows={2} {...register('action')} />
      </Field>
      <div>
        <Button type="submit" size="sm" loading={isSubmitting}>
          Acknowledge
        </Button>
      </div>
    </form>
  );
}
