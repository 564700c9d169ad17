'use client';

import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { InstrumentResults } from '@/lib/results/get-trial-outcomes';
import { formatNumber, formatPercentChange, SERIES_COLORS, shortInstrumentName, timepointLabel } from './format';

type Props = { results: InstrumentResults; groups: string[]; min: number; max: number };

/** Wide rows for recharts: one per timepoint, with `<group>`, `<group> sd`, `<group> pct` keys. */
function toRows(results: InstrumentResults, groups: string[]) {
  return results.timepoints.map((timepoint) => {
    const row: Record<string, number | string | null> = { timepoint: timepointLabel(timepoint) };
    for (const [index, group] of groups.entries()) {
      const cell = results.rows.find((item) => item.armLabel === group && item.timepoint === timepoint);
      row[`g${index}`] = cell?.mean ?? null;
      row[`g${index}sd`] = cell?.sd ?? 0;
      row[`g${index}n`] = cell?.n ?? 0;
      row[`g${index}pct`] = cell?.meanPercentChange ?? null;
    }
    return row;
  });
}

/** Mean score per arm per timepoint (error bars = ±1 SD) and mean % change from baseline per arm. */
export function TrialMeanChart({ results, groups, min, max }: Props) {
  const rows = toRows(results, groups);
  const name = shortInstrumentName(results.instrument);
  const describe = (key: 'mean' | 'pct') =>
    groups
      .map(
        (group, index) =>
          `${group}: ${rows
            .map(
              (row) =>
                `${row.timepoint} ${key === 'mean' ? `${formatNumber(row[`g${index}`] as number | null)} (n ${row[`g${index}n`]})` : formatPercentChange(row[`g${index}pct`] as number | null)}`,
            )
            .join(', ')}`,
      )
      .join('. ');
  const pctRows = rows.filter((row) => groups.some((_, index) => row[`g${index}pct`] !== null));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="flex flex-col gap-2">
        <figcaption className="text-sm font-medium text-slate-800">
          Mean {results.scoreLabel.toLowerCase()} by timepoint (±1 SD)
        </figcaption>
        <div className="h-72 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart
              data={rows}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
              role="img"
              aria-label={`${name}: mean ${results.scoreLabel.toLowerCase()} by arm and timepoint`}
              title={`${name}: mean ${results.scoreLabel.toLowerCase()} by arm and timepoint`}
              desc={describe('mean')}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
              <XAxis dataKey="timepoint" tick={{ fill: '#334155', fontSize: 12 }} />
              <YAxis domain={[min, max]} tick={{ fill: '#334155', fontSize: 12 }} width={40} />
              <Tooltip formatter={(value, seriesName) => [formatNumber(Number(value)), String(seriesName)]} />
              <Legend />
              {groups.map((group, index) => (
                <Line
                  key={group}
                  dataKey={`g${index}`}
                  name={group}
                  stroke={SERIES_COLORS[index % SERIES_COLORS.length]}
                  strokeWidth={2}
                  connectNulls
                  isAnimationActive={false}
                  dot={{ r: 4 }}
                >
                  <ErrorBar dataKey={`g${index}sd`} width={6} stroke={SERIES_COLORS[index % SERIES_COLORS.length]} />
                </Line>
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="flex flex-col gap-2">
        <figcaption className="text-sm font-medium text-slate-800">Mean % change from baseline</figcaption>
        <div className="h-72 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={pctRows}
              margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
              role="img"
              aria-label={`${name}: mean % change from baseline by arm and timepoint`}
              title={`${name}: mean % change from baseline by arm and timepoint`}
              desc={describe('pct')}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
              <XAxis dataKey="timepoint" tick={{ fill: '#334155', fontSize: 12 }} />
              <YAxis tick={{ fill: '#334155', fontSize: 12 }} width={44} unit="%" />
              <ReferenceLine y={0} stroke="#334155" />
              <Tooltip formatter={(value, seriesName) => [formatPercentChange(Number(value)), String(seriesName)]} />
              <Legend />
              {groups.map((group, index) => (
                <Bar
                  key={group}
                  dataKey={`g${index}pct`}
                  name={group}
                  fill={SERIES_COLORS[index % SERIES_COLORS.length]}
                  isAnimationActive={false}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
