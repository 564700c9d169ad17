'use client';

import { checkInAction } from '@/app/(app)/visits/actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { optionsOf, PREGNANCY_TEST_LABELS } from '../labels';
import { useActionRunner } from '../use-action-state';
import { StatusAlert } from './step-frame';
import type { VisitDayView } from './types';

const PREGNANCY_OPTIONS = optionsOf(PREGNANCY_TEST_LABELS).filter((option) => option.value !== 'NOT_REQUIRED');

/** The check-in safety checklist; every item must be confirmed before vitals. */
export function CheckInStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();

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
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        await run(
          (options) =>
            checkInAction(
              {
                visitId: visit.visitId,
                isDriverConfirmed: data.get('isDriverConfirmed') === 'on',
                hasNoNewExclusion: data.get('hasNoNewExclusion') === 'on',
                pregnancyTest: visit.isPregnancyTestRequired
                  ? (data.get('pregnancyTest') as 'NEGATIVE' | 'POSITIVE' | '') || undefined
                  : 'NOT_REQUIRED',
              },
              options,
            ),
          'Checked in.',
        );
      }}
    >
      <StatusAlert message={message} />
      <Checkbox
        name="isDriverConfirmed"
        label="An adult driver is confirmed to take the participant home"
        error={fieldErrors.isDriverConfirmed}
      />
      {visit.isPregnancyTestRequired ? (
        <Field label="Pregnancy test result" error={fieldErrors.pregnancyTest} required className="max-w-xs">
          <Select name="pregnancyTest" placeholder="Choose the result" options={PREGNANCY_OPTIONS} defaultValue="" />
        </Field>
      ) : null}
      <Checkbox
        name="hasNoNewExclusion"
        label="No new exclusion criterion applies since the last visit"
        error={fieldErrors.hasNoNewExclusion}
      />
      <div>
        <Button type="submit" loading={pending} size="lg">
          Check in
        </Button>
      </div>
    </form>
  );
}
