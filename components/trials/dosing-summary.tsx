import type { ReactNode } from 'react';
import { formatNumber } from '@/lib/dosing/format';
import type { DosingProtocol } from '@/lib/validations/dosing';
import { describeDoseSteps, describeDosing, describeVolume } from '@/lib/dosing/describe-dosing';
import { SESSION_KIND_LABELS, describeSession } from '@/lib/scheduling/session-policy';
import { DOSE_MODE_LABELS, ROUTE_LABELS, WEIGHT_BASIS_LABELS } from './labels';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="text-sm text-slate-600 sm:w-44 sm:shrink-0">{term}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** One arm's dosing protocol: the plain-words line first, then every parameter the dose calculator reads. */
export function DosingSummary({ protocol }: { protocol: DosingProtocol }) {
  const volume = describeVolume(protocol);
  const steps = describeDoseSteps(protocol);
  const extension = protocol.extension;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-base font-medium text-slate-900">
        {protocol.drug.charAt(0).toUpperCase() + protocol.drug.slice(1)}: {describeDosing(protocol)}
      </p>
      <details className="group rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600">
          All dosing parameters
        </summary>
        <dl className="mt-3 flex flex-col gap-2">
          <Row term="Drug and route">
            {protocol.drug}, {ROUTE_LABELS[protocol.route]}
          </Row>
          <Row term="Dose">{DOSE_MODE_LABELS[protocol.doseMode]}</Row>
          {protocol.mgPerKg !== null ? <Row term="mg/kg">{formatNumber(protocol.mgPerKg)} mg/kg</Row> : null}
          {protocol.weightBasis ? <Row term="Weight basis">{WEIGHT_BASIS_LABELS[protocol.weightBasis]}</Row> : null}
          {protocol.fixedMg !== null ? <Row term="Fixed dose">{formatNumber(protocol.fixedMg)} mg</Row> : null}
          <Row term="Maximum per session">
            {protocol.maxMgPerSession === null ? 'No cap' : `${formatNumber(protocol.maxMgPerSession)} mg`}
          </Row>
          <Row term="Rounding">To the nearest {formatNumber(protocol.roundingIncrementMg)} mg</Row>
          <Row term="Infusion duration">
            {protocol.infusionMinutes === null ? 'Not stated' : `${formatNumber(protocol.infusionMinutes)} minutes`}
          </Row>
          <Row term="Concentration or volume">{volume ?? 'Not stated'}</Row>
          <Row term="Session setting">
            {protocol.sessionDurationMinutes === null
              ? SESSION_KIND_LABELS[protocol.sessionKind]
              : describeSession({ kind: protocol.sessionKind, minutes: protocol.sessionDurationMinutes })}
          </Row>
          <Row term="Sessions">{formatNumber(protocol.sessionCount)}</Row>
          <Row term="Sessions per 7 days (at most, any 7 days)">
            {protocol.sessionsPerWeek === null ? 'Not stated' : formatNumber(protocol.sessionsPerWeek)}
          </Row>
          <Row term="Minimum gap">
            {protocol.minHoursBetweenSessions === null
              ? 'Not stated'
              : `${formatNumber(protocol.minHoursBetweenSessions)} hours`}
          </Row>
          <Row term="Maximum gap">
            {protocol.maxDaysBetweenSessions === null
              ? 'Not stated'
              : `${formatNumber(protocol.maxDaysBetweenSessions)} days`}
          </Row>
          <Row term="Weight valid for">{formatNumber(protocol.weightWindowDays)} days before a session</Row>
          {steps.length > 0 ? (
            <Row term="Dose steps">
              <ul className="list-disc pl-5">
                {steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ul>
            </Row>
          ) : null}
          {extension ? (
            <Row term="Extension">
              {extension.label}: {extension.isOptional ? 'optional' : 'required'},{' '}
              {extension.isOpenLabel ? 'open-label' : 'blinded'}, {formatNumber(extension.minDaysAfterLastSession)}–
              {formatNumber(extension.maxDaysAfterLastSession)} days after the last session
              {extension.mgPerKg !== null
                ? `, ${formatNumber(extension.mgPerKg)} mg/kg`
                : extension.fixedMg !== null
                  ? `, ${formatNumber(extension.fixedMg)} mg`
                  : ', same dose as the sessions'}
            </Row>
          ) : null}
        </dl>
      </details>
    </div>
  );
}
