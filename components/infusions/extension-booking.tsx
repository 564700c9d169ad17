'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { bookSeriesAction } from '@/app/(app)/enrollments/actions';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import type { SessionSummary } from '@/lib/scheduling/session-policy';
import { errorText, toInstant } from './form-helpers';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

type Props = {
  enrollmentId: string;
  timeZone: string;
  chairs: Array<{ id: string; name: string }>;
  /** A perioperative or inpatient protocol books its extension without a chair too. */
  session: SessionSummary;
  extension: { sessionNumber: number; label: string; window: { firstDay: string; lastDay: string; describe: string } };
};

/** Booking the optional open-label infusion inside its window, once the blinded series is done. */
export function ExtensionBooking({ enrollmentId, timeZone, chairs, session, extension }: Props) {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [date, setDate] = useState(extension.window.firstDay);
  const [time, setTime] = useState('09:00');
  const [chairId, setChairId] = useState(chairs[0]?.id ?? '');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [timeError, setTimeError] = useState<string | null>(null);
  return (
    <form
      aria-label={`Book ${extension.label}`}
      className="flex flex-col gap-4"
      onSubmit={async (event) => {
        event.preventDefault();
        setMessage(null);
        const instant = toInstant(date, time, timeZone);
        if (instant && !instant.ok) {
          setTimeError(instant.message);
          return;
        }
        setTimeError(null);
        setPending(true);
        const scheduledAt = instant?.iso ?? '';
        const result = await withSubmissionKey((options) =>
          bookSeriesAction(
            {
              enrollmentId,
              visits: [
                { sessionNumber: extension.sessionNumber, scheduledAt, chairId: session.needsChair ? chairId : null },
              ],
            },
            options,
          ),
        );
        setPending(false);
        if (result.ok) {
          setMessage({ tone: 'success', text: `${extension.label} booked for ${formatDayLabel(date)} ${time}.` });
          router.refresh();
        } else {
          setMessage({ tone: 'error', text: errorText(result.error) });
        }
      }}
    >
      <p className="text-sm text-slate-800">
        Session {extension.sessionNumber}, {extension.window.describe}: from {formatDayLabel(extension.window.firstDay)}{' '}
        to {formatDayLabel(extension.window.lastDay)}. It has its own open-label dose, calculated on the infusion day.
      </p>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Day" required>
          <Input
            type="date"
            min={extension.window.firstDay}
            max={extension.window.lastDay}
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
        </Field>
        <Field label="Time (clinic)" error={timeError ?? undefined} required>
          <Input type="time" step={60} value={time} onChange={(event) => setTime(event.target.value)} />
        </Field>
        {session.needsChair ? (
          <Field label="Chair" required>
            <Select
              options={chairs.map((chair) => ({ value: chair.id, label: chair.name }))}
              value={chairId}
              onChange={(event) => setChairId(event.target.value)}
            />
          </Field>
        ) : (
          <p className="self-end text-sm text-slate-800">{session.description}</p>
        )}
      </div>
      <div>
        <Button type="submit" loading={pending}>
          Book {extension.label.toLowerCase()}
        </Button>
      </div>
    </form>
  );
}
