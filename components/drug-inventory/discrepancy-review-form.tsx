'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { reviewCountAction } from '@/app/(app)/drug-inventory/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { countReviewSchema } from '@/lib/validations/drug-inventory';

type FormValues = z.input<typeof countReviewSchema>;

/** An admin closes a count discrepancy with what the investigation found. */
export function DiscrepancyReviewForm({ countId, label }: { countId: string; label: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof countReviewSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/drug-inventory').then((m) => m.countReviewSchema)),
    defaultValues: { note: '' },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await reviewCountAction({ ...values, countId });
    if (result.ok) {
      router.refresh();
      return;
    }
    setFormError(applyServerErrors(result.error, setError, ['note']));
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Review ${label}`} className="flex flex-wrap items-end gap-3">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="What was found" error={errors.note?.message} required className="min-w-64 flex-1">
        <Input autoComplete="off" {...register('note')} />
      </Field>
      <Button type="submit" size="sm" loading={isSubmitting}>
        Mark reviewed
      </Button>
    </form>
  );
}
