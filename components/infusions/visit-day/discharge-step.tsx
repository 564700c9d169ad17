'use client';

import { dischargeAction } from '@/app/(app)/visits/actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { Input } from '@/components/ui/input';
import { toClinicWall, todayTimeToInstant } from '../form-helpers';
import { textOf, useActionRunner } from '../use-action-state';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';

/** Discharge needs the adult driver present; a visit without an infusion needs the reason. */
export function DischargeStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  if (visit.discharge) {
    return <p className="text-sm text-slate-900">Discharged; adult driver present: {visit.discharge.isDriverPresent ? 'yes' : 'no'}.</p>;
  }
  if (!canRecord) return <p className="text-sm text-slate-700">A clinician discharges the participant.</p>;
  if (!visit.checkIn) return <p className="text-sm text-slate-700">Check the participant in first.</p>;
  return (
    <form
      method="post"
      noValidate
      aria-label="Discharge"
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const reason = textOf(data.get('notAdministeredReason'));
        const stopTime = textOf(data.get('stopTime'));
        const needsStop = visit.administration !== null && visit.administration.stoppedAt === null;
        const stoppedAt = needsStop ? todayTimeToInstant(toClinicWall(visit.scheduledAt, visit.timeZone).date, stopTime, visit.timeZone) : null;
        await run(
          () =>
            dischargeAction({
              visitId: visit.visitId,
              isDriverPresentAtDischarge: data.get('isDriverPresentAtDischarge') === 'on',
              ...(reason ? { notAdministeredReason: reason } : {}),
              ...(stoppedAt ? { infusionStoppedAt: stoppedAt } : {}),
            }),
          'Discharged. The visit is complete.',
        );
      }}
    >
      <StatusAlert message={message} />
      <Checkbox name="isDriverPresentAtDischarge" label="The adult driver is present to take the participant home" error={fieldErrors.isDriverPresentAtDischarge} />
      {visit.administration && !visit.administration.stoppedAt ? (
        <Field label="Infusion stopped at" hint="Clinic time; leave empty for now" error={fieldErrors.infusionStoppedAt} className="max-w-xs">
          <Input name="stopTime" type="time" step={60} />
        </Field>
      ) : null}
      {!visit.administration ? (
        <Field label="Why no infusion was given" error={fieldErrors.notAdministeredReason} required>
          <Textarea name="notAdministeredReason" rows={2} />
        </Field>
      ) : null}
      <div>
        <Button type="submit" loading={pending} size="lg">
          Discharge
        </Button>
      </div>
    </form>
  );
}
