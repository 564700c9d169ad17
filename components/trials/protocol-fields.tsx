'use client';

import { useId, useRef } from 'react';
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { describeRule } from '@/lib/eligibility/describe-rule';
import { INSTRUMENT_CODES, INSTRUMENT_LABELS } from '@/lib/outcomes/instrument-codes';
import type { RuleNode } from '@/lib/validations/eligibility';
import type { Timepoint } from '@/lib/validations/trials';
import { DosingFields } from './dosing-fields';
import { CheckboxGroup, ListItemFrame, numberOrNull, textOrNull, useFieldError } from './form-controls';
import { ARM_TYPE_LABELS, CRITERION_KIND_LABELS, INTERVENTION_TYPE_LABELS, optionsOf } from './labels';
import { stableJson, type TrialFormValues } from './trial-form-values';

const asText = { setValueAs: textOrNull };
const asNumber = { setValueAs: numberOrNull };

// ---------------------------------------------------------------- arms

/** Arms with their dosing. Renaming or removing an arm updates the interventions linked to it. */
export function ArmsFields({ enrollmentByArmId }: { enrollmentByArmId: Record<string, number> }) {
  const { register, control, getValues, setValue } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const { fields, append, remove } = useFieldArray({ control, name: 'arms', keyName: 'fieldKey' });
  const labels = useWatch({ control, name: 'arms' })?.map((arm) => arm?.label ?? '') ?? [];

  function relink(from: string, to: string | null) {
    getValues('interventions').forEach((item, index) => {
      if (!item.armLabels.includes(from)) return;
      const next =
        to === null
          ? item.armLabels.filter((label) => label !== from)
          : item.armLabels.map((label) => (label === from ? to : label));
      setValue(`interventions.${index}.armLabels`, next, { shouldDirty: true });
    });
  }

  return (
    <div className="flex flex-col gap-4">
      {fields.length === 0 ? (
        <p className="text-sm text-slate-700">
          No arms yet. A trial needs at least one arm before anyone can be randomized or dosed.
        </p>
      ) : null}
      {fields.map((field, index) => {
        const enrolled = field.id ? (enrollmentByArmId[field.id] ?? 0) : 0;
        const label = labels[index] ?? '';
        const labelField = register(`arms.${index}.label`);
        return (
          <ListItemFrame
            key={field.fieldKey}
            headingId={`arm-${field.fieldKey}`}
            heading={label.trim() ? `Arm ${index + 1}: ${label}` : `Arm ${index + 1}`}
            actions={
              enrolled > 0 ? (
                <p className="text-sm text-slate-600">
                  {enrolled === 1 ? '1 participant is' : `${enrolled} participants are`} enrolled in this arm, so it
                  cannot be removed.
                </p>
              ) : (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    relink(getValues(`arms.${index}.label`), null);
                    remove(index);
                  }}
                >
                  Remove<span className="sr-only"> arm {index + 1}</span>
                </Button>
              )
            }
          >
            <div className="grid gap-4 md:grid-cols-3">
              <Field
                label="Arm label"
                hint="As registered, e.g. Ketamine."
                error={fieldError(`arms.${index}.label`)}
                required
              >
                <Input
                  autoComplete="off"
                  {...labelField}
                  onChange={(event) => {
                    const before = getValues(`arms.${index}.label`);
                    void labelField.onChange(event);
                    if (before) relink(before, event.target.value);
                  }}
                />
              </Field>
              <Field label="Arm type" error={fieldError(`arms.${index}.type`)} required>
                <Select options={optionsOf(ARM_TYPE_LABELS)} {...register(`arms.${index}.type`)} />
              </Field>
              <Field
                label="Allocation weight"
                hint="Relative share in randomization (1:1 = both 1)."
                error={fieldError(`arms.${index}.allocationWeight`)}
                required
              >
                <Input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={20}
                  step={1}
                  {...register(`arms.${index}.allocationWeight`, asNumber)}
                />
              </Field>
              <Field label="Description" error={fieldError(`arms.${index}.description`)} className="md:col-span-3">
                <Textarea rows={2} {...register(`arms.${index}.description`, asText)} />
              </Field>
            </div>
            <DosingFields index={index} armLabel={label} />
          </ListItemFrame>
        );
      })}
      <div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() =>
            append({
              label: '',
              type: 'EXPERIMENTAL',
              description: null,
              allocationWeight: 1,
              dosingProvenance: null,
              dosing: null,
              suggestedDosing: null,
            })
          }
        >
          Add an arm
        </Button>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- interventions

/** Interventions, each linked to the arms that receive it. */
export function InterventionsFields() {
  const { register, control } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const { fields, append, remove } = useFieldArray({ control, name: 'interventions', keyName: 'fieldKey' });
  const arms = useWatch({ control, name: 'arms' }) ?? [];
  const armOptions = [...new Set(arms.map((arm) => arm?.label?.trim() ?? '').filter((label) => label !== ''))].map(
    (label) => ({ value: label, label }),
  );
  return (
    <div className="flex flex-col gap-4">
      {fields.length === 0 ? <p className="text-sm text-slate-700">No interventions yet.</p> : null}
      {fields.map((field, index) => (
        <ListItemFrame
          key={field.fieldKey}
          headingId={`intervention-${field.fieldKey}`}
          heading={`Intervention ${index + 1}`}
          actions={
            <Button size="sm" variant="ghost" onClick={() => remove(index)}>
              Remove<span className="sr-only"> intervention {index + 1}</span>
            </Button>
          }
        >
          <div className="grid gap-4 md:grid-cols-3">
            <Field label="Type" error={fieldError(`interventions.${index}.type`)} required>
              <Select options={optionsOf(INTERVENTION_TYPE_LABELS)} {...register(`interventions.${index}.type`)} />
            </Field>
            <Field label="Name" error={fieldError(`interventions.${index}.name`)} required className="md:col-span-2">
              <Input autoComplete="off" {...register(`interventions.${index}.name`)} />
            </Field>
            <Field
              label="Description"
              error={fieldError(`interventions.${index}.description`)}
              className="md:col-span-3"
            >
              <Textarea rows={2} {...register(`interventions.${index}.description`, asText)} />
            </Field>
          </div>
          <Controller
            control={control}
            name={`interventions.${index}.armLabels`}
            render={({ field: links }) => (
              <CheckboxGroup
                legend="Given in arms"
                options={armOptions}
                value={links.value ?? []}
                onChange={links.onChange}
                error={fieldError(`interventions.${index}.armLabels`)}
                emptyText="Add an arm with a label first."
              />
            )}
          />
        </ListItemFrame>
      ))}
      <div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => append({ type: 'DRUG', name: '', description: null, armLabels: [] })}
        >
          Add an intervention
        </Button>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- criteria

type RuleChoice = 'none' | 'confirmed' | 'suggested';

function RuleSelect(props: {
  confirmed: RuleNode | null;
  suggested: RuleNode | null;
  value: RuleNode | null;
  onChange: (rule: RuleNode | null) => void;
  onBlur: () => void;
  error?: string;
}) {
  const { confirmed, suggested, value } = props;
  const offersSuggestion =
    suggested !== null && (confirmed === null || stableJson(confirmed) !== stableJson(suggested));
  const current: RuleChoice =
    value === null
      ? 'none'
      : confirmed !== null && stableJson(value) === stableJson(confirmed)
        ? 'confirmed'
        : offersSuggestion
          ? 'suggested'
          : 'confirmed';
  const options = [
    { value: 'none', label: 'Clinician judgment (no rule)' },
    ...(confirmed ? [{ value: 'confirmed', label: `Confirmed rule: ${describeRule(confirmed)}` }] : []),
    ...(offersSuggestion && suggested
      ? [{ value: 'suggested', label: `Suggested rule: ${describeRule(suggested)}` }]
      : []),
  ];
  return (
    <Field
      label="How it is decided"
      hint={
        options.length === 1
          ? 'No structured rule has been suggested for this wording.'
          : 'Choosing a suggested rule confirms it.'
      }
      error={props.error}
    >
      <Select
        value={current}
        options={options}
        onBlur={props.onBlur}
        onChange={(event) => {
          const choice = event.target.value as RuleChoice;
          props.onChange(choice === 'none' ? null : choice === 'confirmed' ? confirmed : suggested);
        }}
      />
    </Field>
  );
}

/** Inclusion and exclusion criteria in protocol order, each with its wording and how it is decided. */
export function CriteriaFields() {
  const { register, control } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'criteria', keyName: 'fieldKey' });
  const values = useWatch({ control, name: 'criteria' }) ?? [];
  // The rule each criterion had when the form opened, so "Confirmed rule" stays on offer after choosing another.
  const originalRules = useRef(new Map<string, RuleNode | null>());
  return (
    <div className="flex flex-col gap-4">
      {fields.length === 0 ? <p className="text-sm text-slate-700">No criteria yet.</p> : null}
      <ol className="flex flex-col gap-4">
        {fields.map((field, index) => {
          if (!originalRules.current.has(field.fieldKey)) originalRules.current.set(field.fieldKey, field.rule ?? null);
          const kind = values[index]?.kind ?? field.kind;
          const name = `criterion ${index + 1}`;
          return (
            <li key={field.fieldKey}>
              <ListItemFrame
                headingId={`criterion-${field.fieldKey}`}
                heading={`Criterion ${index + 1} (${CRITERION_KIND_LABELS[kind].toLowerCase()})`}
                actions={
                  <>
                    <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => move(index, index - 1)}>
                      Move up<span className="sr-only"> {name}</span>
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      disabled={index === fields.length - 1}
                      onClick={() => move(index, index + 1)}
                    >
                      Move down<span className="sr-only"> {name}</span>
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => remove(index)}>
                      Remove<span className="sr-only"> {name}</span>
                    </Button>
                  </>
                }
              >
                <div className="grid gap-4 md:grid-cols-4">
                  <Field label="Kind" error={fieldError(`criteria.${index}.kind`)} required>
                    <Select options={optionsOf(CRITERION_KIND_LABELS)} {...register(`criteria.${index}.kind`)} />
                  </Field>
                  <Field
                    label="Wording"
                    hint="As written in the protocol."
                    error={fieldError(`criteria.${index}.text`)}
                    required
                    className="md:col-span-3"
                  >
                    <Textarea rows={2} {...register(`criteria.${index}.text`)} />
                  </Field>
                </div>
                <Controller
                  control={control}
                  name={`criteria.${index}.rule`}
                  render={({ field: rule }) => (
                    <RuleSelect
                      confirmed={originalRules.current.get(field.fieldKey) ?? null}
                      suggested={values[index]?.suggestedRule ?? null}
                      value={rule.value ?? null}
                      onChange={rule.onChange}
                      onBlur={rule.onBlur}
                      error={fieldError(`criteria.${index}.rule`)}
                    />
                  )}
                />
              </ListItemFrame>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          onClick={() => append({ kind: 'INCLUSION', text: '', rule: null, suggestedRule: null, provenance: null })}
        >
          Add an inclusion criterion
        </Button>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => append({ kind: 'EXCLUSION', text: '', rule: null, suggestedRule: null, provenance: null })}
        >
          Add an exclusion criterion
        </Button>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- assessment plan

const TIMEPOINT_KINDS: Array<{ value: Timepoint['kind']; label: string }> = [
  { value: 'BASELINE', label: 'Baseline' },
  { value: 'AFTER_SESSION', label: 'After session …' },
  { value: 'DAYS_AFTER_LAST_SESSION', label: 'Days after the last session …' },
];

function TimepointInput(props: {
  value: Timepoint;
  onChange: (value: Timepoint) => void;
  onBlur: () => void;
  kindError?: string;
  numberError?: string;
}) {
  const id = useId();
  const { value } = props;
  const number =
    value.kind === 'AFTER_SESSION' ? value.session : value.kind === 'DAYS_AFTER_LAST_SESSION' ? value.days : null;
  function change(kind: Timepoint['kind'], amount: number) {
    if (kind === 'BASELINE') props.onChange({ kind });
    else if (kind === 'AFTER_SESSION') props.onChange({ kind, session: amount });
    else props.onChange({ kind, days: amount });
  }
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Timepoint" error={props.kindError} required id={`${id}-kind`}>
        <Select
          value={value.kind}
          options={TIMEPOINT_KINDS}
          onBlur={props.onBlur}
          onChange={(event) =>
            change(event.target.value as Timepoint['kind'], event.target.value === 'DAYS_AFTER_LAST_SESSION' ? 7 : 1)
          }
        />
      </Field>
      {number !== null ? (
        <Field
          label={value.kind === 'AFTER_SESSION' ? 'Session number' : 'Days after the last session'}
          error={props.numberError}
          required
          id={`${id}-number`}
        >
          <Input
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            value={Number.isNaN(number) ? '' : number}
            onBlur={props.onBlur}
            onChange={(event) =>
              change(value.kind, event.target.value === '' ? Number.NaN : Number(event.target.value))
            }
          />
        </Field>
      ) : null}
    </div>
  );
}

const INSTRUMENT_OPTIONS = INSTRUMENT_CODES.map((code) => ({ value: code, label: INSTRUMENT_LABELS[code] }));

/** Which questionnaires are due when, with the window around each timepoint. */
export function AssessmentPlanFields() {
  const { register, control } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const { fields, append, remove } = useFieldArray({ control, name: 'assessmentPlan', keyName: 'fieldKey' });
  return (
    <div className="flex flex-col gap-4">
      {fields.length === 0 ? <p className="text-sm text-slate-700">No assessments planned yet.</p> : null}
      {fields.map((field, index) => (
        <ListItemFrame
          key={field.fieldKey}
          headingId={`assessment-${field.fieldKey}`}
          heading={`Assessment ${index + 1}`}
          actions={
            <Button size="sm" variant="ghost" onClick={() => remove(index)}>
              Remove<span className="sr-only"> assessment {index + 1}</span>
            </Button>
          }
        >
          <div className="grid gap-4 md:grid-cols-2">
            <Field label="Instrument" error={fieldError(`assessmentPlan.${index}.instrument`)} required>
              <Select options={INSTRUMENT_OPTIONS} {...register(`assessmentPlan.${index}.instrument`)} />
            </Field>
            <Controller
              control={control}
              name={`assessmentPlan.${index}.timepoint`}
              render={({ field: timepoint }) => (
                <TimepointInput
                  value={timepoint.value}
                  onChange={timepoint.onChange}
                  onBlur={timepoint.onBlur}
                  kindError={
                    fieldError(`assessmentPlan.${index}.timepoint.kind`) ??
                    fieldError(`assessmentPlan.${index}.timepoint`)
                  }
                  numberError={
                    fieldError(`assessmentPlan.${index}.timepoint.session`) ??
                    fieldError(`assessmentPlan.${index}.timepoint.days`)
                  }
                />
              )}
            />
            <Field
              label="Window before (days)"
              hint="How many days early it may be done."
              error={fieldError(`assessmentPlan.${index}.windowBeforeDays`)}
              required
            >
              <Input
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                step={1}
                {...register(`assessmentPlan.${index}.windowBeforeDays`, asNumber)}
              />
            </Field>
            <Field
              label="Window after (days)"
              hint="How many days late it may be done."
              error={fieldError(`assessmentPlan.${index}.windowAfterDays`)}
              required
            >
              <Input
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                step={1}
                {...register(`assessmentPlan.${index}.windowAfterDays`, asNumber)}
              />
            </Field>
          </div>
        </ListItemFrame>
      ))}
      <div>
        <Button
          size="sm"
          variant="secondary"
          onClick={() =>
            append({
              instrument: INSTRUMENT_CODES[0],
              timepoint: { kind: 'BASELINE' },
              provenance: null,
              windowBeforeDays: 0,
              windowAfterDays: 0,
            })
          }
        >
          Add an assessment
        </Button>
      </div>
    </div>
  );
}
