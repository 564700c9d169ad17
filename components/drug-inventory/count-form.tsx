'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { recordCountAction } from '@/app/(app)/drug-inventory/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { countSchema } from '@/lib/validations/drug-inventory';
import { WitnessFields } from './witness-fields';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type FormValues = z.input<typeof countSchema>;
const FIELDS = ['countedMg', 'notes', 'witnessEmail', 'witnessPassword'] as const;
type Outcome = { tone: 'success' | 'warning'; text: string };

/**
 * A witnessed count. The book balance is deliberately not shown in the form, so the count
 * is made from what is in the cabinet; the result says whether it matched.
 */
export function CountForm({ lotId }: { lotId: string }) {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<FormValues, unknown, z.output<typeof countSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/drug-inventory').then((m) => m.countSchema)),
    defaultValues: { lotId, notes: '', witnessEmail: '', witnessPassword: '' },
    mode: 'onTouched',
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setOutcome(null);
    const result = await withSubmissionKey((options) => recordCountAction(values, options));
    if (result.ok) {
      const { discrepancy, discrepancyMg, expectedMg } = result.data;
      setOutcome(
        discrepancy
          ? {
              tone: 'warning',
              text: `Count recorded with a discrepancy of ${discrepancyMg > 0 ? '+' : ''}${discrepancyMg} mg against the balance of ${expectedMg} mg. Admins have been alerted.`,
            }
          : { tone: 'success', text: `Count recorded: it matches the balance of ${expectedMg} mg.` },
      );
      reset({ lotId, notes: '', witnessEmail: '', witnessPassword: '' });
      router.refresh();
      return;
    }
    setFormError(applyServerErrors(result.error, setError, FIELDS));
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a count" className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <Field label="Counted (mg)" error={errors.countedMg?.message} required>
          <Input
            type="number"
            inputMode="decimal"
            step="0.001"
            min="0"
            {...register('countedMg', { valueAsNumber: true })}
          />
        </Field>
        <Field label="Notes" error={errors.notes?.message}>
          <Textarea rows={1} {...register('notes')} />
        </Field>
      </div>
      <WitnessFields register={register} errors={errors} />
      <div>
        <Button type="submit" variant="secondary" loading={isSubmitting}>
          Record witnessed count
        </Button>
      </div>
    </form>
  );
}
