'use client';

import { useState } from 'react';
import { recordAdministrationAction } from '@/app/(app)/visits/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { WasteForm } from '@/components/drug-inventory/waste-form';
import { formatInZone, toClinicWall, todayTimeToInstant } from '../form-helpers';
import { numberOrUndefined, textOf, useActionRunner } from '@/components/ui/form/use-action-runner';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';
import { VitalsForm, VitalsTable } from './vitals-step';

/** What was given: dose (never above the verified dose), lot, start/stop; then vitals at the protocol's timepoints. */
export function AdministrationStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const [dose, setDose] = useState('');
  const [percent, setPercent] = useState('100');
  const isBlinded = visit.blinding.isBlinded;
  const verified = visit.verification?.doseMg ?? null;
  const percentValue = numberOrUndefined(percent);
  const doseValue = numberOrUndefined(dose);
  const isAboveVerified = verified !== null && doseValue !== undefined && doseValue > verified;
  const after = visit.vitals.filter((row) => row.timepoint !== 'PRE');
  const day = toClinicWall(visit.scheduledAt, visit.timeZone).date;

  return (
    <div className="flex flex-col gap-4">
      {visit.administration ? (
        <dl className="grid gap-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">Administered</dt>
            <dd className="font-semibold text-slate-900 tabular-nums">
              {visit.administration.administeredDoseMg !== null
                ? `${visit.administration.administeredDoseMg} mg`
                : visit.administration.percentGiven === 100
                  ? 'The full prepared dose'
                  : `${visit.administration.percentGiven ?? '—'} % of the prepared dose`}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Lot number</dt>
            <dd className="font-semibold text-slate-900">{visit.administration.lotNumber}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Started</dt>
            <dd className="text-slate-900">
              <time dateTime={visit.administration.startedAt}>
                {formatInZone(visit.administration.startedAt, visit.timeZone, 'time')}
              </time>
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Stopped</dt>
            <dd className="text-slate-900">
              {visit.administration.stoppedAt ? (
                <time dateTime={visit.administration.stoppedAt}>
                  {formatInZone(visit.administration.stoppedAt, visit.timeZone, 'time')}
                </time>
              ) : (
                'Running'
              )}
            </dd>
          </div>
        </dl>
      ) : !visit.verification ? (
        <p className="text-sm text-slate-700">The dose must be verified before the infusion is recorded.</p>
      ) : canRecord ? (
        <form
          method="post"
          noValidate
          aria-label="Record the administration"
          className="flex flex-col gap-4"
          onSubmit={async (event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const startedAt = todayTimeToInstant(day, textOf(data.get('startTime')), visit.timeZone);
            const stopTime = textOf(data.get('stopTime'));
            const stoppedAt = stopTime !== '' ? todayTimeToInstant(day, stopTime, visit.timeZone) : null;
            await run(
              (options) =>
                recordAdministrationAction(
                  {
                    visitId: visit.visitId,
                    ...(isBlinded
                      ? { percentGiven: percentValue ?? Number.NaN }
                      : { administeredDoseMg: doseValue ?? Number.NaN }),
                    lotNumber: textOf(data.get('lotNumber')),
                    startedAt: startedAt ?? '',
                    ...(stoppedAt ? { stoppedAt } : {}),
                  },
                  options,
                ),
              'Administration recorded.',
            );
          }}
        >
          <StatusAlert message={message} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {isBlinded ? (
              <Field
                label="Share of the prepared dose given (%)"
                hint="100 when the whole bag ran. The mg stays with the unblinded staff."
                error={fieldErrors.percentGiven}
                required
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  step="1"
                  min={1}
                  max={100}
                  value={percent}
                  onChange={(event) => setPercent(event.target.value)}
                />
              </Field>
            ) : (
              <Field
                label="Administered dose (mg)"
                hint={verified !== null ? `Verified dose: ${verified} mg. Cannot be exceeded.` : undefined}
                error={
                  fieldErrors.administeredDoseMg ??
                  (isAboveVerified ? `Above the verified dose of ${verified} mg` : undefined)
                }
                required
              >
                <Input
                  type="number"
                  inputMode="decimal"
                  step="0.1"
                  min={0}
                  max={verified ?? undefined}
                  value={dose}
                  onChange={(event) => setDose(event.target.value)}
                />
              </Field>
            )}
            <Field label="Lot number" error={fieldErrors.lotNumber} required>
              <Input name="lotNumber" autoComplete="off" maxLength={64} />
            </Field>
            <Field label="Start time" hint="Clinic time; leave empty for now" error={fieldErrors.startedAt}>
              <Input name="startTime" type="time" step={60} />
            </Field>
            <Field label="Stop time" hint="Leave empty while running" error={fieldErrors.stoppedAt}>
              <Input name="stopTime" type="time" step={60} />
            </Field>
          </div>
          <div>
            <Button type="submit" loading={pending} disabled={isAboveVerified} size="lg">
              Record administration
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-sm text-slate-700">A clinician records the infusion.</p>
      )}
      {visit.administration &&
      visit.drug?.lot &&
      visit.drug.remainder &&
      visit.drug.remainder.mustWaste &&
      !visit.drug.remainder.isWasted &&
      canRecord ? (
        <section
          aria-label="Waste the rest of the opened vial"
          className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-4"
        >
          <p className="text-sm text-slate-900">
            The opened single-dose vial of lot {visit.drug.lot.lotNumber} has {visit.drug.remainder.mg} mg left: waste
            it in front of a second clinician.
          </p>
          <WasteForm
            lotId={visit.drug.lot.id}
            onHandMg={visit.drug.remainder.mg}
            visitId={visit.visitId}
            defaultMg={visit.drug.remainder.mg}
          />
        </section>
      ) : null}
      <VitalsTable vitals={after} caption="Vitals during and after the infusion" timeZone={visit.timeZone} />
      {visit.administration && canRecord && visit.timepoints.length > 0 && !visit.discharge ? (
        <VitalsForm visitId={visit.visitId} timepoints={visit.timepoints} label="Vitals at a timepoint" />
      ) : null}
    </div>
  );
}
