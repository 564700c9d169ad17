'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { receiveLotAction } from '@/app/(app)/drug-inventory/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { receiveLotSchema } from '@/lib/validations/drug-inventory';
import { MAX_VIALS } from '@/lib/drug-inventory/limits';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type FormValues = z.input<typeof receiveLotSchema>;
const FIELDS = [
  'drug',
  'ndc',
  'lotNumber',
  'expiresOn',
  'concentrationMgPerMl',
  'vialVolumeMl',
  'vialsReceived',
  'receivedOn',
  'isMultiDoseVial',
] as const;

/** Receiving a delivery: what the label says, and the vials counted in. */
export function ReceiveLotForm({ today }: { today: string }) {
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
  } = useForm<FormValues, unknown, z.output<typeof receiveLotSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/drug-inventory').then((m) => m.receiveLotSchema)),
    defaultValues: {
      drug: 'Ketamine hydrochloride',
      ndc: '',
      lotNumber: '',
      expiresOn: '',
      receivedOn: today,
      isMultiDoseVial: true,
    },
    mode: 'onTouched',
  });
  const number = { valueAsNumber: true } as const;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(null);
    const result = await withSubmissionKey((options) => receiveLotAction(values, options));
    if (result.ok) {
      setSaved(`Lot ${values.lotNumber} received: ${result.data.onHandMg.toLocaleString('en-US')} mg on hand.`);
      reset({ ...values, lotNumber: '', expiresOn: '' });
      router.refresh();
      return;
    }
    setFormError(applyServerErrors(result.error, setError, FIELDS));
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Receive a lot" className="flex flex-col gap-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label="Drug" error={errors.drug?.message} required>
          <Input autoComplete="off" {...register('drug')} />
        </Field>
        <Field label="NDC" error={errors.ndc?.message} hint="As printed, e.g. 0409-2053-10" required>
          <Input autoComplete="off" spellCheck={false} {...register('ndc')} />
        </Field>
        <Field label="Lot number" error={errors.lotNumber?.message} required>
          <Input autoComplete="off" spellCheck={false} {...register('lotNumber')} />
        </Field>
        <Field label="Expires on" error={errors.expiresOn?.message} required>
          <Input type="date" {...register('expiresOn')} />
        </Field>
        <Field label="Concentration (mg/mL)" error={errors.concentrationMgPerMl?.message} required>
          <Input type="number" inputMode="decimal" step="0.001" min="0" {...register('concentrationMgPerMl', number)} />
        </Field>
        <Field label="Vial volume (mL)" error={errors.vialVolumeMl?.message} required>
          <Input type="number" inputMode="decimal" step="0.001" min="0" {...register('vialVolumeMl', number)} />
        </Field>
        <Field label="Vials received" error={errors.vialsReceived?.message} required>
          <Input
            type="number"
            inputMode="numeric"
            step="1"
            min="1"
            max={MAX_VIALS}
            {...register('vialsReceived', number)}
          />
        </Field>
        <Field label="Received on" error={errors.receivedOn?.message} required>
          <Input type="date" max={today} {...register('receivedOn')} />
        </Field>
      </div>
      <Checkbox
        label="Multi-dose vials"
        hint="Multi-dose vials may be kept after opening; the rest of a single-dose vial is wasted, witnessed."
        {...register('isMultiDoseVial')}
      />
      <div>
        <Button type="submit" loading={isSubmitting}>
          Receive lot
        </Button>
      </div>
    </form>
  );
}
