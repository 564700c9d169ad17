import { Card, CardBody } from '@/components/ui/card';
import type { OverallResult } from '@/lib/eligibility/types';
import { CRITERION_RESULT_LABELS, OVERALL_LABELS, OVERALL_MEANINGS } from './labels';
import { OverallBadge } from './result-badges';
import { type CheckCriterionView, countByResult } from '@/lib/eligibility/check-view';

/**
 * The overall result, what it means, the per-result counts and (for INCOMPLETE) exactly what is
 * missing. Once signed the counts are the reviewed results, with the engine's beside them.
 */
export function OverallSummary({
  overall,
  computedOverall,
  criteria,
  isSigned,
}: {
  overall: OverallResult;
  computedOverall: OverallResult;
  criteria: CheckCriterionView[];
  isSigned: boolean;
}) {
  const counts = countByResult(criteria, isSigned ? 'reviewed' : 'computed');
  const engineCounts = countByResult(criteria, 'computed').filter(({ count }) => count > 0);
  const missing: string[] = [];
  for (const criterion of criteria) {
    if (criterion.result === 'UNKNOWN')
      for (const item of criterion.missing) if (!missing.includes(item)) missing.push(item);
  }
  return (
    <Card aria-labelledby="overall-heading" className="mb-6">
      <CardBody className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="overall-heading" className="text-base font-semibold text-slate-900">
            Overall result
          </h2>
          <OverallBadge overall={overall} className="px-3 py-1 text-sm" />
          {computedOverall !== overall ? (
            <span className="text-sm text-slate-700">
              (engine result before review: {OVERALL_LABELS[computedOverall]})
            </span>
          ) : null}
        </div>
        <p className="text-sm text-slate-800">{OVERALL_MEANINGS[overall]}</p>
        <ul
          className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700"
          aria-label={isSigned ? 'Criteria by result after review' : 'Criteria by result'}
        >
          {counts.map(({ result, count }) => (
            <li key={result}>
              {CRITERION_RESULT_LABELS[result]}:{' '}
              <span className="font-semibold tabular-nums text-slate-900">{count}</span>
            </li>
          ))}
        </ul>
        {isSigned ? (
          <p className="text-sm text-slate-600">
            After the clinician&apos;s review. The engine&apos;s results before review:{' '}
            {engineCounts
              .map(({ result, count }) => `${CRITERION_RESULT_LABELS[result].toLowerCase()} ${count}`)
              .join(', ')}
            .
          </p>
        ) : null}
        {computedOverall === 'INCOMPLETE' && missing.length > 0 ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <p className="font-semibold">Missing data</p>
            <p className="mt-0.5">Enter or update these, then run a new check:</p>
            <ul className="mt-1 list-disc pl-5">
              {missing.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
