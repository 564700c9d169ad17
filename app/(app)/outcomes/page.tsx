import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { listOutcomeTrials } from '@/lib/results/list-outcome-trials';

export const metadata = { title: 'Outcomes' };

export default async function OutcomesPage() {
  await requirePageUser('outcome.read');
  const trials = await listOutcomeTrials();

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Outcomes"
        description="Questionnaire results, adverse events, enrollment and adherence per trial."
        actions={
          <LinkButton href="/outcomes/due" variant="secondary">
            Due and overdue questionnaires
          </LinkButton>
        }
      />
      {trials.length === 0 ? (
        <EmptyState
          title="No trials with participants or an assessment plan yet"
          description="Results appear here once a trial has an assessment plan or enrolled participants."
        />
      ) : (
        <nav aria-label="Choose a trial">
          <ul className="grid gap-3 md:grid-cols-2">
            {trials.map((trial) => (
              <li key={trial.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <Link
                  href={`/outcomes/${trial.id}`}
                  className="rounded-sm text-base font-semibold text-brand-700 underline underline-offset-4 hover:text-brand-800"
                >
                  {trial.label}
                </Link>
                <p className="mt-1 text-sm text-slate-700">{trial.title}</p>
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                  {trial.nctId ? <span>{trial.nctId}</span> : null}
                  <span>
                    {trial.enrolled} enrolled{trial.targetEnrollment ? ` of ${trial.targetEnrollment}` : ''}
                  </span>
                  <span>{trial.assessments} questionnaires</span>
                  {trial.isMasked ? <Badge tone="info">Masked</Badge> : null}
                </p>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
