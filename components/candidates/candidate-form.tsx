'use client';

import Link from 'next/link';
import { schemaResolver } from '@/components/ui/form/schema-resolver';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useForm, type FieldPath, type Resolver } from 'react-hook-form';
import { createCandidateAction, updateCandidateAction } from '@/app/(app)/candidates/actions';
import { applyServerErrors } from '@/components/ui/form/apply-server-errors';
import { Alert } from '@/components/ui/alert';
import { Button, LinkButton } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import type { PossibleDuplicate } from '@/lib/candidates/types';
import type { CandidateFormValues } from '@/lib/validations/candidates';
import { CONTACT_METHODS, REFERRAL_SOURCES, SEX_VALUES } from '@/lib/candidates/vocabulary';
import { formatCalendarDate } from './format';
import { CONTACT_METHOD_LABELS, REFERRAL_SOURCE_LABELS, SEX_LABELS } from './labels';
import { useSubmissionKey } from '@/components/forms/use-submission-key';

export type CandidateFormOption = { value: string; label: string };

type Values = CandidateFormValues & { version?: number };

const SEX_OPTIONS = SEX_VALUES.map((value) => ({ value, label: SEX_LABELS[value] }));
const SOURCE_OPTIONS = REFERRAL_SOURCES.map((value) => ({ value, label: REFERRAL_SOURCE_LABELS[value] }));
const METHOD_OPTIONS = CONTACT_METHODS.map((value) => ({ value, label: CONTACT_METHOD_LABELS[value] }));

const FIELD_NAMES = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'sex',
  'mrn',
  'phone',
  'email',
  'preferredContactMethod',
  'preferredLanguage',
  'isVeteran',
  'referralSource',
  'referringProvider',
  'referringContact',
  'referralDate',
  'notes',
  'assignedCoordinatorId',
  'duplicateOverrideReason',
  'trialId',
] as const satisfies readonly FieldPath<Values>[];

const emptyToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

type CommonProps = {
  coordinators: CandidateFormOption[];
};

export type CandidateFormProps = CommonProps &
  (
    | {
        mode: 'create';
        /** The clinic's date today, 'YYYY-MM-DD': the referral date starts there. */
        today: string;
        trials: CandidateFormOption[];
        defaultCoordinatorId: string | null;
      }
    | {
        mode: 'edit';
        candidateId: string;
        initial: Omit<Values, 'duplicateOverrideReason' | 'trialId'> & { version: number };
      }
  );

function Fieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <legend className="px-1 text-base font-semibold text-slate-900">{legend}</legend>
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/**
 * The referral intake form, and the same fields for editing a record. Fields run
 * top to bottom in the order a referral letter gives them; only what identifies
 * the person and the referral is required.
 */
export function CandidateForm(props: CandidateFormProps) {
  const withSubmissionKey = useSubmissionKey();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [isStale, setIsStale] = useState(false);
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[] | null>(null);
  /** The record that already has the MRN just typed, when the server names it. */
  const [mrnHolderId, setMrnHolderId] = useState<string | null>(null);
  const duplicatesRef = useRef<HTMLDivElement>(null);

  const defaultValues: Values =
    props.mode === 'create'
      ? {
          firstName: '',
          lastName: '',
          dateOfBirth: '',
          sex: '',
          mrn: '',
          phone: '',
          email: '',
          preferredContactMethod: null,
          preferredLanguage: '',
          isVeteran: null,
          referralSource: 'PROVIDER',
          referringProvider: '',
          referringContact: '',
          referralDate: props.today,
          notes: '',
          assignedCoordinatorId: props.defaultCoordinatorId ?? '',
          duplicateOverrideReason: '',
          trialId: '',
        }
      : props.initial;

  const resolver = (props.mode === 'create'
    ? schemaResolver(() => import('@/lib/validations/candidates').then((m) => m.candidateInputSchema))
    : schemaResolver(() =>
        import('@/lib/validations/candidates').then((m) => m.candidatePatchSchema),
      )) as unknown as Resolver<Values>;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isDirty },
  } = useForm<Values>({ resolver, defaultValues, mode: 'onTouched' });

  // A half-typed referral must not vanish with a closed tab or a reload: the browser asks first.
  const [isSaved, setIsSaved] = useState(false);
  const hasUnsavedWork = isDirty && !isSaved;
  useEffect(() => {
    if (!hasUnsavedWork) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsavedWork]);

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setMrnHolderId(null);
    if (props.mode === 'edit') {
      const result = await updateCandidateAction({
        ...values,
        candidateId: props.candidateId,
        version: props.initial.version,
      });
      if (result.ok) {
        setIsSaved(true);
        router.push(`/candidates/${props.candidateId}?saved=1`);
        return;
      }
      if (result.error.code === 'CONFLICT' && result.error.details?.reason === 'STALE_VERSION') {
        setIsStale(true);
        return;
      }
      if (typeof result.error.details?.candidateId === 'string') setMrnHolderId(result.error.details.candidateId);
      setFormError(applyServerErrors(result.error, setError, FIELD_NAMES));
      return;
    }

    if (duplicates && !values.duplicateOverrideReason?.trim()) {
      setError(
        'duplicateOverrideReason',
        { type: 'manual', message: 'Say why this is not the same person.' },
        { shouldFocus: true },
      );
      return;
    }
    const result = await withSubmissionKey((options) => createCandidateAction(values, options));
    if (result.ok) {
      setIsSaved(true);
      router.push(`/candidates/${result.data.id}?created=1`);
      return;
    }
    const matches = result.error.details?.matches;
    if (result.error.code === 'CONFLICT' && Array.isArray(matches) && matches.length > 0) {
      setDuplicates(matches as PossibleDuplicate[]);
      // Move focus to the warning so keyboard and screen reader users land on the choice.
      requestAnimationFrame(() => duplicatesRef.current?.focus());
      return;
    }
    if (typeof result.error.details?.candidateId === 'string') setMrnHolderId(result.error.details.candidateId);
    setFormError(applyServerErrors(result.error, setError, FIELD_NAMES));
  });

  const isCreate = props.mode === 'create';
  const cancelHref = props.mode === 'edit' ? `/candidates/${props.candidateId}` : '/candidates';

  return (
    <form
      method="post"
      onSubmit={submit}
      noValidate
      className="flex max-w-4xl flex-col gap-6"
      aria-label={isCreate ? 'New referral' : 'Edit candidate'}
    >
      {formError ? (
        <Alert tone="error">
          {formError}
          {mrnHolderId ? (
            <>
              {' '}
              <Link href={`/candidates/${mrnHolderId}`} className="font-medium underline underline-offset-4">
                Open the record with this MRN
              </Link>
            </>
          ) : null}
        </Alert>
      ) : null}
      {isStale ? (
        <Alert tone="error" title="Someone else changed this record; reload">
          <p>Your changes were not saved. Reload to see the current record, then make your changes again.</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={() => router.refresh()}>
            Reload
          </Button>
        </Alert>
      ) : null}

      <Fieldset legend="Patient">
        <Field label="First name" error={errors.firstName?.message} required>
          <Input autoComplete="off" {...register('firstName')} />
        </Field>
        <Field label="Last name" error={errors.lastName?.message} required>
          <Input autoComplete="off" {...register('lastName')} />
        </Field>
        <Field label="Date of birth" error={errors.dateOfBirth?.message} required>
          <Input type="date" {...register('dateOfBirth')} />
        </Field>
        <Field label="Sex" error={errors.sex?.message} required>
          <Select placeholder="Choose" options={SEX_OPTIONS} {...register('sex')} />
        </Field>
        <Field label="MRN" hint="Medical record number; must be unique." error={errors.mrn?.message} required>
          <Input autoComplete="off" spellCheck={false} autoCapitalize="characters" {...register('mrn')} />
        </Field>
      </Fieldset>

      <Fieldset legend="Contact">
        <Field label="Phone" error={errors.phone?.message} required>
          <Input type="tel" inputMode="tel" autoComplete="off" {...register('phone')} />
        </Field>
        <Field label="Email" error={errors.email?.message}>
          <Input type="email" autoComplete="off" spellCheck={false} {...register('email')} />
        </Field>
        <Field label="Preferred contact method" error={errors.preferredContactMethod?.message}>
          <Select
            placeholder="No preference"
            options={METHOD_OPTIONS}
            {...register('preferredContactMethod', { setValueAs: emptyToNull })}
          />
        </Field>
        <Field label="Preferred language" error={errors.preferredLanguage?.message}>
          <Input autoComplete="off" {...register('preferredLanguage')} />
        </Field>
        <Field
          label="Veteran"
          hint="The answer at referral. A later screening answer takes precedence for eligibility."
          error={errors.isVeteran?.message}
        >
          <Select
            placeholder="Not asked yet"
            options={[
              { value: 'true', label: 'Yes' },
              { value: 'false', label: 'No' },
            ]}
            {...register('isVeteran', {
              setValueAs: (value: unknown) =>
                value === '' || value === null || value === undefined ? null : value === true || value === 'true',
            })}
          />
        </Field>
      </Fieldset>

      <Fieldset legend="Referral">
        <Field label="Referral source" error={errors.referralSource?.message} required>
          <Select options={SOURCE_OPTIONS} {...register('referralSource')} />
        </Field>
        <Field label="Referral date" error={errors.referralDate?.message} required>
          <Input type="date" {...register('referralDate')} />
        </Field>
        <Field label="Referring provider" error={errors.referringProvider?.message}>
          <Input autoComplete="off" {...register('referringProvider')} />
        </Field>
        <Field
          label="Referring provider's contact"
          hint="Phone, email or fax of the referrer."
          error={errors.referringContact?.message}
        >
          <Input autoComplete="off" {...register('referringContact')} />
        </Field>
      </Fieldset>

      <Fieldset legend={isCreate ? 'Next steps' : 'Assignment and notes'}>
        {props.mode === 'create' ? (
          <Field
            label="Add to trial"
            hint="Starts the trial's pipeline at Referred. You can add more trials later."
            error={errors.trialId?.message}
          >
            <Select placeholder="Not yet" options={props.trials} {...register('trialId')} />
          </Field>
        ) : null}
        <Field label="Assigned coordinator" error={errors.assignedCoordinatorId?.message}>
          <Select placeholder="Nobody yet" options={props.coordinators} {...register('assignedCoordinatorId')} />
        </Field>
        <Field label="Notes" error={errors.notes?.message} className="md:col-span-2">
          <Textarea rows={3} {...register('notes')} />
        </Field>
      </Fieldset>

      {isCreate && duplicates ? (
        <div
          ref={duplicatesRef}
          tabIndex={-1}
          className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-600"
        >
          <Alert
            tone="warning"
            title={
              duplicates.length === 1
                ? 'This may be a patient already in TrialDesk'
                : `This may be one of ${duplicates.length} patients already in TrialDesk`
            }
          >
            <p>
              Same date of birth and a similar name. Open the existing record, or create a new one and say why it is a
              different person.
            </p>
            <ul className="mt-3 flex flex-col gap-2">
              {duplicates.map((match) => (
                <li
                  key={match.id}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-300 bg-white px-3 py-2 text-slate-900"
                >
                  <span>
                    <span className="font-semibold">
                      {match.lastName}, {match.firstName}
                    </span>
                    <span className="text-slate-700">
                      {' '}
                      · born {formatCalendarDate(match.dateOfBirth)} · MRN {match.mrn}
                    </span>
                  </span>
                  <Link
                    href={`/candidates/${match.id}`}
                    className="rounded-sm font-medium text-brand-700 underline underline-offset-4 hover:text-brand-800"
                    aria-label={`Open ${match.lastName}, ${match.firstName} (MRN ${match.mrn})`}
                  >
                    Open
                  </Link>
                </li>
              ))}
            </ul>
          </Alert>
          <div className="mt-4 flex flex-col gap-3">
            <Field label="Why is this a different person?" error={errors.duplicateOverrideReason?.message} required>
              <Textarea rows={2} {...register('duplicateOverrideReason')} />
            </Field>
            <div>
              <Button type="submit" variant="secondary" loading={isSubmitting}>
                Create anyway
              </Button>
            </div>
          </div>
        </div>
      ) : null}

      <div className="flex flex-wrap gap-3">
        {isCreate && duplicates ? null : (
          <Button type="submit" loading={isSubmitting}>
            {isCreate ? 'Save referral' : 'Save changes'}
          </Button>
        )}
        <LinkButton href={cancelHref} variant="secondary">
          Cancel
        </LinkButton>
      </div>
    </form>
  );
}
