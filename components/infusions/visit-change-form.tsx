'use client';

import { type Resolver, useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { messageOf, schemaResolver } from '@/components/ui/form/schema-resolver';
import type { FieldErrorMap } from '@/components/ui/form/use-action-runner';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { needsChair } from '@/lib/scheduling/session-policy';
import type { VisitRescheduleInput, VisitStatusChangeInput } from '@/lib/validations/infusions';
import type { VisitDto } from '@/lib/visits/types';
import { toInstant } from './form-helpers';

export type Mode = 'reschedule' | 'missed' | 'cancel';

type VisitChangeValues = { date: string; time: string; chairId: string; reason: string };
type VisitChangeOutput = VisitRescheduleInput | VisitStatusChangeInput;

/** Reschedule, mark missed or cancel one visit; the schema is the server action's for that change. */
export function VisitChangeForm({
  mode,
  visit,
  timeZone,
  chairs,
  pending,
  fieldErrors,
  onSubmit,
}: {
  mode: Mode;
  visit: VisitDto;
  timeZone: string;
  chairs: Array<{ id: string; name: string }>;
  pending: boolean;
  fieldErrors: FieldErrorMap;
  onSubmit: (values: VisitChangeOutput) => Promise<void>;
}) {
  const resolver: Resolver<VisitChangeValues, unknown, VisitChangeOutput> =
    mode === 'reschedule'
      ? schemaResolver(
          () => import('@/lib/validations/infusions').then((m) => m.visitRescheduleSchema),
          (values: VisitChangeValues, refuse) => {
            const chairId = values.chairId.trim();
            const instant = toInstant(values.date.trim(), values.time.trim(), timeZone);
            if (instant && !instant.ok) refuse('scheduledAt', instant.message);
            return {
              scheduledAt: instant?.ok ? instant.iso : '',
              ...(chairId ? { chairId } : {}),
              reason: values.reason,
              version: visit.version,
            };
          },
        )
      : schemaResolver(
          () => import('@/lib/validations/infusions').then((m) => m.visitStatusChangeSchema),
          (values: VisitChangeValues) => ({
            reason: values.reason,
            version: visit.version,
          }),
        );
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<VisitChangeValues, unknown, VisitChangeOutput>({
    resolver,
    defaultValues: { date: visit.localDate, time: visit.localTime, chairId: visit.chairId ?? '', reason: '' },
  });
  return (
    <form
      method="post"
      noValidate
      aria-label={
        mode === 'reschedule'
          ? `Reschedule session ${visit.sessionNumber}`
          : mode === 'missed'
            ? `Mark session ${visit.sessionNumber} missed`
            : `Cancel session ${visit.sessionNumber}`
      }
      className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3"
      onSubmit={handleSubmit(onSubmit)}
    >
      {mode === 'reschedule' ? (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="New date" error={messageOf(errors, 'scheduledAt') ?? fieldErrors.scheduledAt} required>
            <Input type="date" {...register('date')} />
          </Field>
          <Field label="New time" hint="Clinic time" required>
            <Input type="time" step={60} {...register('time')} />
          </Field>
          {needsChair(visit.sessionKind) ? (
            <Field label="Chair" error={errors.chairId?.message ?? fieldErrors.chairId}>
              <Select
                placeholder="Keep a free chair"
                options={chairs.map((chair) => ({ value: chair.id, label: chair.name }))}
                {...register('chairId')}
              />
            </Field>
          ) : (
            <p className="self-end text-sm text-slate-800">{visit.sessionDescription}</p>
          )}
        </div>
      ) : null}
      <Field label="Reason" error={errors.reason?.message ?? fieldErrors.reason} required>
        <Textarea rows={2} {...register('reason')} />
      </Field>
      <div>
        <Button type="submit" loading={pending} variant={mode === 'cancel' ? 'danger' : 'primary'}>
          {mode === 'reschedule' ? 'Move visit' : mode === 'missed' ? 'Confirm missed' : 'Confirm cancellation'}
        </Button>
      </div>
    </form>
  );
}
