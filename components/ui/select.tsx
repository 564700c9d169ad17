'use client';

import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './control-classes';
import { useControlProps } from './field';

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = ComponentProps<'select'> & {
  /** Convenience alternative to <option> children. */
  options?: readonly SelectOption[];
  /** An empty first option, e.g. "Choose a role"; value "". */
  placeholder?: string;
};

/** A native <select>: the most reliable choice for screen readers and touch devices. */
export function Select({ className, options, placeholder, children, ...props }: SelectProps) {
  const wiring = useControlProps(props);
  return (
    <select {...props} {...wiring} className={controlClasses(cn('pr-8', className))}>
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options?.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
