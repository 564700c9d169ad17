'use client';

import { createContext, useContext, useId, type ReactNode } from 'react';
import { cn } from './cn';

type FieldControl = { id: string; describedBy: string | undefined; invalid: boolean; required: boolean };

const FieldContext = createContext<FieldControl | null>(null);

/**
 * What a control inside <Field> needs: its id (matching the label) and the ids
 * of the hint and error text. Input, Select and Textarea read this themselves.
 */
export function useFieldControl(): FieldControl | null {
  return useContext(FieldContext);
}

/** Merges the field's accessibility wiring with whatever the caller passed explicitly. */
export function useControlProps(props: {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false' | 'grammar' | 'spelling';
  'aria-required'?: boolean | 'true' | 'false';
}) {
  const field = useFieldControl();
  const describedBy = [field?.describedBy, props['aria-describedby']].filter(Boolean).join(' ') || undefined;
  return {
    id: props.id ?? field?.id,
    'aria-describedby': describedBy,
    'aria-invalid': props['aria-invalid'] ?? (field?.invalid ? true : undefined),
    'aria-required': props['aria-required'] ?? (field?.required ? true : undefined),
  };
}

export type FieldProps = {
  label: ReactNode;
  children: ReactNode;
  hint?: ReactNode;
  /** Error text, usually `errors.name?.message` from react-hook-form. */
  error?: string;
  required?: boolean;
  /** Set when the control needs a specific id (e.g. to be targeted by other markup). */
  id?: string;
  className?: string;
  /** Hide the label visually but keep it for screen readers (e.g. a search box with a visible button). */
  labelHidden?: boolean;
};

/**
 * Label + control + hint + error. Usage with react-hook-form:
 * <Field label="Email" error={errors.email?.message}><Input type="email" {...register('email')} /></Field>
 */
export function Field({
  label,
  children,
  hint,
  error,
  required = false,
  id,
  className,
  labelHidden = false,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? `field-${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <FieldContext.Provider value={{ id: controlId, describedBy, invalid: Boolean(error), required }}>
      <div className={cn('flex flex-col gap-1.5', className)}>
        <label htmlFor={controlId} className={cn('text-sm font-medium text-slate-900', labelHidden && 'sr-only')}>
          {label}
          {required ? (
            <span className="ml-0.5 text-red-700" aria-hidden="true">
              *
            </span>
          ) : null}
        </label>
        {hint ? (
          <p id={hintId} className="text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
        {children}
        {error ? (
          <p id={errorId} className="text-sm font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </div>
    </FieldContext.Provider>
  );
}
