'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { reverseMovementAction } from '@/app/(app)/drug-inventory/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { reversalSchema } from '@/lib/validations/drug-inventory';
import { WitnessFields } from './witness-fields';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type FormValues = z.input<typeof reversalSchema>;
const FIELDS = ['reason', 'witnessEmail', 'witnessPassword'] as const;

/** Undo a wrong movement: nothing is edited, a witnessed reversal with a reason is added. */
export function ReversalForm({ lotId, movementId, label }: { lotId: string; movementId: string; label: string }) {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof reversalSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/drug-inventory').then((m) => m.reversalSchema)),
    defaultValues: { reason: '', witnessEmail: '', witnessPassword: '' },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await withSubmissionKey((options) =>
      reverseMovementAction({ ...values, lotId, movementId }, options),
    );
    if (result.ok) {
      router.refresh();
      return;
    }
    setFormError(applyServerErrors(result.error, setError, FIELDS));
  });

  return (
    <details className="text-sm print:hidden">
      <summary className="cursor-pointer text-sky-800 underline">Reverse</summary>
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={`Reverse ${label}`}
        className="mt-2 flex min-w-72 flex-col gap-3"
      >
        {formError ? <Alert tone="error">{formError}</Alert> : null}
        <Field label="Why is it reversed?" error={errors.reason?.message} required>
          <Input autoComplete="off" {...register('reason')} />
        </Field>
        <WitnessFields register={register} errors={errors} />
        <div>
          <Button type="submit" size="sm" variant="danger" loading={isSubmitting}>
            Reverse movement
          </Button>
        </div>
      </form>
    </details>
  );
}
