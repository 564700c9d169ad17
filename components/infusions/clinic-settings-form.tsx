'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { updateClinicSettingsAction } from '@/app/(app)/admin/clinic/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { weekdayName } from '@/lib/scheduling/local-date';
import type { ClinicUpdateInput } from '@/lib/validations/infusions';
import { SLOT_MINUTES_OPTIONS } from '@/lib/scheduling/slot-minutes';

const FIELDS = [
  'timeZone',
  'openDays',
  'openTime',
  'closeTime',
  'slotMinutes',
  'monitoringMinutes',
  'holdSbpAbove',
  'holdDbpAbove',
] as const;
const numeric = {
  setValueAs: (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value)),
};

/** Opening days and hours, slot length, monitoring time and the blood-pressure hold rule. */
export function ClinicSettingsForm({ defaults }: { defaults: ClinicUpdateInput }) {
  const router = useRouter();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ClinicUpdateInput>({
    resolver: schemaResolver(() => import('@/lib/validations/infusions').then((m) => m.clinicUpdateSchema)),
    defaultValues: defaults,
  });

  const submit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await updateClinicSettingsAction(values);
    if (result.ok) {
      setStatus({ tone: 'success', message: 'Clinic settings saved.' });
      router.refresh();
      return;
    }
    const message = applyServerErrors(result.error, setError, FIELDS);
    if (message) setStatus({ tone: 'error', message });
  });

  return (
    <form method="post" onSubmit={submit} noValidate aria-label="Clinic settings" className="flex flex-col gap-5">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <Controller
        control={control}
        name="openDays"
        render={({ field }) => (
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-900">Opening days</legend>
            <div className="flex flex-wrap gap-x-5 gap-y-2">
              {[1, 2, 3, 4, 5, 6, 7].map((day) => (
                <label key={day} className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-900">
                  <input
                    type="checkbox"
                    className="size-5 rounded border-slate-400 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                    checked={field.value.includes(day)}
                    onChange={(event) =>
                      field.onChange(
                        event.target.checked
                          ? [...field.value, day].sort((a, b) => a - b)
                          : field.value.filter((value) => value !== day),
                      )
                    }
                    onBlur={field.onBlur}
                  />
                  {weekdayName(day)}
                </label>
              ))}
            </div>
            {errors.openDays?.message ? (
              <p className="text-sm font-medium text-red-700">{errors.openDays.message}</p>
            ) : null}
          </fieldset>
        )}
      />
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Opens at" hint="Clinic time, 24-hour" error={errors.openTime?.message} required>
          <Input type="time" step={60} {...register('openTime')} />
        </Field>
        <Field label="Closes at" hint="Clinic time, 24-hour" error={errors.closeTime?.message} required>
          <Input type="time" step={60} {...register('closeTime')} />
        </Field>
        <Field label="Time zone" hint="IANA name, e.g. America/New_York" error={errors.timeZone?.message} required>
          <Input {...register('timeZone')} autoComplete="off" />
        </Field>
        <Field label="Slot length" error={errors.slotMinutes?.message} required>
          <Select
            options={SLOT_MINUTES_OPTIONS.map((value) => ({ value: String(value), label: `${value} minutes` }))}
            {...register('slotMinutes', numeric)}
          />
        </Field>
        <Field
          label="Monitoring after infusion (minutes)"
          hint="Chair time = infusion + monitoring"
          error={errors.monitoringMinutes?.message}
          required
        >
          <Input type="number" inputMode="numeric" min={0} {...register('monitoringMinutes', numeric)} />
        </Field>
      </div>
      <fieldset className="grid gap-4 md:grid-cols-3">
        <legend className="mb-2 text-sm font-medium text-slate-900">
          Blood-pressure hold rule (infusion held when above)
        </legend>
        <Field label="Systolic hold above (mmHg)" error={errors.holdSbpAbove?.message} required>
          <Input type="number" inputMode="numeric" {...register('holdSbpAbove', numeric)} />
        </Field>
        <Field label="Diastolic hold above (mmHg)" error={errors.holdDbpAbove?.message} required>
          <Input type="number" inputMode="numeric" {...register('holdDbpAbove', numeric)} />
        </Field>
      </fieldset>
      <div>
        <Button type="submit" loading={isSubmitting}>
          Save settings
        </Button>
      </div>
    </form>
  );
}
