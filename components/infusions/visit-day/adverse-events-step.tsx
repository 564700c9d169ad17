'use client';

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
import { textOf, useActionRunner } from '@/components/ui/form/use-action-runner';
import { StatusAlert } from './step-frame';
import type { AdverseEventView, VisitDayView } from './types';

/** Onset left empty means now; a date without a time is incomplete (the schema reports it). */
function onsetInstant(date: string, time: string, timeZone: string): string {
  if (date === '' && time === '') return new Date().toISOString();
  return toInstant(date, time, timeZone) ?? '';
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

export function AdverseEventsStep({ visit, canRecord }: { visit: VisitDayView; canRecord: boolean }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  return (
    <div className="flex flex-col gap-4">
      <AdverseEventList events={visit.adverseEvents} timeZone={visit.timeZone} />
      {canRecord && visit.checkIn ? (
        <form
          method="post"
          noValidate
          aria-label="Add an adverse event"
          className="flex flex-col gap-4 rounded-md border border-slate-200 p-4"
          onSubmit={async (event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const data = new FormData(form);
            const saved = await run(
              (options) =>
                recordAdverseEventAction(
                  {
                    visitId: visit.visitId,
                    term: textOf(data.get('term')),
                    grade: Number(data.get('grade')) || Number.NaN,
                    isSerious:
                      data.get('isSerious') === 'yes'
                        ? true
                        : data.get('isSerious') === 'no'
                          ? false
                          : (undefined as unknown as boolean),
                    relatedness: textOf(data.get('relatedness')) as AdverseEventInput['relatedness'],
                    actionTaken: textOf(data.get('actionTaken')) as AdverseEventInput['actionTaken'],
                    outcome: textOf(data.get('outcome')) as AdverseEventInput['outcome'],
                    onsetAt: onsetInstant(textOf(data.get('onsetDate')), textOf(data.get('onsetTime')), visit.timeZone),
                  },
                  options,
                ),
              'Adverse event recorded.',
            );
            if (saved) form.reset();
          }}
        >
          <h3 className="text-sm font-semibold text-slate-900">Add an adverse event</h3>
          <StatusAlert message={message} />
          <div className="grid gap-4 md:grid-cols-2">
            <Field
              label="Term"
              hint="CTCAE term where possible, e.g. Dissociation, Nausea"
              error={fieldErrors.term}
              required
            >
              <Input name="term" autoComplete="off" maxLength={200} />
            </Field>
            <Field label="CTCAE grade" error={fieldErrors.grade} required>
              <Select
                name="grade"
                placeholder="Choose a grade"
                defaultValue=""
                options={CTCAE_GRADES.map((grade) => ({
                  value: String(grade.value),
                  label: `${grade.label}: ${grade.description}`,
                }))}
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
                    <input type="radio" name="isSerious" value={value} className="size-5 accent-brand-600" />
                    {value === 'yes' ? 'Yes' : 'No'}
                  </label>
                ))}
              </div>
              {fieldErrors.isSerious ? (
                <p className="text-sm font-medium text-red-700">{fieldErrors.isSerious}</p>
              ) : null}
            </fieldset>
            <Field label="Relatedness" error={fieldErrors.relatedness} required>
              <Select
                name="relatedness"
                placeholder="Choose"
                defaultValue=""
                options={optionsOf(AE_RELATEDNESS_LABELS)}
              />
            </Field>
            <Field label="Action taken" error={fieldErrors.actionTaken} required>
              <Select name="actionTaken" placeholder="Choose" defaultValue="" options={optionsOf(AE_ACTION_LABELS)} />
            </Field>
            <Field label="Outcome" error={fieldErrors.outcome} required>
              <Select name="outcome" placeholder="Choose" defaultValue="" options={optionsOf(AE_OUTCOME_LABELS)} />
            </Field>
            <Field label="Onset date" error={fieldErrors.onsetAt}>
              <Input name="onsetDate" type="date" />
            </Field>
            <Field label="Onset time" hint="Clinic time; leave date and time empty for now">
              <Input name="onsetTime" type="time" step={60} />
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
