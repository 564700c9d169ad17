'use client';

import { useForm } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { dischargeAction } from '@/app/(app)/visits/actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { Input } from '@/components/ui/input';
import { toClinicWall, todayTimeToInstant } from '../form-helpers';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useActionRunner } from '@/components/ui/form/use-action-runner';
import type { DischargeInput } from '@/lib/validations/infusions';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';

type DischargeValues = {
  isDriverPresentAtDischarge: boolean;
  infusionStoppedAt: string;
  notAdministeredReason: string;
  isEarly: boolean;
  overrideReason: string;
};

/**
 * Discharge needs the adult driver present; a visit without an infusion needs the reason.
 * Until the infusion has ended, monitoring has passed and post-infusion vitals (and a planned
 * CADSS) are in, the server refuses it; the page says what is missing, and a clinician may
 * discharge early with a reason, recorded as a protocol deviation.
 */
export function DischargeStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<DischargeValues, unknown, DischargeInput>({
    resolver: schemaResolver(
      () => import('@/lib/validations/infusions').then((m) => m.dischargeSchema),
      (values: DischargeValues, refuse) => {
        const reason = values.notAdministeredReason.trim();
        // The stop time is asked (and sent) only while a recorded infusion has none; empty means now.
        const needsStop = visit.administration !== null && visit.administration.stoppedAt === null;
        const stopped = needsStop
          ? todayTimeToInstant(
              toClinicWall(visit.scheduledAt, visit.timeZone).date,
              values.infusionStoppedAt.trim(),
              visit.timeZone,
            )
          : null;
        if (stopped && !stopped.ok) refuse('infusionStoppedAt', stopped.message);
        const stoppedAt = stopped?.ok ? stopped.iso : null;
        return {
          isDriverPresentAtDischarge: values.isDriverPresentAtDischarge,
          ...(reason ? { notAdministeredReason: reason } : {}),
          ...(stoppedAt ? { infusionStoppedAt: stoppedAt } : {}),
          ...(values.isEarly ? { overrideReason: values.overrideReason.trim() } : {}),
        };
      },
    ),
    defaultValues: {
      isDriverPresentAtDischarge: false,
      infusionStoppedAt: '',
      notAdministeredReason: '',
      isEarly: false,
      overrideReason: '',
    },
  });
  const isEarly = watch('isEarly');
  if (visit.discharge) {
    return (
      <div className="flex flex-col gap-1 text-sm text-slate-900">
        <p>Discharged; adult driver present: {visit.discharge.isDriverPresent ? 'yes' : 'no'}.</p>
        {visit.discharge.overrideReason ? (
          <p>Early discharge (protocol deviation): {visit.discharge.overrideReason}</p>
        ) : null}
      </div>
    );
  }
  const blockers = visit.dischargeReadiness?.blockers ?? [];
  if (!canRecord) return <p className="text-sm text-slate-700">A clinician discharges the participant.</p>;
  if (!visit.checkIn) return <p className="text-sm text-slate-700">Check the participant in first.</p>;
  return (
    <form
      method="post"
      noValidate
      aria-label="Discharge"
      className="flex flex-col gap-4"
      onSubmit={handleSubmit(async (values) => {
        await run(() => dischargeAction({ visitId: visit.visitId, ...values }), 'Discharged. The visit is complete.');
      })}
    >
      <StatusAlert message={message} />
      {blockers.length > 0 ? (
        <Alert tone="warning" title="Not ready for discharge yet" live="none">
          <ul className="list-disc pl-5">
            {blockers.map((blocker) => (
              <li key={blocker.code}>{blocker.message}</li>
            ))}
          </ul>
        </Alert>
      ) : visit.dischargeReadiness ? (
        <Alert tone="success" live="none">
          Monitoring is over and the post-infusion checks are recorded.
        </Alert>
      ) : null}
      <Checkbox
        label="The adult driver is present to take the participant home"
        error={errors.isDriverPresentAtDischarge?.message ?? fieldErrors.isDriverPresentAtDischarge}
        {...register('isDriverPresentAtDischarge')}
      />
      {visit.administration && !visit.administration.stoppedAt ? (
        <Field
          label="Infusion stopped at"
          hint={`Clinic time (${visit.timeZone}); leave empty for now`}
          error={errors.infusionStoppedAt?.message ?? fieldErrors.infusionStoppedAt}
          className="max-w-xs"
        >
          <Input type="time" step={60} {...register('infusionStoppedAt')} />
        </Field>
      ) : null}
      {!visit.administration ? (
        <Field
          label="Why no infusion was given"
          error={errors.notAdministeredReason?.message ?? fieldErrors.notAdministeredReason}
          required
        >
          <Textarea rows={2} {...register('notAdministeredReason')} />
        </Field>
      ) : null}
      {blockers.length > 0 ? (
        <>
          <Checkbox
            label="Discharge early: a clinician's decision, recorded as a protocol deviation"
            {...register('isEarly')}
          />
          {isEarly ? (
            <Field
              label="Why the participant leaves early"
              error={errors.overrideReason?.message ?? fieldErrors.overrideReason}
              required
            >
              <Textarea rows={2} {...register('overrideReason')} />
            </Field>
          ) : null}
        </>
      ) : null}
      <div>
        <Button type="submit" loading={pending} size="lg">
          {isEarly ? 'Discharge early' : 'Discharge'}
        </Button>
      </div>
    </form>
  );
}
