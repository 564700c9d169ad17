'use client';

import type { ComponentProps } from 'react';
import { cn } from './cn';
import { controlClasses } from './control-classes';
import { useControlProps } from './field';

export type TextareaProps = ComponentProps<'textarea'>;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  const wiring = useControlProps(props);
  return <textarea rows={rows} {...props} {...wiring} className={controlClasses(cn('resize-y', className))} />;
}
