'use client';

import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { CheckboxGroup, LinesField, ListItemFrame, numberOrNull, textOrNull, useFieldError } from './form-controls';
import {
  ALLOCATION_LABELS,
  MASKING_LABELS,
  optionsOf,
  OUTCOME_KIND_LABELS,
  PHASE_LABELS,
  STATUS_LABELS,
  STUDY_TYPE_LABELS,
} from './labels';
import type { TrialFormValues } from './trial-form-values';

const asText = { setValueAs: textOrNull };
const asOptionalChoice = { setValueAs: (value: unknown) => (value === '' ? null : value) };

/** Identification, status, design, sponsor and the coverage note: the ClinicalTrials.gov registry fields. */
export function RegistryFields() {
  const { register, control } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  return (
    <div className="flex flex-col gap-5">
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          label="NCT id"
          hint="NCT followed by 8 digits. Leave empty for a local study."
          error={fieldError('nctId')}
        >
          <Input autoComplete="off" spellCheck={false} className="font-mono" {...register('nctId', asText)} />
        </Field>
        <Field label="Local protocol number" error={fieldError('protocolNumber')}>
          <Input autoComplete="off" {...register('protocolNumber', asText)} />
        </Field>
        <Field label="Title" hint="The official title." error={fieldError('title')} required className="md:col-span-2">
          <Textarea rows={2} {...register('title')} />
        </Field>
        <Field
          label="Short title"
          hint="Shown in lists and as the page title."
          error={fieldError('shortTitle')}
          className="md:col-span-2"
        >
          <Input autoComplete="off" {...register('shortTitle', asText)} />
        </Field>
      </div>

      <Controller
        control={control}
        name="phases"
        render={({ field }) => (
          <CheckboxGroup
            legend="Phases"
            options={optionsOf(PHASE_LABELS)}
            value={field.value ?? []}
            onChange={(value) => field.onChange(value as TrialFormValues['phases'])}
            error={fieldError('phases')}
          />
        )}
      />

      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        <Field label="Overall status" error={fieldError('overallStatus')} required>
          <Select options={optionsOf(STATUS_LABELS)} {...register('overallStatus')} />
        </Field>
        <Field label="Study type" error={fieldError('studyType')} required>
          <Select options={optionsOf(STUDY_TYPE_LABELS)} {...register('studyType')} />
        </Field>
        <Field label="Allocation" error={fieldError('allocation')}>
          <Select
            placeholder="Not recorded"
            options={optionsOf(ALLOCATION_LABELS)}
            {...register('allocation', asOptionalChoice)}
          />
        </Field>
        <Field label="Masking" error={fieldError('masking')}>
          <Select
            placeholder="Not recorded"
            options={optionsOf(MASKING_LABELS)}
            {...register('masking', asOptionalChoice)}
          />
        </Field>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Lead sponsor" error={fieldError('leadSponsor')}>
          <Input autoComplete="off" {...register('leadSponsor', asText)} />
        </Field>
        <Field label="Principal investigator" error={fieldError('principalInvestigator')}>
          <Input autoComplete="off" {...register('principalInvestigator', asText)} />
        </Field>
        <LinesField name="collaborators" label="Collaborators" hint="One per line." />
        <LinesField name="conditions" label="Conditions" hint="One per line, e.g. Treatment-resistant depression." />
        <Field
          label="Target enrollment"
          hint="Participants the trial aims to enroll."
          error={fieldError('targetEnrollment')}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            {...register('targetEnrollment', { setValueAs: numberOrNull })}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Start date" hint="YYYY-MM or YYYY-MM-DD" error={fieldError('startDate')}>
            <Input autoComplete="off" inputMode="numeric" {...register('startDate', asText)} />
          </Field>
          <Field label="Completion date" hint="YYYY-MM or YYYY-MM-DD" error={fieldError('completionDate')}>
            <Input autoComplete="off" inputMode="numeric" {...register('completionDate', asText)} />
          </Field>
        </div>
      </div>

      <Field label="Brief summary" error={fieldError('briefSummary')}>
        <Textarea rows={5} {...register('briefSummary', asText)} />
      </Field>
      <Field
        label="Coverage note"
        hint="Payer or policy note staff must see, e.g. that a payer does not cover ketamine for this condition outside research."
        error={fieldError('coverageNote')}
      >
        <Textarea rows={3} {...register('coverageNote', asText)} />
      </Field>
    </div>
  );
}

/** The sites where the trial runs. */
export function SitesFields() {
  const { register, control } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const { fields, append, remove } = useFieldArray({ control, name: 'sites', keyName: 'fieldKey' });
  return (
    <div className="flex flex-col gap-3">
      {fields.length === 0 ? <p className="text-sm text-slate-700">No sites yet.</p> : null}
      {fields.map((field, index) => (
        <ListItemFrame
          key={field.fieldKey}
          headingId={`site-${field.fieldKey}`}
          heading={`Site ${index + 1}`}
          actions={
            <Button size="sm" variant="ghost" onClick={() => remove(index)}>
              Remove<span className="sr-only"> site {index + 1}</span>
            </Button>
          }
        >
          <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
            <Field
              label="Facility"
              error={fieldError(`sites.${index}.facility`)}
              required
              className="md:col-span-2 lg:col-span-1"
            >
              <Input autoComplete="off" {...register(`sites.${index}.facility`)} />
            </Field>
            <Field label="City" error={fieldError(`sites.${index}.city`)}>
              <Input autoComplete="off" {...register(`sites.${index}.city`, asText)} />
            </Field>
            <Field label="State" error={fieldError(`sites.${index}.state`)}>
              <Input autoComplete="off" {...register(`sites.${index}.state`, asText)} />
            </Field>
            <Field label="Country" error={fieldError(`sites.${index}.country`)}>
              <Input autoComplete="off" {...register(`sites.${index}.country`, asText)} />
            </Field>
          </div>
        </ListItemFrame>
      ))}
      <div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => append({ facility: '', city: null, state: null, country: null })}
        >
          Add a site
        </Button>
      </div>
    </div>
  );
}

/** Primary, secondary and other outcome measures as registered. */
export function OutcomesFields() {
  const { register, control } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const { fields, append, remove } = useFieldArray({ control, name: 'outcomes', keyName: 'fieldKey' });
  return (
    <div className="flex flex-col gap-3">
      {fields.length === 0 ? <p className="text-sm text-slate-700">No outcome measures yet.</p> : null}
      {fields.map((field, index) => (
        <ListItemFrame
          key={field.fieldKey}
          headingId={`outcome-${field.fieldKey}`}
          heading={`Outcome measure ${index + 1}`}
          actions={
            <Button size="sm" variant="ghost" onClick={() => remove(index)}>
              Remove<span className="sr-only"> outcome measure {index + 1}</span>
            </Button>
          }
        >
          <div className="grid gap-4 md:grid-cols-3">
            <Field label="Kind" error={fieldError(`outcomes.${index}.kind`)} required>
              <Select options={optionsOf(OUTCOME_KIND_LABELS)} {...register(`outcomes.${index}.kind`)} />
            </Field>
            <Field label="Measure" error={fieldError(`outcomes.${index}.measure`)} required className="md:col-span-2">
              <Input autoComplete="off" {...register(`outcomes.${index}.measure`)} />
            </Field>
            <Field label="Time frame" error={fieldError(`outcomes.${index}.timeFrame`)}>
              <Input autoComplete="off" {...register(`outcomes.${index}.timeFrame`, asText)} />
            </Field>
            <Field label="Description" error={fieldError(`outcomes.${index}.description`)} className="md:col-span-2">
              <Textarea rows={2} {...register(`outcomes.${index}.description`, asText)} />
            </Field>
          </div>
        </ListItemFrame>
      ))}
      <div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => append({ kind: 'PRIMARY', measure: '', description: null, timeFrame: null })}
        >
          Add an outcome measure
        </Button>
      </div>
    </div>
  );
}
