import { Badge } from '@/components/ui/badge';
import type { StageCounts, TrialPipeline } from '@/lib/dashboard/get-dashboard-stats';
import { OVERALL_STATUS_LABELS, PIPELINE_STAGE_LABELS, PIPELINE_STAGES } from '@/lib/dashboard/labels';

const numberFormat = new Intl.NumberFormat('en-US');

type Props = { rows: TrialPipeline[]; totals: StageCounts };

/**
 * Candidates per stage for each trial: a row per stage, a column per trial.
 * Stages were columns once, and thirteen of them did not fit 1280 px, let alone
 * a tablet; a clinic runs a handful of trials, so trials as columns fit both.
 * Only stages that hold anyone get a row.
 */
export function TrialPipelineTable({ rows, totals }: Props) {
  const stages = PIPELINE_STAGES.filter((stage) => totals[stage] > 0);
  return (
    <div role="region" aria-labelledby="trial-pipeline-caption" tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption id="trial-pipeline-caption" className="sr-only">
          Candidates per pipeline stage, by trial
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-2.5 align-bottom font-semibold text-slate-700">
              Stage
            </th>
            {rows.map((row) => (
              <th
                key={row.trialId}
                scope="col"
                className="min-w-[6.5rem] px-2 py-2.5 text-right align-bottom font-semibold text-slate-900"
              >
                <span className="block">{row.title}</span>
                <span className="mt-1 flex flex-wrap items-center justify-end gap-2 text-xs font-normal text-slate-600">
                  {row.nctId ? <span>{row.nctId}</span> : null}
                  <Badge tone={row.overallStatus === 'RECRUITING' ? 'success' : 'neutral'}>
                    {OVERALL_STATUS_LABELS[row.overallStatus]}
                  </Badge>
                </span>
              </th>
            ))}
            <th scope="col" className="px-4 py-2.5 text-right align-bottom font-semibold text-slate-700">
              All trials
            </th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage} className="border-b border-slate-100">
              <th scope="row" className="px-4 py-2 text-left font-medium whitespace-nowrap text-slate-900">
                {PIPELINE_STAGE_LABELS[stage]}
              </th>
              {rows.map((row) => (
                <td
                  key={row.trialId}
                  className={`px-2 py-2 text-right tabular-nums ${row.counts[stage] === 0 ? 'text-slate-600' : 'text-slate-900'}`}
                >
                  {numberFormat.format(row.counts[stage])}
                </td>
              ))}
              <td className="px-4 py-2 text-right font-semibold text-slate-900 tabular-nums">
                {numberFormat.format(totals[stage])}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="px-4 py-2 text-left font-semibold text-slate-900">
              Total
            </th>
            {rows.map((row) => (
              <td key={row.trialId} className="px-2 py-2 text-right font-semibold text-slate-900 tabular-nums">
                {numberFormat.format(row.total)}
              </td>
            ))}
            <td className="px-4 py-2 text-right font-semibold text-slate-900 tabular-nums">
              {numberFormat.format(rows.reduce((sum, row) => sum + row.total, 0))}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
