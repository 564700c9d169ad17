import type { ReactNode } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import type { TrialDetail } from '@/lib/trials/types';

/** `timeZone`: the clinic settings' zone, from the page, for every time a section shows. */
export type SectionProps = { trial: TrialDetail; canEdit: boolean; timeZone: string };

export function Section({
  id,
  title,
  description,
  actions,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} aria-labelledby={`${id}-heading`} className="mb-6 scroll-mt-32">
      <CardHeader titleId={`${id}-heading`} title={title} description={description} actions={actions} />
      {children}
    </Card>
  );
}

export function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export const missing = <span className="text-slate-600">Not recorded</span>;

export function orMissing(value: ReactNode | null | undefined): ReactNode {
  return value === null || value === undefined || value === '' ? missing : value;
}

// ---------------------------------------------------------------- overview
