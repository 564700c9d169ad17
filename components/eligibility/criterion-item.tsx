import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { CRITERION_RESULT_LABELS, isFailing, KIND_LABELS } from './labels';
import { CriterionResultBadge } from './result-badges';
import type { CheckCriterionView } from '@/lib/eligibility/check-view';

/** The heading id of a criterion on the check page, so controls and links can point at it. */
export function criterionHeadingId(criterion: Pick<CheckCriterionView, 'criterionId'>): string {
  return `criterion-${criterion.criterionId}`;
}

export function criterionName(criterion: Pick<CheckCriterionView, 'kind' | 'number'>): string {
  return `${KIND_LABELS[criterion.kind]} ${criterion.number}`;
}

/**
 * One criterion of a check: kind, the protocol's wording, the structured rule (or
 * "Clinician judgment"), the engine's result and its one-line explanation, what is
 * missing, and any signed judgment or override. `children` holds review controls.
 */
export function CriterionItem({
  criterion,
  children,
  highlight = false,
}: {
  criterion: CheckCriterionView;
  children?: ReactNode;
  highlight?: boolean;
}) {
  const headingId = criterionHeadingId(criterion);
  const failing = isFailing(criterion.kind, criterion.result);
  return (
    <article
      aria-labelledby={headingId}
      className={cn(
        'rounded-lg border bg-white p-4',
        highlight ? 'border-amber-400 ring-1 ring-amber-400' : failing ? 'border-red-200' : 'border-slate-200',
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="text-sm font-semibold text-slate-900">
          {criterionName(criterion)}
        </h3>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone="neutral">{KIND_LABELS[criterion.kind]}</Badge>
          <span className="sr-only">Result:</span>
          <CriterionResultBadge kind={criterion.kind} result={criterion.result} />
        </div>
      </div>
      <p className="mt-2 text-sm text-slate-900">{criterion.text}</p>
      <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="font-medium text-slate-600">Rule</dt>
        <dd className="text-slate-900">{criterion.ruleText ?? <span className="italic">Clinician judgment</span>}</dd>
        <dt className="font-medium text-slate-600">Explanation</dt>
        <dd className="text-slate-900">{criterion.explanation}</dd>
        {criterion.missing.length > 0 ? (
          <>
            <dt className="font-medium text-slate-600">Missing</dt>
            <dd className="text-amber-900">{criterion.missing.join('; ')}</dd>
          </>
        ) : null}
        {criterion.judgment ? (
          <>
            <dt className="font-medium text-slate-600">Clinician judgment</dt>
            <dd className="text-slate-900">
              {CRITERION_RESULT_LABELS[criterion.judgment.result]}
              {criterion.judgment.note ? ` — ${criterion.judgment.note}` : ''}
            </dd>
          </>
        ) : null}
        {criterion.override ? (
          <>
            <dt className="font-medium text-slate-600">Override</dt>
            <dd className="text-slate-900">
              {CRITERION_RESULT_LABELS[criterion.result]} →{' '}
              <strong>{CRITERION_RESULT_LABELS[criterion.override.result]}</strong>. Justification:{' '}
              {criterion.override.justification}
            </dd>
          </>
        ) : null}
      </dl>
      {children ? <div className="mt-4 border-t border-slate-200 pt-4">{children}</div> : null}
    </article>
  );
}
