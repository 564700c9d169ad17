'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { InstrumentSeries, SessionMark } from '@/lib/results/types';
import { BAND_FILLS, formatNumber, shortInstrumentName, timepointLabel } from './format';

type Props = { series: InstrumentSeries; sessions: SessionMark[]; timeZone: string };

const DAY_MS = 86_400_000;

/**
 * One instrument's scores over time: severity bands shaded behind the line and each infusion
 * session marked on the time axis (solid when completed, dashed when still booked). The SVG is an
 * image with a title and a description; the table beside it carries the same numbers.
 */
export function ParticipantScoreChart({ series, sessions, timeZone }: Props) {
  const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone });
  const data = series.points
    .filter((point) => point.value !== null)
    .map((point) => ({
      x: new Date(point.administeredAt).getTime(),
      value: point.value,
      timepoint: point.timepoint,
      severity: point.severity,
    }));
  const times = [...data.map((point) => point.x), ...sessions.map((session) => new Date(session.at).getTime())];
  const start = Math.min(...times) - DAY_MS;
  const end = Math.max(...times) + DAY_MS;
  const name = shortInstrumentName(series.instrument);
  const title = `${name} ${series.scoreLabel.toLowerCase()} over time`;
  const desc =
    data.length === 0
      ? `No ${name} scores yet.`
      : `${data.map((point) => `${timepointLabel(point.timepoint)}: ${formatNumber(point.value)}`).join('; ')}. ${sessions.length} infusion session(s) marked.`;

  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={data}
          margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
          role="img"
          aria-label={title}
          title={title}
          desc={desc}
          accessibilityLayer={false}
        >
          {series.bands.map((band, index) => (
            <ReferenceArea
              key={band.label}
              y1={band.from}
              y2={band.to}
              x1={start}
              x2={end}
              ifOverflow="hidden"
              fill={BAND_FILLS[Math.min(index, BAND_FILLS.length - 1)]}
              fillOpacity={1}
              stroke="none"
              label={{ value: band.label, position: 'insideRight', fill: '#334155', fontSize: 11 }}
            />
          ))}
          <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
          <XAxis
            dataKey="x"
            type="number"
            scale="time"
            domain={[start, end]}
            tickFormatter={(value: number) => dayFormat.format(new Date(value))}
            tick={{ fill: '#334155', fontSize: 12 }}
          />
          <YAxis
            domain={[series.min, series.max]}
            allowDecimals={series.instrument === 'BPI_SF' || series.instrument === 'PROMIS_PI'}
            tick={{ fill: '#334155', fontSize: 12 }}
            width={40}
          />
          {sessions.map((session) => (
            <ReferenceLine
              key={`${session.sessionNumber}-${session.at}`}
              x={new Date(session.at).getTime()}
              stroke="#6d28d9"
              strokeDasharray={session.isCompleted ? undefined : '4 4'}
              ifOverflow="extendDomain"
              label={{ value: `S${session.sessionNumber}`, position: 'top', fill: '#5b21b6', fontSize: 11 }}
            />
          ))}
          <Tooltip
            labelFormatter={(value) => dayFormat.format(new Date(Number(value)))}
            formatter={(value) => [formatNumber(Number(value)), series.scoreLabel]}
          />
          <Line
            type="linear"
            dataKey="value"
            name={series.scoreLabel}
            stroke="#0f172a"
            strokeWidth={2}
            dot={{ r: 4, fill: '#0f172a' }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
