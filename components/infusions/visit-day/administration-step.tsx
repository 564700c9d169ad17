'use client';

import { useForm } from 'react-hook-form';
import { recordAdministrationAction } from '@/app/(app)/visits/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { WasteForm } from '@/components/drug-inventory/waste-form';
import { formatInZone, toClinicWall, todayTimeToInstant } from '../form-helpers';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { numberOrUndefined, useActionRunner } from '@/components/ui/form/use-action-runner';
import type { AdministrationInput } from '@/lib/validations/infusions';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';
import { VitalsForm, VitalsTable } from './vitals-step';

type AdministrationValues = {
  administeredDoseMg: string;
  percentGiven: string;
  lotNumber: string;
  startedAt: string;
  stoppedAt: string;
};

/** What was given: dose (never above the verified dose), lot, start/stop; then vitals at the protocol's timepoints. */
export function AdministrationStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const isBlinded = visit.blinding.isBlinded;
  const day = toClinicWall(visit.scheduledAt, visit.timeZone).date;
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<AdministrationValues, unknown, AdministrationInput>({
    // Blinded staff record the share of the prepared dose, never mg; times are clinic wall times today.
    resolver: schemaResolver(
      () => import('@/lib/validations/infusions').then((m) => m.administrationSchema),
      (values: AdministrationValues, refuse) => {
        const started = todayTimeToInstant(day, values.startedAt.trim(), visit.timeZone);
        const stopped =
          values.stoppedAt.trim() !== '' ? todayTimeToInstant(day, values.stoppedAt.trim(), visit.timeZone) : null;
        if (started && !started.ok) refuse('startedAt', started.message);
        if (stopped && !stopped.ok) refuse('stoppedAt', stopped.message);
        const stoppedAt = stopped?.ok ? stopped.iso : null;
        return {
          ...(isBlinded
            ? { percentGiven: numberOrUndefined(values.percentGiven) ?? Number.NaN }
            : { administeredDoseMg: numberOrUndefined(values.administeredDoseMg) ?? Number.NaN }),
          lotNumber: values.lotNumber.trim(),
          startedAt: started?.ok ? started.iso : '',
          ...(stoppedAt ? { stoppedAt } : {}),
        };
      },
    ),
    defaultValues: { administeredDoseMg: '', percentGiven: '100', lotNumber: '', startedAt: '', stoppedAt: '' },
  });
  const verified = visit.verification?.doseMg ?? null;
  const doseValue = numberOrUndefined(watch('administeredDoseMg'));
  const isAboveVerified = verified !== null && doseValue !== undefined && doseValue > verified;
  const after = visit.vitals.filter((row) => row.timepoint !== 'PRE');

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
          onSubmit={handleSubmit(async (values) => {
            await run(
              (options) => recordAdministrationAction({ visitId: visit.visitId, ...values }, options),
              'Administration recorded.',
            );
          })}
        >
          <StatusAlert message={message} />
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {isBlinded ? (
              <Field
                label="Share of the prepared dose given (%)"
                hint="100 when the whole bag ran. The mg stays with the unblinded staff."
                error={errors.percentGiven?.message ?? fieldErrors.percentGiven}
                required
              >
                <Input type="number" inputMode="numeric" step="1" min={1} max={100} {...register('percentGiven')} />
              </Field>
            ) : (
              <Field
                label="Administered dose (mg)"
                hint={verified !== null ? `Verified dose: ${verified} mg. Cannot be exceeded.` : undefined}
                error={
                  errors.administeredDoseMg?.message ??
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
                  {...register('administeredDoseMg')}
                />
              </Field>
            )}
            <Field label="Lot number" error={errors.lotNumber?.message ?? fieldErrors.lotNumber} required>
              <Input autoComplete="off" maxLength={64} {...register('lotNumber')} />
            </Field>
            <Field
              label="Start time"
              hint={`Clinic time (${visit.timeZone}); leave empty for now`}
              error={errors.startedAt?.message ?? fieldErrors.startedAt}
            >
              <Input type="time" step={60} {...register('startedAt')} />
            </Field>
            <Field
              label="Stop time"
              hint="Leave empty while running"
              error={errors.stoppedAt?.message ?? fieldErrors.stoppedAt}
            >
              <Input type="time" step={60} {...register('stoppedAt')} />
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
