import { Card, CardBody } from '@/components/ui/card';
import type { CriterionResultValue, OverallResult } from '@/lib/eligibility/types';
import { CRITERION_RESULT_LABELS, OVERALL_LABELS, OVERALL_MEANINGS } from './labels';
import { OverallBadge } from './result-badges';
import type { CheckCriterionView } from '@/lib/eligibility/check-view';

const COUNT_ORDER: readonly CriterionResultValue[] = ['MET', 'NOT_MET', 'UNKNOWN', 'NEEDS_REVIEW'];

/** The overall result, what it means, the per-result counts and (for INCOMPLETE) exactly what is missing. */
export function OverallSummary({
  overall,
  computedOverall,
  criteria,
}: {
  overall: OverallResult;
  computedOverall: OverallResult;
  criteria: CheckCriterionView[];
}) {
  const counts = Object.fromEntries(COUNT_ORDER.map((result) => [result, 0])) as Record<CriterionResultValue, number>;
  const missing: string[] = [];
  for (const criterion of criteria) {
    counts[criterion.result] += 1;
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
        <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700" aria-label="Criteria by result">
          {COUNT_ORDER.map((result) => (
            <li key={result}>
              {CRITERION_RESULT_LABELS[result]}:{' '}
              <span className="font-semibold tabular-nums text-slate-900">{counts[result]}</span>
            </li>
          ))}
        </ul>
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
