import { Badge } from '@/components/ui/badge';
import type { StageCounts, TrialPipeline } from '@/lib/dashboard/get-dashboard-stats';
import { OVERALL_STATUS_LABELS, PIPELINE_STAGE_LABELS, PIPELINE_STAGES } from '@/lib/dashboard/labels';

const numberFormat = new Intl.NumberFormat('en-US');

type Props = { rows: TrialPipeline[]; totals: StageCounts };

/**
 * Candidates per stage for each trial. Only stages that hold anyone get a
 * column: thirteen mostly-empty columns would not fit a tablet.
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
            <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              Trial
            </th>
            {stages.map((stage) => (
              <th
                key={stage}
                scope="col"
                className="px-3 py-2.5 text-right font-semibold whitespace-nowrap text-slate-700"
              >
                {PIPELINE_STAGE_LABELS[stage]}
              </th>
            ))}
            <th scope="col" className="px-4 py-2.5 text-right font-semibold text-slate-700">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.trialId} className="border-b border-slate-100 last:border-b-0">
              <th scope="row" className="min-w-[14rem] px-4 py-3 text-left align-top font-medium text-slate-900">
                <span className="block">{row.title}</span>
                <span className="mt-1 flex flex-wrap items-center gap-2 text-xs font-normal text-slate-600">
                  {row.nctId ? <span>{row.nctId}</span> : null}
                  <Badge tone={row.overallStatus === 'RECRUITING' ? 'success' : 'neutral'}>
                    {OVERALL_STATUS_LABELS[row.overallStatus]}
                  </Badge>
                </span>
              </th>
              {stages.map((stage) => (
                <td
                  key={stage}
                  className={`px-3 py-3 text-right align-top tabular-nums ${row.counts[stage] === 0 ? 'text-slate-600' : 'text-slate-900'}`}
                >
                  {numberFormat.format(row.counts[stage])}
                </td>
              ))}
              <td className="px-4 py-3 text-right align-top font-semibold text-slate-900 tabular-nums">
                {numberFormat.format(row.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
