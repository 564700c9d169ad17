'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { format, formatISO, isValid } from 'date-fns';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { logContactAction } from '@/app/(app)/candidates/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select, type SelectOption } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  contactAttemptSchema,
  type ContactAttemptInput,
  type ContactAttemptValues,
  type ContactMethodValue,
} from '@/lib/validations/candidates';
import { CONTACT_METHOD_LABELS, CONTACT_OUTCOME_LABELS } from './labels';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

const METHOD_OPTIONS = CONTACT_METHODS.map((value) => ({ value, label: CONTACT_METHOD_LABELS[value] }));
const OUTCOME_OPTIONS = CONTACT_OUTCOMES.map((value) => ({ value, label: CONTACT_OUTCOME_LABELS[value] }));
const FIELDS = ['trialId', 'method', 'outcome', 'notes', 'contactedAt', 'nextFollowUpOn'] as const;
const LOCAL_INPUT = "yyyy-MM-dd'T'HH:mm";

/** ISO instant with this device's offset → the value a datetime-local input shows. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return isValid(date) ? format(date, LOCAL_INPUT) : '';
}

/** A datetime-local value (the device's wall clock) → ISO 8601 with the offset, as the API takes it. */
function fromLocalInput(value: string): string {
  const date = new Date(value);
  return value && isValid(date) ? formatISO(date) : '';
}

type Props = {
  candidateId: string;
  /** The candidate's preferred method, picked first. */
  defaultMethod: ContactMethodValue | null;
  /** The trials the candidate is in; a contact may be about one of them. */
  trials: SelectOption[];
};

/** One attempt to reach the candidate: how, what happened, and when to try again. */
export function LogContactForm({ candidateId, defaultMethod, trials }: Props) {
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
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ContactAttemptValues, unknown, ContactAttemptInput>({
    resolver: zodResolver(contactAttemptSchema),
    defaultValues: blank(),
  });

  // "When" starts at now on this device; set after mount so server and browser render the same HTML.
  useEffect(() => {
    setValue('contactedAt', formatISO(new Date()));
  }, [setValue]);

  const submit = handleSubmit(async (values) => {
    setStatus(null);
    const result = await withSubmissionKey((options) => logContactAction({ ...values, candidateId }, options));
    if (result.ok) {
      setStatus({
        tone: 'success',
        message: `Contact logged: ${CONTACT_METHOD_LABELS[values.method].toLowerCase()}, ${CONTACT_OUTCOME_LABELS[values.outcome].toLowerCase()}.`,
      });
      reset({ ...blank(), contactedAt: formatISO(new Date()) });
      return;
    }
    const message = applyServerErrors(result.error, setError, FIELDS);
    if (message) setStatus({ tone: 'error', message });
  });

  return (
    <form method="post" onSubmit={submit} noValidate aria-label="Log contact" className="flex flex-col gap-4">
      {status ? <Alert tone={status.tone}>{status.message}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Method" error={errors.method?.message} required>
          <Select options={METHOD_OPTIONS} {...register('method')} />
        </Field>
        <Field label="Outcome" error={errors.outcome?.message} required>
          <Select placeholder="What happened?" options={OUTCOME_OPTIONS} {...register('outcome')} />
        </Field>
        <Field label="When" error={errors.contactedAt?.message} required>
          <Controller
            control={control}
            name="contactedAt"
            render={({ field }) => (
              <Input
                type="datetime-local"
                name={field.name}
                ref={field.ref}
                value={toLocalInput(field.value)}
                onChange={(event) => field.onChange(fromLocalInput(event.target.value))}
                onBlur={field.onBlur}
              />
            )}
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
