import type { ReactNode } from 'react';
import { PIPELINE_STAGE_LABELS } from '@/lib/dashboard/labels';
import type { TrialOutcomes } from '@/lib/results/get-trial-outcomes';
import {
  ENROLLMENT_STATUS_LABELS,
  formatCalendarDate,
  formatNumber,
  formatPercentChange,
  shortInstrumentName,
  timepointLabel,
} from './format';

// The results report's tables (server-rendered, printable). Each is a real <table>
// with a caption and header cells, inside a focusable region that scrolls sideways on a phone.

const STAGE_LABELS: Record<string, string> = PIPELINE_STAGE_LABELS;

const TH = 'px-3 py-2 font-semibold text-slate-900';
const TD = 'px-3 py-2 text-slate-800';
const NUM = 'px-3 py-2 text-right tabular-nums text-slate-800';

export function ReportTable({
  caption,
  head,
  children,
}: {
  caption: string;
  head: Array<{ label: ReactNode; numeric?: boolean }>;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {head.map((column, index) => (
              <th key={index} scope="col" className={column.numeric ? `${TH} text-right` : TH}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="[&>tr]:border-b [&>tr]:border-slate-100 [&>tr:last-child]:border-b-0">{children}</tbody>
      </table>
    </div>
  );
}

const rate = (part: number | null, whole: number | null) =>
  part === null || !whole ? '—' : `${part} of ${whole} (${formatNumber((part / whole) * 100, 0)}%)`;

export function SummaryTable({ results }: { results: TrialOutcomes['instruments'][number] }) {
  const name = shortInstrumentName(results.instrument);
  return (
    <ReportTable
      caption={`${name}: ${results.scoreLabel.toLowerCase()} by arm and timepoint`}
      head={[
        { label: 'Arm' },
        { label: 'Timepoint' },
        { label: 'n', numeric: true },
        { label: 'Mean', numeric: true },
        { label: 'SD', numeric: true },
        {
          label: results.isTScore
            ? 'Mean % change from baseline (none on a T-score scale)'
            : 'Mean of individual % changes from baseline (n)',
          numeric: true,
        },
        { label: 'Responders' },
        { label: 'Remitters' },
      ]}
    >
      {results.rows.map((row) => (
        <tr key={`${row.armLabel}-${row.timepoint}`}>
          <th scope="row" className={`${TD} font-medium`}>
            {row.armLabel}
          </th>
          <td className={TD}>{timepointLabel(row.timepoint)}</td>
          <td className={NUM}>{row.n}</td>
          <td className={NUM}>{formatNumber(row.mean, 2)}</td>
          <td className={NUM}>{formatNumber(row.sd, 2)}</td>
          <td className={NUM}>
            {row.timepoint === 'BASELINE' || results.isTScore
              ? '—'
              : `${formatPercentChange(row.meanPercentChange)} (${row.nPercentChange})`}
          </td>
          <td className={TD}>{row.timepoint === 'BASELINE' ? '—' : rate(row.responders, row.nResponseEvaluable)}</td>
          <td className={TD}>{rate(row.remitters, row.nRemissionEvaluable)}</td>
        </tr>
      ))}
    </ReportTable>
  );
}

export function AdverseEventTable({ rows }: { rows: TrialOutcomes['adverseEvents'] }) {
  if (rows.length === 0)
    return <p className="text-sm text-slate-700">No adverse events recorded (voided reports are not counted).</p>;
  return (
    <ReportTable
      caption="Adverse events by term, grade and arm"
      head={[
        { label: 'Term' },
        { label: 'CTCAE grade', numeric: true },
        { label: 'Arm' },
        { label: 'Events', numeric: true },
        { label: 'Participants', numeric: true },
        { label: 'Serious', numeric: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={`${row.term}-${row.grade}-${row.group}`}>
          <th scope="row" className={`${TD} font-medium`}>
            {row.term}
          </th>
          <td className={NUM}>{row.grade}</td>
          <td className={TD}>{row.group}</td>
          <td className={NUM}>{row.events}</td>
          <td className={NUM}>{row.participants}</td>
          <td className={NUM}>{row.serious}</td>
        </tr>
      ))}
    </ReportTable>
  );
}

export function FunnelTable({ funnel }: { funnel: TrialOutcomes['funnel'] }) {
  const target = funnel.target;
  const percent = target ? Math.min(100, Math.round((funnel.enrolled / target) * 100)) : null;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <p className="text-sm text-slate-800">
          <span className="text-2xl font-semibold tabular-nums text-slate-900">{funnel.enrolled}</span> enrolled
          {target
            ? ` of a target of ${target} (${formatNumber((funnel.enrolled / target) * 100, 0)}%)`
            : ' (no enrollment target registered)'}{' '}
          · {funnel.everConsented} ever consented
        </p>
        {percent !== null ? (
          <div
            role="meter"
            aria-label="Enrollment against target"
            aria-valuemin={0}
            aria-valuemax={target ?? 0}
            aria-valuenow={funnel.enrolled}
            className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full rounded-full bg-brand-600" style={{ width: `${percent}%` }} />
          </div>
        ) : null}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <ReportTable
          caption="Candidates by current pipeline stage"
          head={[{ label: 'Stage' }, { label: 'Candidates', numeric: true }]}
        >
          {funnel.stages.map((row) => (
            <tr key={row.stage}>
              <th scope="row" className={`${TD} font-medium`}>
                {STAGE_LABELS[row.stage] ?? row.stage}
              </th>
              <td className={NUM}>{row.count}</td>
            </tr>
          ))}
        </ReportTable>
        <ReportTable caption="Enrolled by arm" head={[{ label: 'Arm' }, { label: 'Enrolled', numeric: true }]}>
          {funnel.enrolledByGroup.map((row) => (
            <tr key={row.group}>
              <th scope="row" className={`${TD} font-medium`}>
                {row.group}
              </th>
              <td className={NUM}>{row.count}</td>
            </tr>
          ))}
        </ReportTable>
      </div>
    </div>
  );
}

export function AdherenceTable({ adherence }: { adherence: TrialOutcomes['adherence'] }) {
  const rows = [
    ...adherence.byGroup,
    ...(adherence.byGroup.length > 1 ? [{ group: 'All arms', ...adherence.overall }] : []),
  ];
  return (
    <ReportTable
      caption={`Infusion adherence (late = completed more than ${adherence.lateAfterHours} hours after the first booking)`}
      head={[
        { label: 'Arm' },
        { label: 'Participants', numeric: true },
        { label: 'Sessions completed / planned', numeric: true },
        { label: 'Completion', numeric: true },
        { label: 'All sessions done', numeric: true },
        { label: 'Late', numeric: true },
        { label: 'Missed', numeric: true },
        { label: 'Cancelled', numeric: true },
        { label: 'Deviations', numeric: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.group}>
          <th scope="row" className={`${TD} font-medium`}>
            {row.group}
          </th>
          <td className={NUM}>{row.participants}</td>
          <td className={NUM}>
            {row.completed} / {row.planned}
          </td>
          <td className={NUM}>{row.completionRate === null ? '—' : `${formatNumber(row.completionRate * 100, 0)}%`}</td>
          <td className={NUM}>{row.fullyCompleted}</td>
          <td className={NUM}>{row.late}</td>
          <td className={NUM}>{row.missed}</td>
          <td className={NUM}>{row.cancelled}</td>
          <td className={NUM}>{row.deviations}</td>
        </tr>
      ))}
    </ReportTable>
  );
}

export function CompletionTable({ completion }: { completion: TrialOutcomes['completion'] }) {
  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-800" aria-label="Participants by final status">
        {completion.counts.map((row) => (
          <li key={row.status}>
            {ENROLLMENT_STATUS_LABELS[row.status] ?? row.status}:{' '}
            <span className="font-semibold tabular-nums">{row.count}</span>
          </li>
        ))}
      </ul>
      {completion.participants.length > 0 ? (
        <ReportTable
          caption="Study completion per participant"
          head={[
            { label: 'MRN' },
            { label: 'Arm' },
            { label: 'Enrolled' },
            { label: 'Status' },
            { label: 'Date' },
            { label: 'Reason' },
          ]}
        >
          {completion.participants.map((row) => (
            <tr key={row.enrollmentId}>
              <th scope="row" className={`${TD} font-medium`}>
                <a
                  href={`/participants/${row.enrollmentId}/outcomes`}
                  className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
                >
                  {row.mrn}
                </a>
              </th>
              <td className={TD}>{row.group}</td>
              <td className={TD}>{formatCalendarDate(row.enrolledAt)}</td>
              <td className={TD}>{ENROLLMENT_STATUS_LABELS[row.status] ?? row.status}</td>
              <td className={TD}>{row.status === 'ACTIVE' ? 'Ongoing' : formatCalendarDate(row.endedAt)}</td>
              <td className={TD}>{row.endReason ?? '—'}</td>
            </tr>
          ))}
        </ReportTable>
      ) : null}
    </div>
  );
}
