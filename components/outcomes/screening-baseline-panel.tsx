'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { recordScreeningBaselineAction } from '@/app/(app)/participants/[enrollmentId]/outcomes/actions';
import { useSubmissionKey } from '@/components/forms/use-submission-key';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { Input } from '@/components/ui/input';
import type { ScreeningBaselineOffer } from '@/lib/assessments/get-screening-baseline-offer';
import type { baselineFromScreeningActionSchema } from '@/lib/validations/assessments';
import { flagLabel, formatCalendarDate } from './format';

type Props = { enrollmentId: string; offer: ScreeningBaselineOffer; timeZone: string };
type Values = { time: string };

/**
 * "Use screening PHQ-9 as baseline": a preview of what will be recorded (date, items, score as the
 * outcomes scorer gives it), the time it was taken on the clinic's clock, then an explicit confirm.
 */
export function ScreeningBaselinePanel({ enrollmentId, offer, timeZone }: Props) {
  const router = useRouter();
  const withSubmissionKey = useSubmissionKey();
  const [isPreviewing, setIsPreviewing] = useState(false);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const { screening } = offer;
  const resolver = useMemo(
    () =>
      schemaResolver(
        () => import('@/lib/validations/assessments').then((m) => m.baselineFromScreeningActionSchema),
        (values: Values) => ({
          enrollmentId,
          measurementId: screening?.measurementId ?? '',
          administeredAt: values.time ? `${screening?.measuredOn}T${values.time}` : '',
        }),
      ),
    [enrollmentId, screening],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values, unknown, ReturnType<typeof baselineFromScreeningActionSchema.parse>>({
    resolver,
    defaultValues: { time: '' },
  });
  const timeError = errors.time?.message ?? (errors as Record<string, { message?: string }>).administeredAt?.message;

  const submit = handleSubmit(async (input) => {
    setStatus(null);
    const result = await withSubmissionKey((options) => recordScreeningBaselineAction(input, options));
    if (result.ok) {
      setStatus({ tone: 'success', message: `PHQ-9 baseline recorded from screening: total ${result.data.total}.` });
      router.refresh();
      return;
    }
    const fieldMessage = result.error.fields?.administeredAt?.join(' ');
    if (fieldMessage) setError('time', { type: 'server', message: fieldMessage });
    setStatus({ tone: 'error', message: result.error.message });
  });

  if (!screening) return <p className="text-sm text-slate-700">{offer.problem}</p>;
  const window = `${formatCalendarDate(offer.window.start)} – ${formatCalendarDate(offer.window.end)}`;

  return (
    <div className="flex flex-col gap-4">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <p className="text-sm text-slate-800">
        Screening PHQ-9 of {formatCalendarDate(screening.measuredOn)}, entered item by item: total{' '}
        {screening.total ?? '—'}
        {screening.severity ? ` (${screening.severity})` : ''}. Baseline window {window}.
      </p>
      {offer.problem ? (
        <Alert tone="warning" live="none">
          {offer.problem}
        </Alert>
      ) : null}
      {!offer.problem && !isPreviewing ? (
        <div>
          <Button variant="primary" onClick={() => setIsPreviewing(true)}>
            Use screening PHQ-9 as baseline
          </Button>
        </div>
      ) : null}
      {!offer.problem && isPreviewing ? (
        <form
          method="post"
          onSubmit={submit}
          noValidate
          aria-label="Confirm baseline from screening"
          className="flex flex-col gap-4"
        >
          <table className="w-full max-w-xl border-collapse text-left text-sm">
            <caption className="mb-2 text-left font-medium text-slate-800">Answers that will be recorded</caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Item
                </th>
                <th scope="col" className="px-3 py-2">
                  Answer
                </th>
              </tr>
            </thead>
            <tbody>
              {screening.items.map((item, index) => (
                <tr key={item.label} className="border-b border-slate-100">
                  <td className="px-3 py-1.5">
                    {index + 1}. {item.label}
                  </td>
                  <td className="px-3 py-1.5">{item.answer}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="text-sm font-medium text-slate-900">
            Baseline PHQ-9: total {screening.total ?? '—'}
            {screening.severity ? ` (${screening.severity})` : ''}
          </p>
          {screening.flags.length > 0 ? (
            <Alert tone="warning" live="none">
              {screening.flags.map(flagLabel).join('; ')}: recording it opens a safety alert.
            </Alert>
          ) : null}
          <Field
            label={`Time taken on ${formatCalendarDate(screening.measuredOn)}`}
            hint={`Clinic time (${timeZone})`}
            error={timeError}
            required
            className="w-56"
          >
            <Input type="time" {...register('time')} />
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="primary" loading={isSubmitting}>
              Confirm baseline
            </Button>
            <Button variant="secondary" onClick={() => setIsPreviewing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
