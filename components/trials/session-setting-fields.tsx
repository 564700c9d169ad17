'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import {
  MINUTES_PER_HOUR,
  PERIOPERATIVE_24_HOURS_MINUTES,
  SESSION_KIND_LABELS,
  describeSession,
  isSessionKind,
  needsChair,
  type SessionKind,
} from '@/lib/scheduling/session-policy';
import { optionsOf } from './labels';
import { useFieldError } from './form-controls';
import type { TrialFormValues } from './trial-form-values';

const SESSION_KIND_OPTIONS = optionsOf(SESSION_KIND_LABELS);

/** Hours typed → whole minutes stored; empty → null (the schema asks for it on a no-chair session). */
function hoursToMinutes(value: string): number | null {
  if (value.trim() === '') return null;
  const hours = Number(value);
  return Number.isFinite(hours) ? Math.round(hours * MINUTES_PER_HOUR) : Number.NaN;
}

/**
 * Where arm `index`'s sessions take place: an infusion chair, or perioperative / inpatient without a chair
 * for a stated stay. The stay is typed in hours (1.5 = 90 minutes) and stored in minutes.
 */
export function SessionSettingFields({ index }: { index: number }) {
  const { setValue } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  const base = `arms.${index}.dosing` as const;
  const kind = useWatch<TrialFormValues, `arms.${number}.dosing.sessionKind`>({ name: `${base}.sessionKind` });
  const minutes = useWatch<TrialFormValues, `arms.${number}.dosing.sessionDurationMinutes`>({
    name: `${base}.sessionDurationMinutes`,
  });
  const set = { shouldDirty: true, shouldValidate: false } as const;
  const current: SessionKind = kind ?? 'CHAIR';

  function changeKind(next: string) {
    if (!isSessionKind(next)) return;
    setValue(`${base}.sessionKind`, next, set);
    // A chair session has no stay of its own; a new no-chair session starts from the 24 h stay most protocols state.
    if (needsChair(next)) setValue(`${base}.sessionDurationMinutes`, null, set);
    else if (minutes === null || minutes === undefined)
      setValue(`${base}.sessionDurationMinutes`, PERIOPERATIVE_24_HOURS_MINUTES, set);
  }

  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <Field
        label="Session setting"
        hint="Perioperative and inpatient sessions are booked without an infusion chair."
        error={fieldError(`${base}.sessionKind`)}
        required
      >
        <Select value={current} options={SESSION_KIND_OPTIONS} onChange={(event) => changeKind(event.target.value)} />
      </Field>
      {needsChair(current) ? null : (
        <Field
          label="Stay duration (hours)"
          hint={
            typeof minutes === 'number' && minutes > 0 ? describeSession({ kind: current, minutes }) : 'For example 24.'
          }
          error={fieldError(`${base}.sessionDurationMinutes`)}
          required
        >
          <Input
            type="number"
            inputMode="decimal"
            step="any"
            min={1}
            value={typeof minutes === 'number' && Number.isFinite(minutes) ? minutes / MINUTES_PER_HOUR : ''}
            onChange={(event) => setValue(`${base}.sessionDurationMinutes`, hoursToMinutes(event.target.value), set)}
          />
        </Field>
      )}
    </div>
  );
}
