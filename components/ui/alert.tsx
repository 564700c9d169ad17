import type { ReactNode } from 'react';
import { cn } from './cn';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

const TONES: Record<AlertTone, string> = {
  info: 'border-sky-300 bg-sky-50 text-sky-950',
  success: 'border-emerald-300 bg-emerald-50 text-emerald-950',
  warning: 'border-amber-300 bg-amber-50 text-amber-950',
  error: 'border-red-300 bg-red-50 text-red-950',
};

const PREFIX: Record<AlertTone, string> = { info: 'Note', success: 'Done', warning: 'Warning', error: 'Error' };

export type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
  /**
   * Errors interrupt (role="alert"); everything else is announced politely (role="status").
   * Pass "none" for a static notice that should not be announced when it appears.
   */
  live?: 'auto' | 'none';
};

export function Alert({ tone = 'info', title, children, className, id, live = 'auto' }: AlertProps) {
  const role = live === 'none' ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div id={id} role={role} className={cn('rounded-md border px-4 py-3 text-sm', TONES[tone], className)}>
      {/* Screen readers hear the kind of message first; sighted users get it from colour and title. */}
      <span className="sr-only">{PREFIX[tone]}: </span>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={cn(title ? 'mt-1' : undefined)}>{children}</div> : null}
    </div>
  );
}
