'use client';

import { useId, useState, type ReactNode } from 'react';
import { Controller, get, useFormContext, useFormState, type FieldErrors, type FieldValues } from 'react-hook-form';
import { cn } from '@/components/ui/cn';
import { Field } from '@/components/ui/field';
import { Textarea } from '@/components/ui/textarea';
import type { TrialFormValues } from './trial-form-values';

// Small pieces the trial form's sections share: value converters for register(),
// error lookup by path, and the two list-shaped controls (lines, checkbox groups).

/** Empty text box → null, so optional text is stored as "not recorded", never "". */
export function textOrNull(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? null : value;
}

/** Empty number box → null; anything else → a number (NaN when not one, which the schema reports). */
export function numberOrNull(value: unknown): unknown {
  if (value === '' || value === null || value === undefined) return null;
  return typeof value === 'number' ? value : Number(value);
}

/** Zod's wording for a missing or mistyped value, in words a form user understands. */
function friendly(message: string | undefined): string | undefined {
  if (!message) return undefined;
  if (message.startsWith('Invalid input: expected number')) return 'Enter a number.';
  if (message.startsWith('Invalid input: expected string')) return 'This field is required.';
  if (message.startsWith('Invalid option') || message.startsWith('Invalid input')) return 'Choose one of the options.';
  return message;
}

/** The message for a field path such as "arms.0.dosing.mgPerKg" (or its first nested problem for a list). */
export function errorAt(errors: FieldErrors<FieldValues>, path: string): string | undefined {
  const found = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
  if (!found) return undefined;
  if (typeof found.message === 'string') return friendly(found.message);
  if (found.root?.message) return friendly(found.root.message);
  // A list whose items have problems (e.g. one empty condition line): report the first.
  if (typeof found === 'object') {
    for (const value of Object.values(found)) {
      const nested = value as { message?: string } | undefined;
      if (nested && typeof nested.message === 'string') return friendly(nested.message);
    }
  }
  return undefined;
}

/** Error lookup bound to the trial form's state. */
export function useFieldError(): (path: string) => string | undefined {
  const { control } = useFormContext<TrialFormValues>();
  const { errors } = useFormState({ control });
  return (path: string) => errorAt(errors as FieldErrors<FieldValues>, path);
}

type ListName = 'conditions' | 'collaborators';

/** A list of short texts edited one per line; blank lines are dropped. */
export function LinesField({ name, label, hint }: { name: ListName; label: string; hint?: ReactNode }) {
  const { control } = useFormContext<TrialFormValues>();
  const fieldError = useFieldError();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <LinesTextarea
          label={label}
          hint={hint}
          error={fieldError(name)}
          value={field.value ?? []}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

function LinesTextarea(props: {
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string[];
  onChange: (value: string[]) => void;
  onBlur: () => void;
}) {
  // The text keeps what is being typed (including a new empty line); the form gets the cleaned list.
  const [text, setText] = useState(() => props.value.join('\n'));
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      <Textarea
        rows={3}
        value={text}
        onBlur={props.onBlur}
        onChange={(event) => {
          setText(event.target.value);
          props.onChange(
            event.target.value
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== ''),
          );
        }}
      />
    </Field>
  );
}

export type CheckboxOption = { value: string; label: string };

/** A fieldset of checkboxes editing a list of values (phases, the arms an intervention belongs to). */
export function CheckboxGroup(props: {
  legend: ReactNode;
  hint?: ReactNode;
  options: readonly CheckboxOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  error?: string;
  className?: string;
  emptyText?: string;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const errorId = props.error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={cn('flex flex-col gap-2', props.className)}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="text-sm font-medium text-slate-900">{props.legend}</legend>
      {props.hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {props.hint}
        </p>
      ) : null}
      {props.options.length === 0 ? (
        <p className="text-sm text-slate-600">{props.emptyText}</p>
      ) : (
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {props.options.map((option) => {
            const optionId = `${id}-${option.value}`;
            const checked = props.value.includes(option.value);
            return (
              <div key={option.value} className="flex items-center gap-2">
                <input
                  id={optionId}
                  type="checkbox"
                  checked={checked}
                  onChange={(event) =>
                    props.onChange(
                      event.target.checked
                        ? props.options
                            .map((o) => o.value)
                            .filter((value) => value === option.value || props.value.includes(value))
                        : props.value.filter((value) => value !== option.value),
                    )
                  }
                  className="size-5 shrink-0 rounded border-slate-400 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                />
                <label htmlFor={optionId} className="text-sm text-slate-900">
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      )}
      {props.error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A bordered block inside a list section (one arm, one criterion…) with its own heading and remove/move buttons. */
export function ListItemFrame({
  heading,
  headingId,
  actions,
  children,
}: {
  heading: ReactNode;
  headingId: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {heading}
        </h3>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </div>
      <div className="flex flex-col gap-4">{children}</div>
    </fieldset>
  );
}
