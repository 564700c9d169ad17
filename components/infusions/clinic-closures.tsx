'use client';

import { useState } from 'react';
import { addClosureAction, removeClosureAction } from '@/app/(app)/admin/clinic/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { textOf, useActionRunner } from './use-action-state';
import { StatusAlert } from './visit-day/step-frame';

type ClosureRow = { id: string; date: string; reason: string };

/** Days the clinic is closed: add with a reason, remove when plans change. */
export function ClinicClosures({ closures }: { closures: ClosureRow[] }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-4">
      <StatusAlert message={message} />
      {closures.length === 0 ? (
        <p className="text-sm text-slate-700">No closures are set.</p>
      ) : (
        <ul aria-label="Closures" className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {closures.map((closure) => (
            <li key={closure.id} className="flex flex-wrap items-center justify-between gap-3 px-3 py-2 text-sm">
              <span>
                <time dateTime={closure.date} className="font-medium text-slate-900">
                  {formatDayLabel(closure.date)}
                </time>{' '}
                — {closure.reason}
              </span>
              <Button
                variant="secondary"
                size="sm"
                loading={pending && removing === closure.id}
                disabled={pending}
                aria-label={`Remove closure on ${closure.date} (${closure.reason})`}
                onClick={async () => {
                  setRemoving(closure.id);
                  await run(
                    () => removeClosureAction({ id: closure.id }),
                    `Closure on ${closure.date} removed; the day is bookable again.`,
                  );
                  setRemoving(null);
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        method="post"
        noValidate
        aria-label="Add a closure"
        className="grid items-end gap-3 sm:grid-cols-[12rem_1fr_auto]"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          const saved = await run(
            (options) =>
              addClosureAction({ date: textOf(data.get('date')), reason: textOf(data.get('reason')) }, options),
            (result) =>
              result.affectedVisitIds.length > 0
                ? `Closure added. ${result.affectedVisitIds.length} booked visit(s) on that day stay booked and must be moved.`
                : 'Closure added.',
          );
          if (saved) form.reset();
        }}
      >
        <Field label="Closed on" error={fieldErrors.date} required>
          <Input name="date" type="date" />
        </Field>
        <Field label="Reason" error={fieldErrors.reason} required>
          <Input name="reason" placeholder="e.g. Thanksgiving" maxLength={120} />
        </Field>
        <Button type="submit" loading={pending && removing === null}>
          Add closure
        </Button>
      </form>
    </div>
  );
}
