import type { ComponentProps, HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

type HeadingLevel = 'h2' | 'h3' | 'h4';

export type CardProps = HTMLAttributes<HTMLElement> & { as?: 'section' | 'div' | 'article' };

/** A white panel. Use as="section" with a CardHeader title so it becomes a labelled region. */
export function Card({ as: Tag = 'section', className, ...props }: CardProps) {
  return <Tag className={cn('rounded-lg border border-slate-200 bg-white shadow-sm', className)} {...props} />;
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Pick the level that fits the page outline (the page's h1 is in PageHeader). */
  headingLevel?: HeadingLevel;
  /** Lets the enclosing Card point aria-labelledby at the title. */
  titleId?: string;
  className?: string;
};

export function CardHeader({
  title,
  description,
  actions,
  headingLevel: Heading = 'h2',
  titleId,
  className,
}: CardHeaderProps) {
  return (
    <div
      className={cn(
        'flex flex-wrap items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-5',
        className,
      )}
    >
      <div className="min-w-0">
        <Heading id={titleId} className="text-base font-semibold text-slate-900">
          {title}
        </Heading>
        {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...props }: ComponentProps<'div'>) {
  return <div className={cn('px-4 py-4 sm:px-5', className)} {...props} />;
}
