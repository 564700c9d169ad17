'use client';

import dynamic from 'next/dynamic';

// The charts' library (recharts, ~100 KB compressed) loads after the page, not in
// its first load: the same numbers are in the results tables beside each chart,
// so the page is usable before the charts draw. A box of the chart's height keeps
// the layout from jumping when they do.
function ChartPlaceholder() {
  return (
    <div className="flex h-72 w-full items-center justify-center rounded-md bg-slate-50 text-sm text-slate-600">
      Loading chart…
    </div>
  );
}

export const TrialMeanChart = dynamic(() => import('./trial-mean-chart').then((module) => module.TrialMeanChart), {
  ssr: false,
  loading: ChartPlaceholder,
});

export const ParticipantScoreChart = dynamic(
  () => import('./participant-score-chart').then((module) => module.ParticipantScoreChart),
  { ssr: false, loading: ChartPlaceholder },
);
