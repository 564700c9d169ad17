import type { ReactNode } from 'react';
import { cn } from './cn';

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links for the page's main tasks, shown right of the title (below it on phones). */
  actions?: ReactNode;
  /** Small content above the title, e.g. a back link. */
  eyebrow?: ReactNode;
  className?: string;
};

/** The page's single h1. */
export function PageHeader({ title, description, actions, eyebrow, className }: PageHeaderProps) {
  return (
    // Wraps rather than squeezes: with several actions on a tablet the buttons move below the
    // title instead of crushing its description into a column one word wide.
    <div className={cn('mb-6 flex flex-wrap items-end justify-between gap-4', className)}>
      <div className="min-w-0 flex-[1_1_20rem]">
        {eyebrow ? <div className="mb-1 text-sm text-slate-600">{eyebrow}</div> : null}
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex max-w-full flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
