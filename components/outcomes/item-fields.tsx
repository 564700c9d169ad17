'use client';

import { useId } from 'react';
import { cn } from '@/components/ui/cn';
import { controlClasses } from '@/components/ui/control-classes';
import { isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { INSTRUMENT_DEFINITIONS } from '@/lib/outcomes/instruments';

/** Anchors printed on the PHQ-9 and GAD-7 forms ("over the last 2 weeks, how often..."). */
const FREQUENCY_ANCHORS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

function valueLabel(instrument: string, value: number): string {
  if ((instrument === 'PHQ9' || instrument === 'GAD7') && FREQUENCY_ANCHORS[value])
    return `${value} – ${FREQUENCY_ANCHORS[value]}`;
  return String(value);
}

type Props = {
  instrument: string;
  values: ReadonlyArray<number | null>;
  onChange: (index: number, value: number | null) => void;
  /** Messages keyed by 0-based item index. */
  errors?: Record<number, string | undefined>;
  disabled?: boolean;
};

/**
 * One labelled control per item, in questionnaire order, offering exactly the instrument's allowed
 * values (a select for whole-number scales; a number box for the one-decimal PROMIS T-score).
 * "Not answered" is a real choice: missing items follow each instrument's own scoring rule.
 */
export function ItemFields({ instrument, values, onChange, errors = {}, disabled = false }: Props) {
  const baseId = useId();
  if (!isInstrumentCode(instrument)) return null;
  const definition = INSTRUMENT_DEFINITIONS[instrument];
  const options =
    definition.decimals === 0
      ? Array.from(
          { length: definition.maxValue - definition.minValue + 1 },
          (_, offset) => definition.minValue + offset,
        )
      : null;

  return (
    <ol className="grid gap-3 md:grid-cols-2">
      {definition.itemLabels.map((label, index) => {
        const id = `${baseId}-item-${index}`;
        const error = errors[index];
        const value = values[index] ?? null;
        return (
          <li key={label} className="flex flex-col gap-1.5">
            <label htmlFor={id} className="text-sm font-medium text-slate-900">
              {index + 1}. {label}
            </label>
            {options ? (
              <select
                id={id}
                disabled={disabled}
                value={value === null ? '' : String(value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) => onChange(index, event.target.value === '' ? null : Number(event.target.value))}
                className={controlClasses(cn('pr-8'))}
              >
                <option value="">Not answered</option>
                {options.map((option) => (
                  <option key={option} value={option}>
                    {valueLabel(instrument, option)}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                type="number"
                inputMode="decimal"
                step={0.1}
                min={definition.minValue}
                max={definition.maxValue}
                disabled={disabled}
                value={value === null ? '' : String(value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
                onChange={(event) => onChange(index, event.target.value === '' ? null : Number(event.target.value))}
                className={controlClasses()}
              />
            )}
            {options ? null : (
              <p id={`${id}-hint`} className="text-sm text-slate-600">
                {definition.minValue}–{definition.maxValue}, one decimal at most.
              </p>
            )}
            {error ? (
              <p id={`${id}-error`} className="text-sm font-medium text-red-700">
                {error}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
