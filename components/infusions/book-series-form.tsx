'use client';

import { useRouter } from 'next/navigation';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { bookSeriesAction, checkSeriesAction, previewSeriesAction } from '@/app/(app)/enrollments/actions';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { formatDayLabel, isIsoDate, weekdayName } from '@/lib/scheduling/local-date';
import type { SessionSummary } from '@/lib/scheduling/session-policy';
import type { SchedulePreviewInput } from '@/lib/validations/scheduling';
import { conflictsOf, type Conflict } from './conflicts';
import { errorText, toClinicWall, toInstant } from './form-helpers';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type ChairOption = { id: string; name: string };
/** chairId null: a perioperative or inpatient session, booked without a chair. */
type ProposedRow = { sessionNumber: number; date: string; time: string; chairId: string | null };
type BookPayload = { visits: Array<{ sessionNumber: number; scheduledAt: string; chairId: string | null }> };
type PreviewFormValues = { startDate: string; preferredDays?: number[]; preferredTime?: string };

type Props = {
  enrollmentId: string;
  timeZone: string;
  openDays: number[];
  chairs: ChairOption[];
  sessionCount: number;
  /** Where the arm's sessions take place; a no-chair session shows its setting instead of a chair picker. */
  session: SessionSummary;
  /** Suggested start: the next clinic Monday (or open day). */
  defaultStartDate: string;
};

function rowsFrom(
  visits: Array<{ sessionNumber: number; scheduledAt: string | Date; chairId: string | null }>,
  timeZone: string,
): ProposedRow[] {
  return visits
    .map((visit) => {
      const iso = typeof visit.scheduledAt === 'string' ? visit.scheduledAt : visit.scheduledAt.toISOString();
      return { sessionNumber: visit.sessionNumber, ...toClinicWall(iso, timeZone), chairId: visit.chairId };
    })
    .sort((a, b) => a.sessionNumber - b.sessionNumber);
}

/**
 * Propose → adjust → check → book. The proposal comes from the server's series generator;
 * every row stays editable, and booking is all-or-nothing: a conflict books nothing and is
 * shown next to its session.
 */
export function BookSeriesForm({
  enrollmentId,
  timeZone,
  openDays,
  chairs,
  sessionCount,
  session,
  defaultStartDate,
}: Props) {
  const incompleteMessage = session.needsChair
    ? 'Give every session a date, a time (HH:mm) and a chair.'
    : 'Give every session a date and a time (HH:mm).';
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [rows, setRows] = useState<ProposedRow[] | null>(null);
  const [problems, setProblems] = useState<Conflict[]>([]);
  const [checkedClean, setCheckedClean] = useState(false);
  const [status, setStatus] = useState<{ tone: 'success' | 'error' | 'warning'; message: string } | null>(null);
  const [busy, setBusy] = useState<'check' | 'book' | null>(null);

  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<PreviewFormValues, unknown, SchedulePreviewInput>({
    resolver: schemaResolver(() => import('@/lib/validations/scheduling').then((m) => m.schedulePreviewSchema)),
    defaultValues: { startDate: defaultStartDate, preferredDays: undefined, preferredTime: undefined },
  });

  const propose = handleSubmit(async (values) => {
    setStatus(null);
    setCheckedClean(false);
    const result = await previewSeriesAction({ enrollmentId, ...values });
    if (!result.ok) {
      setStatus({ tone: 'error', message: errorText(result.error) });
      return;
    }
    setRows(rowsFrom(result.data.visits, timeZone));
    setProblems(result.data.problems ?? []);
    setCheckedClean((result.data.problems ?? []).length === 0);
  });

  /** The rows as the action's input; the sessions whose time never showed on the clinic clock; or null while incomplete. */
  function payload(): BookPayload | { refused: Conflict[] } | null {
    if (!rows) return null;
    const visits: BookPayload['visits'] = [];
    const refused: Conflict[] = [];
    for (const row of rows) {
      const scheduledAt = toInstant(row.date, row.time, timeZone);
      if (!scheduledAt || (session.needsChair && !row.chairId)) return null;
      if (scheduledAt.ok)
        visits.push({
          sessionNumber: row.sessionNumber,
          scheduledAt: scheduledAt.iso,
          chairId: session.needsChair ? row.chairId : null,
        });
      else refused.push({ sessionNumber: row.sessionNumber, code: 'NONEXISTENT_TIME', message: scheduledAt.message });
    }
    return refused.length > 0 ? { refused } : { visits };
  }

  /** payload(), or null after saying what is missing or marking the sessions whose time never existed. */
  function sendablePayload() {
    const body = payload();
    if (!body) {
      setStatus({ tone: 'error', message: incompleteMessage });
      return null;
    }
    if ('refused' in body) {
      setProblems(body.refused);
      setCheckedClean(false);
      setStatus({
        tone: 'error',
        message: 'Some session times never show on the clinic clock; see the messages next to them.',
      });
      return null;
    }
    return body;
  }

  function updateRow(sessionNumber: number, change: Partial<ProposedRow>) {
    setCheckedClean(false);
    setStatus(null);
    setRows(
      (current) => current?.map((row) => (row.sessionNumber === sessionNumber ? { ...row, ...change } : row)) ?? null,
    );
  }

  async function recheck() {
    const body = sendablePayload();
    if (!body) return;
    setBusy('check');
    setStatus(null);
    const result = await checkSeriesAction({ enrollmentId, ...body });
    setBusy(null);
    if (!result.ok) {
      setStatus({ tone: 'error', message: errorText(result.error) });
      return;
    }
    setProblems(result.data.conflicts);
    setCheckedClean(result.data.conflicts.length === 0);
    setStatus(
      result.data.conflicts.length === 0
        ? {
            tone: 'success',
            message: session.needsChair
              ? 'Every session fits: chairs free, clinic open, intervals within the protocol.'
              : 'Every session fits: clinic open on the start day, intervals within the protocol.',
          }
        : { tone: 'warning', message: 'Some sessions need attention; see the messages next to them.' },
    );
  }

  async function book() {
    const body = sendablePayload();
    if (!body) return;
    setBusy('book');
    setStatus(null);
    const result = await withSubmissionKey((options) => bookSeriesAction({ enrollmentId, ...body }, options));
    setBusy(null);
    if (result.ok) {
      setRows(null);
      setProblems([]);
      setStatus({ tone: 'success', message: `Series booked: ${body.visits.length} sessions.` });
      router.refresh();
      return;
    }
    const conflicts = conflictsOf(result.error);
    setProblems(conflicts);
    setCheckedClean(false);
    setStatus({
      tone: 'error',
      message:
        conflicts.length > 0
          ? `${result.error.message} Nothing was booked; fix the sessions marked below and book again.`
          : errorText(result.error),
    });
  }

  const problemsBySession = new Map<number, Conflict[]>();
  const generalProblems: Conflict[] = [];
  for (const problem of problems) {
    if (rows?.some((row) => row.sessionNumber === problem.sessionNumber)) {
      problemsBySession.set(problem.sessionNumber, [...(problemsBySession.get(problem.sessionNumber) ?? []), problem]);
    } else {
      generalProblems.push(problem);
    }
  }
  const dayOptions = [...openDays].sort((a, b) => a - b);

  return (
    <div className="flex flex-col gap-6">
      <form method="post" onSubmit={propose} noValidate aria-label="Propose a series" className="flex flex-col gap-4">
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Start date" error={errors.startDate?.message} required>
            <Input type="date" {...register('startDate')} />
          </Field>
          <Field
            label="Preferred time"
            hint="Clinic time, 24-hour. Leave empty for the first free slot."
            error={errors.preferredTime?.message}
          >
            <Input
              type="time"
              step={60}
              {...register('preferredTime', { setValueAs: (value: string) => (value ? value : undefined) })}
            />
          </Field>
          <Controller
            control={control}
            name="preferredDays"
            render={({ field }) => {
              const selected = field.value ?? [];
              return (
                <fieldset className="flex flex-col gap-2">
                  <legend className="text-sm font-medium text-slate-900">Preferred days</legend>
                  <div className="flex flex-wrap gap-x-4 gap-y-2">
                    {dayOptions.map((day) => (
                      <label key={day} className="inline-flex min-h-9 items-center gap-2 text-sm text-slate-900">
                        <input
                          type="checkbox"
                          className="size-5 rounded border-slate-400 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                          checked={selected.includes(day)}
                          onChange={(event) => {
                            const next = event.target.checked
                              ? [...selected, day].sort((a, b) => a - b)
                              : selected.filter((value) => value !== day);
                            field.onChange(next.length > 0 ? next : undefined);
                          }}
                          onBlur={field.onBlur}
                        />
                        {weekdayName(day)}
                      </label>
                    ))}
                  </div>
                  {errors.preferredDays?.message ? (
                    <p className="text-sm font-medium text-red-700">{errors.preferredDays.message}</p>
                  ) : null}
                </fieldset>
              );
            }}
          />
        </div>
        <div>
          <Button type="submit" loading={isSubmitting}>
            Propose
          </Button>
        </div>
      </form>

      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}

      {rows ? (
        <section aria-labelledby="proposal-heading" className="flex flex-col gap-4">
          <div>
            <h3 id="proposal-heading" className="text-base font-semibold text-slate-900">
              Proposed sessions ({rows.length} of {sessionCount})
            </h3>
            <p className="text-sm text-slate-600">
              Times are clinic time ({timeZone}). Change any row, then check again before booking.
            </p>
            {session.needsChair ? null : (
              <p className="mt-1 text-sm text-slate-800">
                <Badge tone="info">{session.description}</Badge> The time is when study staff admit the participant; the
                stay runs on past closing.
              </p>
            )}
          </div>
          {generalProblems.length > 0 ? (
            <Alert tone="warning" title="The proposal is incomplete">
              <ul className="list-disc pl-5">
                {generalProblems.map((problem, index) => (
                  <li key={`${problem.code}-${index}`}>{problem.message}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <ol aria-label="Proposed sessions" className="flex flex-col gap-3">
            {rows.map((row) => {
              const rowProblems = problemsBySession.get(row.sessionNumber) ?? [];
              const problemId = `session-${row.sessionNumber}-problems`;
              return (
                <li
                  key={row.sessionNumber}
                  aria-label={`Session ${row.sessionNumber}`}
                  className={
                    rowProblems.length > 0
                      ? 'rounded-md border border-red-300 bg-red-50 p-3'
                      : 'rounded-md border border-slate-200 bg-white p-3'
                  }
                >
                  <div className="grid items-end gap-3 sm:grid-cols-[8rem_1fr_1fr_1fr]">
                    <p className="text-sm font-semibold text-slate-900">
                      Session {row.sessionNumber}
                      {isIsoDate(row.date) ? (
                        <span className="block text-xs font-normal text-slate-600">{formatDayLabel(row.date)}</span>
                      ) : null}
                    </p>
                    <Field label={`Date of session ${row.sessionNumber}`}>
                      <Input
                        type="date"
                        value={row.date}
                        aria-describedby={rowProblems.length > 0 ? problemId : undefined}
                        onChange={(event) => updateRow(row.sessionNumber, { date: event.target.value })}
                      />
                    </Field>
                    <Field label={`Time of session ${row.sessionNumber}`}>
                      <Input
                        type="time"
                        step={60}
                        value={row.time}
                        onChange={(event) => updateRow(row.sessionNumber, { time: event.target.value })}
                      />
                    </Field>
                    {session.needsChair ? (
                      <Field label={`Chair for session ${row.sessionNumber}`}>
                        <Select
                          value={row.chairId ?? ''}
                          placeholder="Choose a chair"
                          options={chairs.map((chair) => ({ value: chair.id, label: chair.name }))}
                          onChange={(event) => updateRow(row.sessionNumber, { chairId: event.target.value })}
                        />
                      </Field>
                    ) : (
                      <p className="text-sm text-slate-800">{session.description}</p>
                    )}
                  </div>
                  {rowProblems.length > 0 ? (
                    <ul id={problemId} className="mt-2 flex flex-col gap-1 text-sm font-medium text-red-800">
                      {rowProblems.map((problem, index) => (
                        <li key={`${problem.code}-${index}`}>
                          <Badge tone="danger" className="mr-2">
                            Conflict
                          </Badge>
                          {problem.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={recheck} loading={busy === 'check'} disabled={busy !== null}>
              Check again
            </Button>
            <Button onClick={book} loading={busy === 'book'} disabled={busy !== null}>
              Book series
            </Button>
            {checkedClean ? <span className="self-center text-sm text-emerald-800">No conflicts found.</span> : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}
