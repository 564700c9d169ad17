'use client';

import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { dischargeAction } from '@/app/(app)/visits/actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import { Input } from '@/components/ui/input';
import { toClinicWall, todayTimeToInstant } from '../form-helpers';
import { textOf, useActionRunner } from '@/components/ui/form/use-action-runner';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';

/**
 * Discharge needs the adult driver present; a visit without an infusion needs the reason.
 * Until the infusion has ended, monitoring has passed and post-infusion vitals (and a planned
 * CADSS) are in, the server refuses it; the page says what is missing, and a clinician may
 * discharge early with a reason, recorded as a protocol deviation.
 */
export function DischargeStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const [isEarly, setIsEarly] = useState(false);
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
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const reason = textOf(data.get('notAdministeredReason'));
        const stopTime = textOf(data.get('stopTime'));
        const needsStop = visit.administration !== null && visit.administration.stoppedAt === null;
        const stoppedAt = needsStop
          ? todayTimeToInstant(toClinicWall(visit.scheduledAt, visit.timeZone).date, stopTime, visit.timeZone)
          : null;
        await run(
          () =>
            dischargeAction({
              visitId: visit.visitId,
              isDriverPresentAtDischarge: data.get('isDriverPresentAtDischarge') === 'on',
              ...(reason ? { notAdministeredReason: reason } : {}),
              ...(stoppedAt ? { infusionStoppedAt: stoppedAt } : {}),
              ...(isEarly ? { overrideReason: textOf(data.get('overrideReason')) } : {}),
            }),
          'Discharged. The visit is complete.',
        );
      }}
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
        name="isDriverPresentAtDischarge"
        label="The adult driver is present to take the participant home"
        error={fieldErrors.isDriverPresentAtDischarge}
      />
      {visit.administration && !visit.administration.stoppedAt ? (
        <Field
          label="Infusion stopped at"
          hint="Clinic time; leave empty for now"
          error={fieldErrors.infusionStoppedAt}
          className="max-w-xs"
        >
          <Input name="stopTime" type="time" step={60} />
        </Field>
      ) : null}
      {!visit.administration ? (
        <Field label="Why no infusion was given" error={fieldErrors.notAdministeredReason} required>
          <Textarea name="notAdministeredReason" rows={2} />
        </Field>
      ) : null}
      {blockers.length > 0 ? (
        <>
          <Checkbox
            label="Discharge early: a clinician's decision, recorded as a protocol deviation"
            checked={isEarly}
            onChange={(event) => setIsEarly(event.target.checked)}
          />
          {isEarly ? (
            <Field label="Why the participant leaves early" error={fieldErrors.overrideReason} required>
              <Textarea name="overrideReason" rows={2} />
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
