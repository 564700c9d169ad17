'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { recordWasteAction } from '@/app/(app)/drug-inventory/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { wasteSchema } from '@/lib/validations/drug-inventory';
import { WitnessFields } from './witness-fields';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type FormValues = z.input<typeof wasteSchema>;
const FIELDS = ['mg', 'reason', 'witnessEmail', 'witnessPassword'] as const;

/** Witnessed waste from one lot, e.g. the rest of an opened single-dose vial. */
export function WasteForm({
  lotId,
  onHandMg,
  visitId,
  defaultMg,
}: {
  lotId: string;
  onHandMg: number;
  visitId?: string;
  defaultMg?: number;
}) {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof wasteSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/drug-inventory').then((m) => m.wasteSchema)),
    defaultValues: {
      lotId,
      visitId: visitId ?? null,
      reason: visitId ? 'Remainder of the opened vial' : '',
      witnessEmail: '',
      witnessPassword: '',
      ...(defaultMg ? { mg: defaultMg } : {}),
    },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(null);
    const result = await withSubmissionKey((options) => recordWasteAction(values, options));
    if (result.ok) {
      setSaved(`${values.mg} mg wasted. ${result.data.balanceAfterMg.toLocaleString('en-US')} mg left in this lot.`);
      reset({ lotId, visitId: visitId ?? null, reason: '', witnessEmail: '', witnessPassword: '' });
      router.refresh();
      return;
    }
    setFormError(applyServerErrors(result.error, setError, FIELDS));
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record waste" className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field
          label="Amount (mg)"
          error={errors.mg?.message}
          hint={`${onHandMg.toLocaleString('en-US')} mg on hand`}
          required
        >
          <Input
            type="number"
            inputMode="decimal"
            step="0.001"
            min="0"
            max={onHandMg}
            {...register('mg', { valueAsNumber: true })}
          />
        </Field>
        <Field label="Reason" error={errors.reason?.message} required>
          <Input autoComplete="off" {...register('reason')} />
        </Field>
      </div>
      <WitnessFields register={register} errors={errors} />
      <div>
        <Button type="submit" variant="secondary" loading={isSubmitting}>
          Record witnessed waste
        </Button>
      </div>
    </form>
  );
}
