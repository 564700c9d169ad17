'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { effectiveSpacing } from '@/lib/scheduling/session-spacing';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import type { DosingProtocol, DoseMode } from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
import { describeDoseSteps, describeDosing, tryDescribeDosing } from '@/lib/dosing/describe-dosing';
import { numberOrNull, useFieldError } from './form-controls';
import { SessionSettingFields } from './session-setting-fields';
import { DOSE_MODE_LABELS, optionsOf, ROUTE_LABELS, WEIGHT_BASIS_LABELS } from './labels';
import { stableJson, type TrialFormValues } from './trial-form-values';

const ROUTE_OPTIONS = optionsOf(ROUTE_LABELS);
const DOSE_MODE_OPTIONS = optionsOf(DOSE_MODE_LABELS);
const WEIGHT_BASIS_OPTIONS = optionsOf(WEIGHT_BASIS_LABELS);

const asNumber = { setValueAs: numberOrNull };

/** A new extension visit: optional, 1–7 days after the last session, same dose as the sessions until set. */
function newExtension(): NonNullable<DosingProtocol['extension']> {
  return {
    label: '',
    isOptional: true,
    minDaysAfterLastSession: 1,
    maxDaysAfterLastSession: 7,
    mgPerKg: null,
    fixedMg: null,
    isOpenLabel: false,
  };
}

/** Twice weekly with no spacing numbers: the scheduler's defaults, shown as assumptions to confirm. */
function SpacingAssumption({
  dosing,
  onConfirm,
}: {
  dosing: {
    sessionsPerWeek: number | null;
    minHoursBetweenSessions: number | null;
    maxDaysBetweenSessions: number | null;
  };
  onConfirm: (spacing: { minHoursBetweenSessions: number | null; maxDaysBetweenSessions: number | null }) => void;
}) {
  const spacing = effectiveSpacing(dosing);
  if (!spacing.assumed.minHours && !spacing.assumed.maxDays) return null;
  const parts = [
    spacing.assumed.minHours ? `at least ${spacing.minHoursBetweenSessions} h` : null,
    spacing.assumed.maxDays ? `at most ${spacing.maxDaysBetweenSessions} days` : null,
  ].filter(Boolean);
  return (
    <Alert tone="warning" title="Spacing assumed, not stated" live="none">
      <p>
        The protocol says {dosing.sessionsPerWeek} per week but gives no spacing, so sessions are booked{' '}
        {parts.join(' and ')} apart (the clinic&apos;s defaults for twice weekly). Confirm them to write them into the
        protocol, or enter the protocol&apos;s own numbers.
      </p>
      <Button type="button" size="sm" variant="secondary" className="mt-2" onClick={() => onConfirm(spacing)}>
        Confirm {parts.join(' and ')}
      </Button>
    </Alert>
  );
}

/**
 * The dosing protocol of arm `index`: every field the dose calculator and the
 * scheduler read. Fields that do not apply to the chosen dose mode are hidden
 * and cleared, so the schema's "clear it" errors do not surprise anyone.
 */
export function DosingFields({ index, armLabel }: { index: number; armLabel: string }) {
  const { register, setValue, getValues } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const base = `arms.${index}.dosing` as const;
  const dosing = useWatch<TrialFormValues, `arms.${number}.dosing`>({ name: base });
  const suggested = useWatch<TrialFormValues, `arms.${number}.suggestedDosing`>({
    name: `arms.${index}.suggestedDosing`,
  });
  const armType = useWatch<TrialFormValues, `arms.${number}.type`>({ name: `arms.${index}.type` });
  const error = (field: string) => fieldError(`${base}.${field}`);
  const set = { shouldDirty: true, shouldValidate: false } as const;

  function enable(checked: boolean) {
    if (!checked) {
      setValue(base, null, set);
      return;
    }
    if (suggested) {
      setValue(base, suggested, set);
      return;
    }
    const template = defaultDosingProtocol();
    const isPlacebo = armType === 'PLACEBO_COMPARATOR' || armType === 'SHAM_COMPARATOR';
    setValue(base, isPlacebo ? { ...template, doseMode: 'PLACEBO', mgPerKg: null, weightBasis: null } : template, set);
  }

  function changeMode(mode: DoseMode) {
    const current = getValues(base);
    if (!current) return;
    const extensionUsesWeight =
      (current.extension?.mgPerKg ?? null) !== null || current.doseSteps.some((step) => step.mgPerKg !== null);
    const next: DosingProtocol = {
      ...current,
      doseMode: mode,
      mgPerKg: mode === 'WEIGHT_BASED' ? (current.mgPerKg ?? null) : null,
      fixedMg: mode === 'FIXED' ? (current.fixedMg ?? null) : null,
      weightBasis: mode === 'WEIGHT_BASED' || extensionUsesWeight ? (current.weightBasis ?? 'ACTUAL') : null,
      doseSteps: mode === 'PLACEBO' ? [] : current.doseSteps,
    };
    setValue(base, next, set);
  }

  const hasSuggestionToApply =
    suggested !== null && suggested !== undefined && stableJson(suggested) !== stableJson(dosing);
  const inWords = dosing ? tryDescribeDosing(dosing) : null;
  const usesWeight =
    dosing !== null &&
    dosing !== undefined &&
    (dosing.doseMode === 'WEIGHT_BASED' ||
      (dosing.extension?.mgPerKg ?? null) !== null ||
      dosing.doseSteps.some((step) => step.mgPerKg !== null));

  return (
    <div className="flex flex-col gap-4 rounded-md bg-slate-50 p-3 sm:p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Checkbox
          label={`${armLabel || 'This arm'} has a confirmed dosing protocol`}
          hint="Scheduling and the dose calculator use it. Leave unticked for an arm without a drug schedule."
          checked={dosing !== null && dosing !== undefined}
          onChange={(event) => enable(event.target.checked)}
        />
        {hasSuggestionToApply ? (
          <Button size="sm" variant="secondary" onClick={() => setValue(base, suggested, set)}>
            Use the suggested protocol
          </Button>
        ) : null}
      </div>
      {suggested && hasSuggestionToApply ? (
        <p className="text-sm text-slate-700">
          <Badge tone="warning">Suggested</Badge> {describeDosing(suggested)}
        </p>
      ) : null}

      {dosing ? (
        <>
          {inWords ? <p className="text-sm font-medium text-slate-900">In words: {inWords}</p> : null}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field label="Drug" error={error('drug')} required>
              <Input autoComplete="off" {...register(`${base}.drug`)} />
            </Field>
            <Field label="Route" error={error('route')} required>
              <Select options={ROUTE_OPTIONS} {...register(`${base}.route`)} />
            </Field>
            <Field label="Dose" error={error('doseMode')} required>
              <Select
                options={DOSE_MODE_OPTIONS}
                value={dosing.doseMode}
                onChange={(event) => changeMode(event.target.value as DoseMode)}
                name={`${base}.doseMode`}
              />
            </Field>
            {dosing.doseMode === 'WEIGHT_BASED' ? (
              <Field label="mg/kg" error={error('mgPerKg')} required>
                <Input
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  {...register(`${base}.mgPerKg`, asNumber)}
                />
              </Field>
            ) : null}
            {usesWeight ? (
              <Field label="Weight basis" error={error('weightBasis')} required>
                <Select
                  options={WEIGHT_BASIS_OPTIONS}
                  placeholder="Choose a basis"
                  {...register(`${base}.weightBasis`, { setValueAs: (v) => (v === '' ? null : v) })}
                />
              </Field>
            ) : null}
            {dosing.doseMode === 'FIXED' ? (
              <Field label="Fixed dose (mg)" error={error('fixedMg')} required>
                <Input
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  {...register(`${base}.fixedMg`, asNumber)}
                />
              </Field>
            ) : null}
            {dosing.doseMode !== 'PLACEBO' || dosing.extension !== null ? (
              <Field
                label="Maximum per session (mg)"
                hint={
                  dosing.doseMode === 'PLACEBO'
                    ? 'Applies to the active extension dose. Empty = no cap.'
                    : 'Empty = no cap.'
                }
                error={error('maxMgPerSession')}
              >
                <Input
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  {...register(`${base}.maxMgPerSession`, asNumber)}
                />
              </Field>
            ) : null}
            <Field label="Round doses to (mg)" error={error('roundingIncrementMg')} required>
              <Input
                type="number"
                inputMode="decimal"
                step="any"
                min={0}
                {...register(`${base}.roundingIncrementMg`, asNumber)}
              />
            </Field>
            <Field label="Infusion duration (minutes)" hint="Empty = not stated." error={error('infusionMinutes')}>
              <Input
                type="number"
                inputMode="decimal"
                step="any"
                min={0}
                {...register(`${base}.infusionMinutes`, asNumber)}
              />
            </Field>
            <Field
              label="Concentration (mg/mL)"
              hint="Or a diluent volume, not both."
              error={error('concentrationMgPerMl')}
            >
              <Input
                type="number"
                inputMode="decimal"
                step="any"
                min={0}
                {...register(`${base}.concentrationMgPerMl`, asNumber)}
              />
            </Field>
            <Field label="Diluent volume (mL)" error={error('diluentVolumeMl')}>
              <Input
                type="number"
                inputMode="decimal"
                step="any"
                min={0}
                {...register(`${base}.diluentVolumeMl`, asNumber)}
              />
            </Field>
          </div>

          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field label="Number of sessions" error={error('sessionCount')} required>
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                min={1}
                {...register(`${base}.sessionCount`, asNumber)}
              />
            </Field>
            <Field
              label="Sessions per 7 days"
              hint="At most this many in any 7 days (not per calendar week). Empty = not stated."
              error={error('sessionsPerWeek')}
            >
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                min={1}
                max={7}
                {...register(`${base}.sessionsPerWeek`, asNumber)}
              />
            </Field>
            <Field label="Minimum hours between sessions" error={error('minHoursBetweenSessions')}>
              <Input
                type="number"
                inputMode="decimal"
                step="any"
                min={0}
                {...register(`${base}.minHoursBetweenSessions`, asNumber)}
              />
            </Field>
            <Field label="Maximum days between sessions" error={error('maxDaysBetweenSessions')}>
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                min={1}
                {...register(`${base}.maxDaysBetweenSessions`, asNumber)}
              />
            </Field>
            <Field
              label="Weight valid for (days)"
              hint="How recent the weight used for a dose must be."
              error={error('weightWindowDays')}
              required
            >
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                min={1}
                max={90}
                {...register(`${base}.weightWindowDays`, asNumber)}
              />
            </Field>
          </div>

          <SessionSettingFields index={index} />

          <SpacingAssumption
            dosing={dosing}
            onConfirm={(spacing) => {
              setValue(`${base}.minHoursBetweenSessions`, spacing.minHoursBetweenSessions, set);
              setValue(`${base}.maxDaysBetweenSessions`, spacing.maxDaysBetweenSessions, set);
            }}
          />

          {dosing.doseSteps.length > 0 ? (
            <div className="text-sm">
              <p className="font-medium text-slate-900">Dose steps (kept as recorded)</p>
              <ul className="mt-1 list-disc pl-5 text-slate-800">
                {describeDoseSteps(dosing).map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ul>
              {error('doseSteps') ? <p className="mt-1 font-medium text-red-700">{error('doseSteps')}</p> : null}
            </div>
          ) : null}

          <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
            <Checkbox
              label="Extension visit"
              hint="An extra infusion after the last session, e.g. an optional open-label infusion."
              checked={dosing.extension !== null}
              onChange={(event) => setValue(`${base}.extension`, event.target.checked ? newExtension() : null, set)}
            />
            {dosing.extension ? (
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                <Field
                  label="Extension label"
                  error={error('extension.label')}
                  required
                  className="sm:col-span-2 lg:col-span-3"
                >
                  <Input autoComplete="off" {...register(`${base}.extension.label`)} />
                </Field>
                <Field
                  label="Earliest day after the last session"
                  error={error('extension.minDaysAfterLastSession')}
                  required
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    step={1}
                    min={0}
                    {...register(`${base}.extension.minDaysAfterLastSession`, asNumber)}
                  />
                </Field>
                <Field
                  label="Latest day after the last session"
                  error={error('extension.maxDaysAfterLastSession')}
                  required
                >
                  <Input
                    type="number"
                    inputMode="numeric"
                    step={1}
                    min={0}
                    {...register(`${base}.extension.maxDaysAfterLastSession`, asNumber)}
                  />
                </Field>
                <div className="flex flex-col gap-2 pt-1">
                  <Checkbox label="Optional" {...register(`${base}.extension.isOptional`)} />
                  <Checkbox label="Open-label" {...register(`${base}.extension.isOpenLabel`)} />
                </div>
                <Field
                  label="Extension mg/kg"
                  hint="Empty both to give the sessions' dose."
                  error={error('extension.mgPerKg')}
                >
                  <Input
                    type="number"
                    inputMode="decimal"
                    step="any"
                    min={0}
                    {...register(`${base}.extension.mgPerKg`, asNumber)}
                  />
                </Field>
                <Field label="Extension fixed dose (mg)" error={error('extension.fixedMg')}>
                  <Input
                    type="number"
                    inputMode="decimal"
                    step="any"
                    min={0}
                    {...register(`${base}.extension.fixedMg`, asNumber)}
                  />
                </Field>
              </div>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
