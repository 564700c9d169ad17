'use client';

import { useId, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';

export type ChoiceOption<T> = { value: T; label: ReactNode; key: string };

export type ChoiceGroupProps<T> = {
  legend: ReactNode;
  /** Hide the legend visually (it stays the group's accessible name). */
  legendHidden?: boolean;
  hint?: ReactNode;
  value: T | undefined;
  options: ReadonlyArray<ChoiceOption<T>>;
  onChange: (value: T) => void;
  onBlur?: () => void;
  error?: string;
  name: string;
  required?: boolean;
  className?: string;
};

/** Radio buttons as a labelled group with large touch targets; the whole pill is the click target. */
export function ChoiceGroup<T>({
  legend,
  legendHidden = false,
  hint,
  value,
  options,
  onChange,
  onBlur,
  error,
  name,
  required = false,
  className,
}: ChoiceGroupProps<T>) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={cn('flex min-w-0 flex-col gap-1.5', className)} aria-describedby={describedBy}>
      <legend className={cn('mb-1.5 text-sm font-medium text-slate-900', legendHidden && 'sr-only')}>
        {legend}
        {required ? (
          <span className="ml-0.5 text-red-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </legend>
      {hint ? (
        <p id={hintId} className="-mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {options.map((option) => {
          const optionId = `${id}-${option.key}`;
          const checked = value === option.value;
          return (
            <label
              key={option.key}
              htmlFor={optionId}
              className={cn(
                'inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm font-medium',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-brand-600',
                checked
                  ? 'border-brand-600 bg-brand-50 text-brand-800'
                  : 'border-slate-400 bg-white text-slate-900 hover:bg-slate-50',
              )}
            >
              <input
                type="radio"
                id={optionId}
                name={name}
                value={option.key}
                checked={checked}
                onChange={() => onChange(option.value)}
                onBlur={onBlur}
                className="size-4 accent-brand-600"
              />
              {option.label}
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export type BooleanChoiceProps = Omit<ChoiceGroupProps<boolean>, 'options'> & { trueLabel: string; falseLabel: string };

/** A yes/no answer as two radio buttons. */
export function BooleanChoice({ trueLabel, falseLabel, ...props }: BooleanChoiceProps) {
  return (
    <ChoiceGroup
      {...props}
      options={[
        { value: true, label: trueLabel, key: 'yes' },
        { value: false, label: falseLabel, key: 'no' },
      ]}
    />
  );
}
