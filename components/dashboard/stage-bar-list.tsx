import type { StageCounts } from '@/lib/dashboard/get-dashboard-stats';
import { PIPELINE_STAGE_LABELS, PIPELINE_STAGES } from '@/lib/dashboard/labels';

const numberFormat = new Intl.NumberFormat('en-US');

/**
 * Candidates per pipeline stage as a list of labelled bars. The label and the
 * number are the content; the bar is decoration, hidden from screen readers.
 */
export function StageBarList({ totals, labelledBy }: { totals: StageCounts; labelledBy?: string }) {
  const max = Math.max(1, ...PIPELINE_STAGES.map((stage) => totals[stage]));
  return (
    <ul aria-labelledby={labelledBy} className="flex flex-col gap-2.5">
      {PIPELINE_STAGES.map((stage) => {
        const count = totals[stage];
        return (
          <li key={stage} className="grid grid-cols-[minmax(7.5rem,10rem)_1fr_3rem] items-center gap-3 text-sm">
            <span className="text-slate-700">{PIPELINE_STAGE_LABELS[stage]}</span>
            <span aria-hidden="true" className="h-3 overflow-hidden rounded-full bg-slate-100">
              <span className="block h-full rounded-full bg-brand-600" style={{ width: `${(count / max) * 100}%` }} />
            </span>
            <span className="text-right font-semibold text-slate-900 tabular-nums">{numberFormat.format(count)}</span>
          </li>
        );
      })}
    </ul>
  );
}
