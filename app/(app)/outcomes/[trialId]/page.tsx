import Link from 'next/link';
import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { ChangeTable } from '@/components/outcomes/change-table';
import { PrintButton } from '@/components/outcomes/print-button';
import {
  AdherenceTable,
  AdverseEventTable,
  CompletionTable,
  FunnelTable,
  SummaryTable,
} from '@/components/outcomes/results-tables';
import { TimepointRangeForm } from '@/components/outcomes/timepoint-range-form';
import { TrialMeanChart } from '@/components/outcomes/lazy-charts';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getPageContext } from '@/lib/auth/page-context';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { isAppError } from '@/lib/errors/app-error';
import { getTrialOutcomes } from '@/lib/results/get-trial-outcomes';
import { scoreScale } from '@/lib/results/score-scale';
import { EXPORT_KINDS, type ExportKind } from '@/lib/validations/assessments';
import { outcomeRangeQuerySchema, type OutcomeRangeQuery } from '@/lib/validations/results';

export const metadata = { title: 'Trial results' };

const EXPORT_LABELS: Record<ExportKind, string> = {
  assessments: 'All scores (long format)',
  summary: 'Means by arm and timepoint',
  change: 'Change between the chosen timepoints',
  responders: 'Responders and remitters',
  'adverse-events': 'Adverse events',
  funnel: 'Enrollment funnel',
  adherence: 'Adherence per participant',
  completion: 'Study completion',
};

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id} className="break-inside-avoid">
      <CardHeader titleId={id} title={title} description={description} />
      <CardBody className="flex flex-col gap-4">{children}</CardBody>
    </Card>
  );
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TrialResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ trialId: string }>;
  searchParams: SearchParams;
}) {
  const user = await requirePageUser('outcome.read');
  const { trialId } = await params;
  const ctx = await getPageContext(user);
  const query = outcomeRangeQuerySchema.safeParse(await searchParams);
  const range = query.success ? query.data : {};
  const load = (chosen: OutcomeRangeQuery) =>
    getTrialOutcomes({ trialId, ctx, range: chosen }).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
      throw error;
    });
  // A timepoint that is not in the plan shows its message beside the selectors and the default comparison.
  let rangeErrors: Record<string, string[]> | undefined;
  const report = await load(range).catch((error: unknown) => {
    if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
    rangeErrors = error.fields;
    return load({});
  });
  const rangeQuery = report.range
    ? `?${new URLSearchParams({ from: report.range.from, to: report.range.to }).toString()}`
    : '';

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link
            href="/outcomes"
            className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800 print:hidden"
          >
            ← All trials
          </Link>
        }
        title={`Results: ${report.trial.label}`}
        description={`${report.trial.title}${report.trial.nctId ? ` (${report.trial.nctId})` : ''}. Current, corrected scores only.`}
        actions={<PrintButton label="Print report" />}
      />

      {report.pooled ? (
        <Alert tone="info" title="Masked trial: results are pooled" live="none">
          This trial is masked ({report.trial.masking?.toLowerCase()}). To protect the blind, every arm is shown
          together as “All participants”. Only the trial’s named unblinded staff see results by arm.
        </Alert>
      ) : report.isMasked ? (
        <Alert tone="warning" title="Unmasked view: results by arm" live="none">
          This trial is masked ({report.trial.masking?.toLowerCase()}). You are seeing results by arm because you are
          named unblinded staff for this trial; do not share them with the blinded study team.
        </Alert>
      ) : null}

      {report.range ? (
        <Section
          id="results-range"
          title="Compare two timepoints"
          description="Each questionnaire below shows the change between these two planned timepoints, in points and as two different % figures."
        >
          <TimepointRangeForm
            timepoints={report.timepoints}
            from={report.range.from}
            to={report.range.to}
            errors={rangeErrors}
          />
          {rangeErrors ? (
            <Alert tone="error" title="That timepoint is not in the plan">
              {Object.values(rangeErrors).flat().join(' ')} Showing the default comparison instead.
            </Alert>
          ) : null}
        </Section>
      ) : null}

      {report.instruments.length === 0 ? (
        <Alert tone="info" live="none">
          No questionnaires are planned or recorded for this trial yet.
        </Alert>
      ) : (
        report.instruments.map((results) => {
          const scale = scoreScale(results.instrument);
          const id = `results-${results.instrument}`;
          return (
            <Section key={results.instrument} id={id} title={results.label} description={results.scoreLabel}>
              {results.rows.length > 0 ? (
                <>
                  <TrialMeanChart
                    results={results}
                    groups={report.groups}
                    min={scale?.min ?? 0}
                    max={scale?.max ?? 0}
                  />
                  <SummaryTable results={results} />
                  <ChangeTable results={results} />
                </>
              ) : (
                <p className="text-sm text-slate-700">No scores recorded yet.</p>
              )}
            </Section>
          );
        })
      )}

      <Section
        id="results-ae"
        title="Adverse events"
        description="By term, CTCAE grade and arm; voided reports are left out."
      >
        <AdverseEventTable rows={report.adverseEvents} />
      </Section>
      <Section
        id="results-funnel"
        title="Enrollment"
        description="Candidates by current stage, and enrollment against the target."
      >
        <FunnelTable funnel={report.funnel} />
      </Section>
      <Section id="results-adherence" title="Infusion adherence">
        <AdherenceTable adherence={report.adherence} />
      </Section>
      <Section
        id="results-completion"
        title="Study completion"
        description="Each participant's final status and its date."
      >
        <CompletionTable completion={report.completion} />
      </Section>

      <Section id="results-exports" title="Download CSV">
        <ul className="grid gap-2 text-sm sm:grid-cols-2 print:hidden">
          {EXPORT_KINDS.map((kind) => (
            <li key={kind}>
              <a
                href={`/api/v1/trials/${report.trial.id}/exports/${kind}.csv${kind === 'change' ? rangeQuery : ''}`}
                download
                className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
              >
                {EXPORT_LABELS[kind]} <span className="text-slate-600">({kind}.csv)</span>
              </a>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">
          Downloads hold participant identifiers and are recorded in the audit trail.
        </p>
      </Section>
    </div>
  );
}
