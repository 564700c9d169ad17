'use client';

import { type Resolver, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { checkInAction } from '@/app/(app)/visits/actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useActionRunner } from '@/components/ui/form/use-action-runner';
import { Select } from '@/components/ui/select';
import type { checkInSchema } from '@/lib/validations/infusions';
import { optionsOf, PREGNANCY_TEST_LABELS } from '../labels';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';

const PREGNANCY_OPTIONS = optionsOf(PREGNANCY_TEST_LABELS).filter((option) => option.value !== 'NOT_REQUIRED');

type FormValues = { isDriverConfirmed: boolean; hasNoNewExclusion: boolean; pregnancyTest: string };
type FormOutput = z.output<typeof checkInSchema>;

// The shared check-in schema, loaded on demand; the select's empty choice is "not given" (the
// server then says a required test result is missing).
const resolver = schemaResolver(
  () => import('@/lib/validations/infusions').then((m) => m.checkInSchema),
  (values: FormValues) => ({
    ...values,
    pregnancyTest: values.pregnancyTest === '' ? undefined : values.pregnancyTest,
  }),
);

/** The check-in safety checklist; every item must be confirmed before vitals. */
export function CheckInStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<FormValues, unknown, FormOutput>({
    resolver: resolver as Resolver<FormValues, unknown, FormOutput>,
    defaultValues: { isDriverConfirmed: false, hasNoNewExclusion: false, pregnancyTest: '' },
  });

  if (visit.checkIn) {
    return (
      <ul className="flex flex-col gap-1 text-sm text-slate-900">
        <li>Adult driver confirmed: {visit.checkIn.isDriverConfirmed ? 'yes' : 'no'}</li>
        <li>
          Pregnancy test:{' '}
          {visit.checkIn.pregnancyTest ? PREGNANCY_TEST_LABELS[visit.checkIn.pregnancyTest] : 'Not required'}
        </li>
        <li>No new exclusion criterion: {visit.checkIn.hasNoNewExclusion ? 'confirmed' : 'not confirmed'}</li>
      </ul>
    );
  }
  if (!canRecord) return <p className="text-sm text-slate-700">A clinician checks the participant in.</p>;
  if (visit.status !== 'SCHEDULED')
    return <p className="text-sm text-slate-700">This visit is not open for check-in.</p>;

  return (
    <form
      method="post"
      noValidate
      aria-label="Check-in checklist"
      className="flex flex-col gap-4"
      onSubmit={handleSubmit(async (values) => {
        await run(
          (options) =>
            checkInAction(
              {
                visitId: visit.visitId,
                isDriverConfirmed: values.isDriverConfirmed,
                hasNoNewExclusion: values.hasNoNewExclusion,
                pregnancyTest: visit.isPregnancyTestRequired ? values.pregnancyTest : 'NOT_REQUIRED',
              },
              options,
            ),
          'Checked in.',
        );
      })}
    >
      <StatusAlert message={message} />
      <Checkbox
        label="An adult driver is confirmed to take the participant home"
        error={errors.isDriverConfirmed?.message ?? fieldErrors.isDriverConfirmed}
        {...register('isDriverConfirmed')}
      />
      {visit.isPregnancyTestRequired ? (
        <Field
          label="Pregnancy test result"
          error={errors.pregnancyTest?.message ?? fieldErrors.pregnancyTest}
          required
          className="max-w-xs"
        >
          <Select placeholder="Choose the result" options={PREGNANCY_OPTIONS} {...register('pregnancyTest')} />
        </Field>
      ) : null}
      <Checkbox
        label="No new exclusion criterion applies since the last visit"
        error={errors.hasNoNewExclusion?.message ?? fieldErrors.hasNoNewExclusion}
        {...register('hasNoNewExclusion')}
      />
      <div>
        <Button type="submit" loading={pending} size="lg">
          Check in
        </Button>
      </div>
    </form>
  );
}
