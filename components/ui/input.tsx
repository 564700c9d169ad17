'use client';

import type { ComponentProps } from 'react';
import { controlClasses } from './control-classes';
import { useControlProps } from './field';

export type InputProps = ComponentProps<'input'>;

/** A text-like input. Inside <Field> it picks up the label id, hint and error wiring. */
export function Input({ className, ...props }: InputProps) {
  const wiring = useControlProps(props);
  return <input {...props} {...wiring} className={controlClasses(className)} />;
}
