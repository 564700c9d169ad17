import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { isRemissionApplicable, isResponseApplicable } from '@/lib/outcomes/compute-change';
import { isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import type { InstrumentSeries, SessionMark } from '@/lib/results/types';
import { CorrectAssessmentForm } from './lazy-forms';
import {
  flagLabel,
  formatChange,
  formatNumber,
  formatPercentChange,
  shortInstrumentName,
  timepointLabel,
} from './format';
import { ParticipantScoreChart } from './lazy-charts';

type Props = {
  series: InstrumentSeries;
  sessions: SessionMark[];
  enrollmentId: string;
  canRecord: boolean;
  timeZone: string;
};

const yesNo = (value: boolean | null) => (value === null ? '—' : value ? 'Yes' : 'No');

/** One instrument on the participant page: status badges, the chart, and the table of scores with corrections. */
export function InstrumentOutcomeCard({ series, sessions, enrollmentId, canRecord, timeZone }: Props) {
  const name = shortInstrumentName(series.instrument);
  const headingId = `outcome-${series.instrument}`;
  const code = isInstrumentCode(series.instrument) ? series.instrument : null;
  const canRespond = code !== null && isResponseApplicable(code);
  const canRemit = code !== null && isRemissionApplicable(code);
  const hasValues = series.points.some((point) => point.value !== null);

  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        titleId={headingId}
        title={series.label}
        description={`${series.scoreLabel}; baseline ${formatNumber(series.baseline)}.`}
        actions={
          <ul aria-label={`${name} status`} className="flex flex-wrap gap-2">
            {canRespond && series.latestResponse !== null ? (
              <li>
                <Badge tone={series.latestResponse ? 'success' : 'neutral'}>
                  {series.latestResponse ? 'Response' : 'No response'}
                </Badge>
              </li>
            ) : null}
            {canRemit && series.latestRemission !== null ? (
              <li>
                <Badge tone={series.latestRemission ? 'success' : 'neutral'}>
                  {series.latestRemission ? 'Remission' : 'Not in remission'}
                </Badge>
              </li>
            ) : null}
          </ul>
        }
      />
      <CardBody className="flex flex-col gap-4">
        {hasValues ? (
          <ParticipantScoreChart series={series} sessions={sessions} timeZone={timeZone} />
        ) : (
          <p className="text-sm text-slate-700">No {name} scores recorded yet.</p>
        )}
        {series.points.length > 0 ? (
          <div className="overflow-x-auto" role="region" aria-label={`${name} scores`} tabIndex={0}>
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{name} scores, change from baseline and corrections</caption>
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-900">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Timepoint
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Administered
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {series.scoreLabel}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Severity
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    Change
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    % change
                  </th>
                  {canRespond ? (
                    <th scope="col" className="px-3 py-2">
                      ≥ 50% reduction
                    </th>
                  ) : null}
                  {canRemit ? (
                    <th scope="col" className="px-3 py-2">
                      In remission
                    </th>
                  ) : null}
                  <th scope="col" className="px-3 py-2">
                    Recorded by
                  </th>
                </tr>
              </thead>
              <tbody>
                {series.points.map((point) => (
                  <tr key={point.assessmentId} className="border-b border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                      {timepointLabel(point.timepoint)}
                      {canRecord ? (
                        <details className="mt-1 font-normal print:hidden">
                          <summary className="cursor-pointer rounded-sm text-brand-700 underline underline-offset-4">
                            Correct
                            <span className="sr-only">
                              {' '}
                              {name} at {timepointLabel(point.timepoint)}
                            </span>
                          </summary>
                          <div className="mt-3 w-[min(90vw,48rem)]">
                            <CorrectAssessmentForm
                              assessmentId={point.assessmentId}
                              enrollmentId={enrollmentId}
                              instrument={series.instrument}
                              items={point.items}
                              title={`${name} at ${timepointLabel(point.timepoint)}`}
                            />
                          </div>
                        </details>
                      ) : null}
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">
                      <time dateTime={point.administeredAt}>
                        {formatClinicZoned(new Date(point.administeredAt), timeZone)}
                      </time>
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">
                      {formatNumber(point.value, 2)}
                      {!point.isComplete ? <span className="block text-xs text-slate-600">missing items</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      {point.severity ?? '—'}
                      {point.flags.map((flag) => (
                        <span key={flag} className="mt-1 block">
                          <Badge tone="danger">{flagLabel(flag)}</Badge>
                        </span>
                      ))}
                    </td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatChange(point.change, 2)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatPercentChange(point.percentChange)}</td>
                    {canRespond ? <td className="px-3 py-2">{yesNo(point.response)}</td> : null}
                    {canRemit ? <td className="px-3 py-2">{yesNo(point.remission)}</td> : null}
                    <td className="px-3 py-2">
                      {point.recordedBy}
                      {point.history.length > 0 ? (
                        <span className="mt-1 block text-xs text-slate-700">
                          Corrected ({point.correctionReason}); earlier:{' '}
                          {point.history
                            .map((version) => `${formatNumber(version.total)} by ${version.recordedBy}`)
                            .join(', ')}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
