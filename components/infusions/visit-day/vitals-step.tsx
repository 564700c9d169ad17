'use client';

import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { overrideHoldAction, recordVitalsAction } from '@/app/(app)/visits/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { formatInZone } from '../form-helpers';
import { timepointLabel } from '../labels';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { numberOrUndefined, useActionRunner } from '@/components/ui/form/use-action-runner';
import type { holdOverrideSchema, VitalsInput } from '@/lib/validations/infusions';
import { StatusAlert } from './step-frame';
import type { VisitDayView, VitalsView } from './types';

export function VitalsTable({
  vitals,
  caption,
  timeZone,
}: {
  vitals: VitalsView[];
  caption: string;
  timeZone: string;
}) {
  if (vitals.length === 0) return null;
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {['Timepoint', 'BP (mmHg)', 'HR (bpm)', 'SpO2 (%)', 'Recorded'].map((label) => (
              <th key={label} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap text-slate-700">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {vitals.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 last:border-b-0">
              <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                {timepointLabel(row.timepoint)}
              </th>
              <td className="px-3 py-2 tabular-nums">
                {row.sbp !== null && row.dbp !== null ? `${row.sbp}/${row.dbp}` : '—'}
              </td>
              <td className="px-3 py-2 tabular-nums">{row.heartRate ?? '—'}</td>
              <td className="px-3 py-2 tabular-nums">{row.spo2 ?? '—'}</td>
              <td className="px-3 py-2 text-slate-700">
                {row.recordedBy},{' '}
                <time dateTime={row.recordedAt}>{formatInZone(row.recordedAt, timeZone, 'time')}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type VitalsValues = { timepoint: string; sbp: string; dbp: string; heartRate: string; spo2: string };
const EMPTY_VITALS = { sbp: '', dbp: '', heartRate: '', spo2: '' };

/** A vitals entry form for one timepoint (PRE on the vitals step, T+n/POST on the administration step). */
export function VitalsForm({ visitId, timepoints, label }: { visitId: string; timepoints: string[]; label: string }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const isPre = timepoints.length === 1 && timepoints[0] === 'PRE';
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<VitalsValues, unknown, VitalsInput>({
    resolver: schemaResolver(
      () => import('@/lib/validations/infusions').then((m) => m.vitalsSchema),
      (values: VitalsValues) => ({
        timepoint: isPre ? 'PRE' : values.timepoint.trim() || timepoints[0],
        sbp: numberOrUndefined(values.sbp),
        dbp: numberOrUndefined(values.dbp),
        heartRate: numberOrUndefined(values.heartRate),
        spo2: numberOrUndefined(values.spo2),
      }),
    ),
    defaultValues: { timepoint: timepoints[0], ...EMPTY_VITALS },
  });
  return (
    <form
      method="post"
      noValidate
      aria-label={label}
      className="flex flex-col gap-4"
      onSubmit={handleSubmit(async (values) => {
        const saved = await run(
          (options) => recordVitalsAction({ visitId, ...values }, options),
          `${timepointLabel(values.timepoint)} vitals recorded.`,
        );
        if (saved) reset();
      })}
    >
      <StatusAlert message={message} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {isPre ? null : (
          <Field
            label="Timepoint"
            error={errors.timepoint?.message ?? fieldErrors.timepoint}
            required
            id="vitals-timepoint"
          >
            <select
              id="vitals-timepoint"
              className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:text-sm"
              {...register('timepoint')}
            >
              {timepoints.map((code) => (
                <option key={code} value={code}>
                  {timepointLabel(code)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Systolic BP (mmHg)" error={errors.sbp?.message ?? fieldErrors.sbp} required={isPre}>
          <Input type="number" inputMode="numeric" min={50} max={300} {...register('sbp')} />
        </Field>
        <Field label="Diastolic BP (mmHg)" error={errors.dbp?.message ?? fieldErrors.dbp} required={isPre}>
          <Input type="number" inputMode="numeric" min={20} max={200} {...register('dbp')} />
        </Field>
        <Field label="Heart rate (bpm)" error={errors.heartRate?.message ?? fieldErrors.heartRate} required={isPre}>
          <Input type="number" inputMode="numeric" min={20} max={250} {...register('heartRate')} />
        </Field>
        <Field label="SpO2 (%)" error={errors.spo2?.message ?? fieldErrors.spo2} required={isPre}>
          <Input type="number" inputMode="numeric" min={50} max={100} {...register('spo2')} />
        </Field>
      </div>
      <div>
        <Button type="submit" loading={pending} size="lg">
          {isPre ? 'Save pre-infusion vitals' : 'Save vitals'}
        </Button>
      </div>
    </form>
  );
}

function HoldOverrideForm({ visitId }: { visitId: string }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ reason: string }, unknown, z.output<typeof holdOverrideSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/infusions').then((m) => m.holdOverrideSchema)),
    defaultValues: { reason: '' },
  });
  return (
    <form
      method="post"
      noValidate
      aria-label="Override the hold"
      className="mt-3 flex flex-col gap-3"
      onSubmit={handleSubmit(async (values) => {
        await run(
          () => overrideHoldAction({ visitId, reason: values.reason }),
          'Hold overridden; the infusion may go ahead.',
        );
      })}
    >
      <StatusAlert message={message} />
      <Field label="Reason to go ahead despite the hold" error={errors.reason?.message ?? fieldErrors.reason} required>
        <Textarea rows={2} {...register('reason')} />
      </Field>
      <div>
        <Button type="submit" variant="danger" loading={pending}>
          Override hold
        </Button>
      </div>
    </form>
  );
}

export function VitalsStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const pre = visit.vitals.filter((row) => row.timepoint === 'PRE');
  const isHeld = visit.holdReasons.length > 0;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">
        Hold rule: the infusion is held when systolic BP is above {visit.thresholds.sbp} or diastolic above{' '}
        {visit.thresholds.dbp} mmHg.
      </p>
      <VitalsTable vitals={pre} caption="Pre-infusion vitals" timeZone={visit.timeZone} />
      {isHeld ? (
        <Alert tone={visit.holdOverride ? 'warning' : 'error'} title={`On hold: ${visit.holdReasons.join('; ')}`}>
          {visit.holdOverride ? (
            <p>
              Overridden by {visit.holdOverride.by} at{' '}
              <time dateTime={visit.holdOverride.at}>{formatInZone(visit.holdOverride.at, visit.timeZone)}</time>:{' '}
              {visit.holdOverride.reason}
            </p>
          ) : canRecord ? (
            <>
              <p>Re-measure, or a clinician may override the hold with a reason.</p>
              <HoldOverrideForm visitId={visit.visitId} />
            </>
          ) : (
            <p>Only a clinician can override the hold.</p>
          )}
        </Alert>
      ) : null}
      {canRecord && visit.checkIn && !visit.administration ? (
        <VitalsForm
          visitId={visit.visitId}
          timepoints={['PRE']}
          label={pre.length > 0 ? 'Re-measure pre-infusion vitals' : 'Pre-infusion vitals'}
        />
      ) : null}
      {!visit.checkIn ? <p className="text-sm text-slate-700">Check the participant in first.</p> : null}
    </div>
  );
}
