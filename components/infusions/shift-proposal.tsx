'use client';

import { type Resolver, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { applyShiftsAction } from '@/app/(app)/enrollments/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useActionRunner } from '@/components/ui/form/use-action-runner';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import type { applyShiftsSchema } from '@/lib/validations/infusions';
import type { Conflict } from './conflicts';
import { StatusAlert } from './visit-day/step-frame';

// The later sessions a move pushed out of place, with the reason for moving them: shown after a
// move (./participant-visits.tsx), so its code and react-hook-form load then, not with the page.

export type Shift = {
  visitId: string;
  sessionNumber: number;
  version: number;
  /** chairId null: a perioperative or inpatient session, moved without a chair. */
  from: { scheduledAt: string; chairId: string | null };
  to: { scheduledAt: string; chairId: string | null; localDate: string; localTime: string };
};

// Loaded on demand (schemaResolver), so zod is not in the schedule page's first load.
const shiftReasonResolver: Resolver<
  { reason: string },
  unknown,
  Pick<z.output<typeof applyShiftsSchema>, 'reason'>
> = schemaResolver(() => import('@/lib/validations/infusions').then((m) => m.applyShiftsSchema.pick({ reason: true })));

export function ShiftProposal({
  enrollmentId,
  shifts,
  problems,
  chairName,
}: {
  enrollmentId: string;
  shifts: Shift[];
  problems: Conflict[];
  chairName: (id: string | null) => string;
}) {
  const { run, pending, message, fieldErrors } = useActionRunner();
  // Only the reason is typed here; the shifts themselves are the server's proposal and it re-checks them.
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<{ reason: string }, unknown, Pick<z.output<typeof applyShiftsSchema>, 'reason'>>({
    resolver: shiftReasonResolver,
    defaultValues: { reason: 'Follows the rescheduled session' },
  });
  return (
    <Alert tone="warning" title="Later sessions no longer fit">
      {shifts.length > 0 ? (
        <form
          method="post"
          noValidate
          aria-label="Proposed shifts"
          className="mt-2 flex flex-col gap-3"
          onSubmit={handleSubmit(async ({ reason }) => {
            await run(
              () =>
                applyShiftsAction({
                  enrollmentId,
                  reason,
                  shifts: shifts.map((shift) => ({
                    visitId: shift.visitId,
                    scheduledAt: shift.to.scheduledAt,
                    chairId: shift.to.chairId,
                    version: shift.version,
                  })),
                }),
              (data) => `${data.moved} later session(s) moved.`,
            );
          })}
        >
          <ul className="flex flex-col gap-1">
            {shifts.map((shift) => (
              <li key={shift.visitId}>
                Session {shift.sessionNumber}: {formatDayLabel(shift.to.localDate)} {shift.to.localTime},{' '}
                {chairName(shift.to.chairId)}
              </li>
            ))}
          </ul>
          <StatusAlert message={message} />
          <Field
            label="Reason for moving the later sessions"
            error={errors.reason?.message ?? fieldErrors.reason}
            required
          >
            <Input {...register('reason')} />
          </Field>
          <div>
            <Button type="submit" loading={pending}>
              Accept proposed shifts
            </Button>
          </div>
        </form>
      ) : null}
      {problems.length > 0 ? (
        <ul className="mt-2 list-disc pl-5">
          {problems.map((problem, index) => (
            <li key={`${problem.sessionNumber}-${index}`}>
              Session {problem.sessionNumber}: {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
