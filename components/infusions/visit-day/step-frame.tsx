import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { DoneBy } from './types';

export type StepState = 'done' | 'current' | 'upcoming' | 'blocked';

const STATE_LABELS: Record<StepState, string> = {
  done: 'Done',
  current: 'To do',
  upcoming: 'Not yet',
  blocked: 'On hold',
};
const STATE_TONES = { done: 'success', current: 'brand', upcoming: 'neutral', blocked: 'danger' } as const;

type Props = {
  number: number;
  title: string;
  state: StepState;
  done?: DoneBy | null;
  /** The clinic's zone (settings), named beside each time: the record may be read from anywhere. */
  timeZone: string;
  children: ReactNode;
};

/** One step of the infusion-day record: a numbered, labelled region that says who did it and when. */
export function StepFrame({ number, title, state, done, timeZone, children }: Props) {
  const headingId = `step-${number}-heading`;
  return (
    <li className="list-none">
      <section
        aria-labelledby={headingId}
        className={cn(
          'rounded-lg border bg-white shadow-sm break-inside-avoid',
          state === 'current'
            ? 'border-brand-600 ring-1 ring-brand-600'
            : state === 'blocked'
              ? 'border-red-300'
              : 'border-slate-200',
        )}
      >
        <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-5">
          <h2 id={headingId} className="flex items-center gap-3 text-base font-semibold text-slate-900">
            <span
              aria-hidden="true"
              className={cn(
                'inline-flex size-8 items-center justify-center rounded-full text-sm font-bold',
                state === 'done' ? 'bg-emerald-100 text-emerald-900' : 'bg-slate-100 text-slate-800',
              )}
            >
              {state === 'done' ? '✓' : number}
            </span>
            <span>
              <span className="sr-only">Step {number}: </span>
              {title}
            </span>
          </h2>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone={STATE_TONES[state]}>{STATE_LABELS[state]}</Badge>
            {done ? (
              <span>
                by {done.by} at <time dateTime={done.at}>{formatClinicZoned(new Date(done.at), timeZone)}</time>
              </span>
            ) : null}
          </div>
        </header>
        <div className="px-4 py-4 sm:px-5">{children}</div>
      </section>
    </li>
  );
}

export function StatusAlert({ message }: { message: { tone: 'success' | 'error'; text: string } | null }) {
  if (!message) return null;
  return (
    <p
      role={message.tone === 'error' ? 'alert' : 'status'}
      className={cn(
        'rounded-md border px-3 py-2 text-sm',
        message.tone === 'error'
          ? 'border-red-300 bg-red-50 text-red-950'
          : 'border-emerald-300 bg-emerald-50 text-emerald-950',
      )}
    >
      {message.text}
    </p>
  );
}
