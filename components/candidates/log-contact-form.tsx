'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useForm } from 'react-hook-form';
import { logContactAction } from '@/app/(app)/candidates/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { parseClinicDateTime, toClinicInputValue, toClinicOffsetIso } from '@/lib/clinic/clinic-wall-time';
import type { ContactAttemptInput, ContactAttemptValues, ContactMethodValue } from '@/lib/validations/candidates';
import { CONTACT_METHODS, CONTACT_OUTCOMES } from '@/lib/candidates/vocabulary';
import { CONTACT_METHOD_LABELS, CONTACT_OUTCOME_LABELS } from './labels';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

const METHOD_OPTIONS = CONTACT_METHODS.map((value) => ({ value, label: CONTACT_METHOD_LABELS[value] }));
const OUTCOME_OPTIONS = CONTACT_OUTCOMES.map((value) => ({ value, label: CONTACT_OUTCOME_LABELS[value] }));
const FIELDS = ['trialId', 'method', 'outcome', 'notes', 'contactedAt', 'nextFollowUpOn'] as const;

/** Now as the box shows it (clinic wall time) and as the form sends it (with the clinic's offset). */
function nowOnClinicClock(timeZone: string): { when: string; contactedAt: string } {
  const now = new Date();
  return { when: toClinicInputValue(now, timeZone), contactedAt: toClinicOffsetIso(now, timeZone) };
}

type Props = {
  candidateId: string;
  /** The candidate's preferred method, picked first. */
  defaultMethod: ContactMethodValue | null;
  /** The trials the candidate is in; a contact may be about one of them. */
  trials: SelectOption[];
  /** The clinic's zone (settings): "When" is typed on the clinic clock, never this device's. */
  timeZone: string;
};

/** One attempt to reach the candidate: how, what happened, and when to try again. */
export function LogContactForm({ candidateId, defaultMethod, trials, timeZone }: Props) {
  const withSubmissionKey = useSubmissionKey();
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; message: string } | null>(null);
  const blank = (): ContactAttemptValues => ({
    method: defaultMethod ?? 'PHONE',
    outcome: '' as ContactAttemptValues['outcome'],
    trialId: trials.length === 1 ? trials[0].value : '',
    notes: '',
    contactedAt: '',
    nextFollowUpOn: null,
  });
  // What the box shows: the clinic wall time. The form value is that time with the clinic's offset
  // (the API's format), so its date part is the clinic's day for the follow-up check.
  const [when, setWhen] = useState('');
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ContactAttemptValues, unknown, ContactAttemptInput>({
    resolver: schemaResolver(() => import('@/lib/validations/candidates').then((m) => m.contactAttemptSchema)),
    defaultValues: blank(),
  });

  // "When" starts at now on the clinic clock; set after mount so server and browser render the same HTML.
  useEffect(() => {
    const start = nowOnClinicClock(timeZone);
    setWhen(start.when);
    setValue('contactedAt', start.contactedAt);
  }, [setValue, timeZone]);

  const changeWhen = (value: string) => {
    setWhen(value);
    const parsed = parseClinicDateTime(value, timeZone);
    setValue('contactedAt', parsed.ok ? toClinicOffsetIso(parsed.instant, timeZone) : '');
  };

  const submit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await withSubmissionKey((options) => logContactAction({ ...values, candidateId }, options));
    if (result.ok) {
      setStatus({
        tone: 'success',
        message: `Contact logged: ${CONTACT_METHOD_LABELS[values.method].toLowerCase()}, ${CONTACT_OUTCOME_LABELS[values.outcome].toLowerCase()}.`,
      });
      const start = nowOnClinicClock(timeZone);
      setWhen(start.when);
      reset({ ...blank(), contactedAt: start.contactedAt });
      return;
    }
    const message = applyServerErrors(result.error, setError, FIELDS);
    if (message) setStatus({ tone: 'error', message });
  });

  // A time the clinic clock skipped (DST gap) is named here rather than as a format error.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const parsed = parseClinicDateTime(when, timeZone);
    if (when !== '' && !parsed.ok && parsed.reason === 'nonexistent') {
      event.preventDefault();
      setError('contactedAt', { type: 'clinic', message: parsed.message });
      return;
    }
    return submit(event);
  };

  return (
    <form method="post" onSubmit={onSubmit} noValidate aria-label="Log contact" className="flex flex-col gap-4">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Method" error={errors.method?.message} required>
          <Select options={METHOD_OPTIONS} {...register('method')} />
        </Field>
        <Field label="Outcome" error={errors.outcome?.message} required>
          <Select placeholder="What happened?" options={OUTCOME_OPTIONS} {...register('outcome')} />
        </Field>
        <Field label="When" hint={`Clinic time (${timeZone})`} error={errors.contactedAt?.message} required>
          <Input
            type="datetime-local"
            name="contactedAt"
            value={when}
            onChange={(event) => changeWhen(event.target.value)}
          />
        </Field>
        <Field
          label="Next follow-up date"
          hint="Leave empty if nothing is pending."
          error={errors.nextFollowUpOn?.message}
        >
          <Input
            type="date"
            {...register('nextFollowUpOn', {
              setValueAs: (value: unknown) => (value === '' || value === undefined ? null : value),
            })}
          />
        </Field>
        {trials.length > 0 ? (
          <Field label="About trial" error={errors.trialId?.message}>
            <Select placeholder="General (no particular trial)" options={trials} {...register('trialId')} />
          </Field>
        ) : null}
        <Field label="Notes" error={errors.notes?.message} className="md:col-span-2">
          <Textarea rows={2} {...register('notes')} />
        </Field>
      </div>
      <div>
        <Button type="submit" loading={isSubmitting}>
          Log contact
        </Button>
      </div>
    </form>
  );
}
