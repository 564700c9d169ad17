'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { addClosureAction, removeClosureAction } from '@/app/(app)/admin/clinic/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { useActionRunner } from '@/components/ui/form/use-action-runner';
import type { closureAddSchema } from '@/lib/validations/infusions';
import { StatusAlert } from './visit-day/step-frame';

type ClosureRow = { id: string; date: string; reason: string };

/** Days the clinic is closed: add with a reason, remove when plans change. */
export function ClinicClosures({ closures }: { closures: ClosureRow[] }) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  const [removing, setRemoving] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<{ date: string; reason: string }, unknown, z.output<typeof closureAddSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/infusions').then((m) => m.closureAddSchema)),
    defaultValues: { date: '', reason: '' },
  });
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
        onSubmit={handleSubmit(async (values) => {
          const saved = await run(
            (options) => addClosureAction(values, options),
            (result) =>
              result.affectedVisitIds.length > 0
                ? `Closure added. ${result.affectedVisitIds.length} booked visit(s) on that day stay booked and must be moved.`
                : 'Closure added.',
          );
          if (saved) reset();
        })}
      >
        <Field label="Closed on" error={errors.date?.message ?? fieldErrors.date} required>
          <Input type="date" {...register('date')} />
        </Field>
        <Field label="Reason" error={errors.reason?.message ?? fieldErrors.reason} required>
          <Input placeholder="e.g. Thanksgiving" maxLength={120} {...register('reason')} />
        </Field>
        <Button type="submit" loading={pending && removing === null}>
          Add closure
        </Button>
      </form>
    </div>
  );
}
