'use client';

import { useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  createSelfReportLinkAction,
  resendSelfReportLinkAction,
  startTabletAction,
} from '@/app/(app)/participants/[enrollmentId]/outcomes/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { startTabletSchema } from '@/lib/validations/self-report';
import { TABLET_PIN_LENGTH } from '@/lib/self-report/tablet-pin';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

export type SelfReportRow = {
  instrument: string;
  instrumentLabel: string;
  timepoint: string;
  timepointLabel: string;
  status: 'due' | 'overdue' | 'upcoming';
  openLink: {
    id: string;
    channel: 'LINK' | 'EMAIL' | 'TABLET';
    expiresAt: string;
    emailsSent: number;
    lastSentAt: string | null;
  } | null;
};

type Props = {
  enrollmentId: string;
  rows: SelfReportRow[];
  hasEmail: boolean;
  /** The clinic's zone from the server, so the browser shows the same text the server rendered. */
  timeZone: string;
};
type Shown = { key: string; url: string; emailed: boolean };

/** Questionnaires the participant can answer themselves: a link to copy or email, reminders, the clinic tablet. */
export function SelfReportPanel({ enrollmentId, rows, hasEmail, timeZone }: Props) {
  const withSubmissionKey = useSubmissionKey();
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const canTablet = rows.some((row) => row.status !== 'upcoming');

  async function create(row: SelfReportRow, send?: 'email') {
    const key = `${row.instrument}:${row.timepoint}`;
    setPending(key + (send ?? ''));
    setError(null);
    const result = await withSubmissionKey((options) =>
      createSelfReportLinkAction(
        {
          enrollmentId,
          instrument: row.instrument,
          timepoint: row.timepoint,
          ...(send ? { send } : {}),
        },
        options,
      ),
    );
    setPending(null);
    if (result.ok) setShown({ key, url: result.data.url, emailed: result.data.emailed });
    else
      setError(
        result.error.message + (result.error.fields ? ` ${Object.values(result.error.fields).flat().join(' ')}` : ''),
      );
  }

  async function remind(row: SelfReportRow) {
    if (!row.openLink) return;
    const key = `${row.instrument}:${row.timepoint}`;
    setPending(key + 'remind');
    setError(null);
    const result = await resendSelfReportLinkAction({ enrollmentId, linkId: row.openLink.id });
    setPending(null);
    if (result.ok) setShown({ key, url: result.data.url, emailed: true });
    else setError(result.error.message);
  }

  return (
    <div className="flex flex-col gap-5">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">Nothing the participant can answer themselves is due or coming up.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {rows.map((row) => {
            const key = `${row.instrument}:${row.timepoint}`;
            return (
              <li key={key} className="flex flex-col gap-2 px-3 py-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium text-slate-900">
                    {row.instrumentLabel}, {row.timepointLabel}
                  </span>
                  <Badge tone={row.status === 'overdue' ? 'danger' : row.status === 'due' ? 'warning' : 'neutral'}>
                    {row.status}
                  </Badge>
                  {row.openLink ? (
                    <Badge tone="info">
                      Link open until {formatClinicZoned(new Date(row.openLink.expiresAt), timeZone)}
                      {row.openLink.emailsSent > 0 ? ` · emailed ${row.openLink.emailsSent}×` : ''}
                    </Badge>
                  ) : null}
                </div>
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    loading={pending === key}
                    disabled={pending !== null}
                    onClick={() => create(row)}
                  >
                    {row.openLink ? 'New link' : 'Create link'}
                  </Button>
                  {hasEmail ? (
                    row.openLink ? (
                      <Button
                        size="sm"
                        variant="secondary"
                        loading={pending === key + 'remind'}
                        disabled={pending !== null}
                        onClick={() => remind(row)}
                      >
                        Re-send reminder
                      </Button>
                    ) : (
                      <Button
                        size="sm"
                        variant="secondary"
                        loading={pending === key + 'email'}
                        disabled={pending !== null}
                        onClick={() => create(row, 'email')}
                      >
                        Email link
                      </Button>
                    )
                  ) : null}
                </div>
                {shown?.key === key ? (
                  <Alert tone="success" title={shown.emailed ? 'Link emailed to the participant' : 'Link ready'}>
                    <p>
                      It works once, for 7 days.{' '}
                      {shown.emailed
                        ? 'This copy is the same link.'
                        : 'Give it to the participant: it is shown only now.'}
                    </p>
                    <p className="mt-1 break-all font-mono text-xs">{shown.url}</p>
                    <Button
                      size="sm"
                      variant="secondary"
                      className="mt-2"
                      onClick={() => navigator.clipboard?.writeText(shown.url)}
                    >
                      Copy link
                    </Button>
                  </Alert>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {!hasEmail ? (
        <p className="text-sm text-slate-700">No email address is on file, so links can be copied but not emailed.</p>
      ) : null}
      {canTablet ? <TabletStart enrollmentId={enrollmentId} /> : null}
    </div>
  );
}

type TabletValues = z.input<typeof startTabletSchema>;

function TabletStart({ enrollmentId }: { enrollmentId: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<TabletValues, unknown, z.output<typeof startTabletSchema>>({
    resolver: schemaResolver(() => import('@/lib/validations/self-report').then((m) => m.startTabletSchema)),
    defaultValues: { enrollmentId, pin: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await startTabletAction(values);
    // On success the action redirects this device to the tablet page.
    if (result && !result.ok) setFormError(applyServerErrors(result.error, setError, ['pin']));
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Hand the tablet to the participant"
      className="flex flex-col gap-3 rounded-md border border-slate-200 p-3"
    >
      <p className="text-sm text-slate-800">
        <strong>Clinic tablet.</strong> Queues every due questionnaire above and signs you out of this device. The
        participant then sees only their questions; leaving needs your PIN or a staff sign-in.
      </p>
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-wrap items-end gap-3">
        <Field
          label="PIN to leave tablet mode"
          error={errors.pin?.message}
          hint={`${TABLET_PIN_LENGTH.min} to ${TABLET_PIN_LENGTH.max} digits`}
          required
        >
          <Input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={TABLET_PIN_LENGTH.max}
            {...register('pin')}
          />
        </Field>
        <Button type="submit" loading={isSubmitting}>
          Hand the tablet over
        </Button>
      </div>
    </form>
  );
}
