'use client';

import { useForm } from 'react-hook-form';
import { recordAdverseEventAction } from '@/app/(app)/visits/actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { AdverseEventInput } from '@/lib/validations/infusions';
import { formatInZone, toInstant } from '../form-helpers';
import {
  AE_ACTION_LABELS,
  AE_OUTCOME_LABELS,
  AE_RELATEDNESS_LABELS,
  CTCAE_GRADES,
  gradeLabel,
  optionsOf,
} from '../labels';
import { messageOf, schemaResolver } from '@/components/ui/form/schema-resolver';
import { useActionRunner } from '@/components/ui/form/use-action-runner';
import { StatusAlert } from './step-frame';
import type { AdverseEventView, VisitDayView } from './types';

/**
 * Onset left empty means now; a date without a time is incomplete (the schema reports it); a time that
 * never showed on the clinic clock is refused at the onset field.
 */
function onsetInstant(date: string, time: string, timeZone: string, refuse: (field: string, message: string) => void) {
  if (date === '' && time === '') return new Date().toISOString();
  const instant = toInstant(date, time, timeZone);
  if (instant && !instant.ok) refuse('onsetAt', instant.message);
  return instant?.ok ? instant.iso : '';
}

export function AdverseEventList({ events, timeZone }: { events: AdverseEventView[]; timeZone: string }) {
  if (events.length === 0) return <p className="text-sm text-slate-700">No adverse events recorded for this visit.</p>;
  return (
    <ul aria-label="Adverse events" className="flex flex-col gap-2">
      {events.map((event) => (
        <li
          key={event.id}
          className={
            event.isSerious
              ? 'rounded-md border border-red-300 bg-red-50 p-3 text-sm'
              : 'rounded-md border border-slate-200 p-3 text-sm'
          }
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-semibold text-slate-900">{event.term}</span>
            <Badge tone={event.grade >= 3 ? 'danger' : 'warning'}>{gradeLabel(event.grade)}</Badge>
            {event.isSerious ? <Badge tone="danger">Serious</Badge> : <Badge tone="neutral">Not serious</Badge>}
          </div>
          <p className="mt-1 text-slate-700">
            {AE_RELATEDNESS_LABELS[event.relatedness]} · Action: {AE_ACTION_LABELS[event.actionTaken]} · Outcome:{' '}
            {AE_OUTCOME_LABELS[event.outcome]} · Onset{' '}
            <time dateTime={event.onsetAt}>{formatInZone(event.onsetAt, timeZone)}</time>
          </p>
          <p className="text-xs text-slate-600">
            Reported by {event.by} at <time dateTime={event.at}>{formatInZone(event.at, timeZone)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

type AdverseEventValues = {
  term: string;
  grade: string;
  isSerious: string;
  relatedness: string;
  actionTaken: string;
  outcome: string;
  onsetDate: string;
  onsetTime: string;
};

const EMPTY_EVENT: AdverseEventValues = {
  term: '',
  grade: '',
  isSerious: '',
  relatedness: '',
  actionTaken: '',
  outcome: '',
  onsetDate: '',
  onsetTime: '',
};

export function AdverseEventsStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<AdverseEventValues, unknown, AdverseEventInput>({
    // An unanswered choice stays missing, so the schema names what to choose.
    resolver: schemaResolver(
      () => import('@/lib/validations/infusions').then((m) => m.adverseEventSchema),
      (values: AdverseEventValues, refuse) => ({
        term: values.term.trim(),
        grade: Number(values.grade) || Number.NaN,
        isSerious: values.isSerious === 'yes' ? true : values.isSerious === 'no' ? false : undefined,
        relatedness: values.relatedness,
        actionTaken: values.actionTaken,
        outcome: values.outcome,
        onsetAt: onsetInstant(values.onsetDate.trim(), values.onsetTime.trim(), visit.timeZone, refuse),
      }),
    ),
    defaultValues: EMPTY_EVENT,
  });
  return (
    <div className="flex flex-col gap-4">
      <AdverseEventList events={visit.adverseEvents} timeZone={visit.timeZone} />
      {canRecord && visit.checkIn ? (
        <form
          method="post"
          noValidate
          aria-label="Add an adverse event"
          className="flex flex-col gap-4 rounded-md border border-slate-200 p-4"
          onSubmit={handleSubmit(async (values) => {
            const saved = await run(
              (options) => recordAdverseEventAction({ visitId: visit.visitId, ...values }, options),
              'Adverse event recorded.',
            );
            if (saved) reset();
          })}
        >
          <h3 className="text-sm font-semibold text-slate-900">Add an adverse event</h3>
          <StatusAlert message={message} />
          <div className="grid gap-4 md:grid-cols-2">
            <Field
              label="Term"
              hint="CTCAE term where possible, e.g. Dissociation, Nausea"
              error={errors.term?.message ?? fieldErrors.term}
              required
            >
              <Input autoComplete="off" maxLength={200} {...register('term')} />
            </Field>
            <Field label="CTCAE grade" error={errors.grade?.message ?? fieldErrors.grade} required>
              <Select
                placeholder="Choose a grade"
                options={CTCAE_GRADES.map((grade) => ({
                  value: String(grade.value),
                  label: `${grade.label}: ${grade.description}`,
                }))}
                {...register('grade')}
              />
            </Field>
            <fieldset className="flex flex-col gap-2">
              <legend className="text-sm font-medium text-slate-900">
                Serious adverse event
                <span aria-hidden="true" className="ml-0.5 text-red-700">
                  *
                </span>
              </legend>
              <div className="flex gap-6">
                {(['yes', 'no'] as const).map((value) => (
                  <label key={value} className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-900">
                    <input type="radio" value={value} className="size-5 accent-brand-600" {...register('isSerious')} />
                    {value === 'yes' ? 'Yes' : 'No'}
                  </label>
                ))}
              </div>
              {(errors.isSerious?.message ?? fieldErrors.isSerious) ? (
                <p className="text-sm font-medium text-red-700">{errors.isSerious?.message ?? fieldErrors.isSerious}</p>
              ) : null}
            </fieldset>
            <Field label="Relatedness" error={errors.relatedness?.message ?? fieldErrors.relatedness} required>
              <Select placeholder="Choose" options={optionsOf(AE_RELATEDNESS_LABELS)} {...register('relatedness')} />
            </Field>
            <Field label="Action taken" error={errors.actionTaken?.message ?? fieldErrors.actionTaken} required>
              <Select placeholder="Choose" options={optionsOf(AE_ACTION_LABELS)} {...register('actionTaken')} />
            </Field>
            <Field label="Outcome" error={errors.outcome?.message ?? fieldErrors.outcome} required>
              <Select placeholder="Choose" options={optionsOf(AE_OUTCOME_LABELS)} {...register('outcome')} />
            </Field>
            <Field label="Onset date" error={messageOf(errors, 'onsetAt') ?? fieldErrors.onsetAt}>
              <Input type="date" {...register('onsetDate')} />
            </Field>
            <Field label="Onset time" hint={`Clinic time (${visit.timeZone}); leave date and time empty for now`}>
              <Input type="time" step={60} {...register('onsetTime')} />
            </Field>
          </div>
          <div>
            <Button type="submit" loading={pending}>
              Add adverse event
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
