'use client';

import { overrideHoldAction, recordVitalsAction } from '@/app/(app)/visits/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { formatInZone } from '../form-helpers';
import { timepointLabel } from '../labels';
import { numberOrUndefined, textOf, useActionRunner } from '@/components/ui/form/use-action-runner';
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

/** A vitals entry form for one timepoint (PRE on the vitals step, T+n/POST on the administration step). */
export function VitalsForm({ visitId, timepoints, label }: { visitId: string; timepoints: string[]; label: string }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const isPre = timepoints.length === 1 && timepoints[0] === 'PRE';
  return (
    <form
      method="post"
      noValidate
      aria-label={label}
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        const timepoint = textOf(data.get('timepoint')) || timepoints[0];
        const saved = await run(
          (options) =>
            recordVitalsAction(
              {
                visitId,
                timepoint,
                sbp: numberOrUndefined(data.get('sbp')),
                dbp: numberOrUndefined(data.get('dbp')),
                heartRate: numberOrUndefined(data.get('heartRate')),
                spo2: numberOrUndefined(data.get('spo2')),
              },
              options,
            ),
          `${timepointLabel(timepoint)} vitals recorded.`,
        );
        if (saved) form.reset();
      }}
    >
      <StatusAlert message={message} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {isPre ? (
          <input type="hidden" name="timepoint" value="PRE" />
        ) : (
          <Field label="Timepoint" error={fieldErrors.timepoint} required id="vitals-timepoint">
            <select
              id="vitals-timepoint"
              name="timepoint"
              className="block min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base sm:text-sm"
              defaultValue={timepoints[0]}
            >
              {timepoints.map((code) => (
                <option key={code} value={code}>
                  {timepointLabel(code)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Systolic BP (mmHg)" error={fieldErrors.sbp} required={isPre}>
          <Input name="sbp" type="number" inputMode="numeric" min={50} max={300} />
        </Field>
        <Field label="Diastolic BP (mmHg)" error={fieldErrors.dbp} required={isPre}>
          <Input name="dbp" type="number" inputMode="numeric" min={20} max={200} />
        </Field>
        <Field label="Heart rate (bpm)" error={fieldErrors.heartRate} required={isPre}>
          <Input name="heartRate" type="number" inputMode="numeric" min={20} max={250} />
        </Field>
        <Field label="SpO2 (%)" error={fieldErrors.spo2} required={isPre}>
          <Input name="spo2" type="number" inputMode="numeric" min={50} max={100} />
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
  return (
    <form
      method="post"
      noValidate
      aria-label="Override the hold"
      className="mt-3 flex flex-col gap-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        await run(
          () => overrideHoldAction({ visitId, reason: textOf(data.get('reason')) }),
          'Hold overridden; the infusion may go ahead.',
        );
      }}
    >
      <StatusAlert message={message} />
      <Field label="Reason to go ahead despite the hold" error={fieldErrors.reason} required>
        <Textarea name="reason" rows={2} />
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
