import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

const numberFormat = new Intl.NumberFormat('en-US');

/** A <dl> grid that holds Stat tiles, so each label is programmatically tied to its number. */
export function StatGrid({ className, ...props }: ComponentProps<'dl'>) {
  return <dl className={cn('grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 lg:grid-cols-4', className)} {...props} />;
}

export type StatProps = {
  label: ReactNode;
  value: number;
  hint?: ReactNode;
  /** Draws attention to the tile, e.g. trials that are recruiting now. */
  highlight?: boolean;
  /** Makes the label a link to the list it counts (the link text is the label, not a bare number). */
  href?: string;
  className?: string;
};

/** One labelled number. Must be inside a StatGrid (or another <dl>). */
export function Stat({ label, value, hint, highlight = false, href, className }: StatProps) {
  const formatted = numberFormat.format(value);
  return (
    <div
      className={cn(
        'flex flex-col-reverse justify-end gap-1 rounded-lg border bg-white p-4 shadow-sm',
        highlight ? 'border-brand-600 ring-1 ring-brand-600' : 'border-slate-200',
        className,
      )}
    >
      <dt className="text-sm font-medium text-slate-700">
        {href ? (
          <Link href={href} className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800">
            {label}
          </Link>
        ) : (
          label
        )}
        {hint ? <span className="mt-0.5 block text-xs font-normal text-slate-600">{hint}</span> : null}
      </dt>
      <dd className={cn('text-3xl font-semibold tabular-nums', highlight ? 'text-brand-700' : 'text-slate-900')}>
        {formatted}
      </dd>
    </div>
  );
}
