import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { describeTimepointCode, describeWindow, timepointOrder } from './describe-timepoint';
import { formatInstant } from './format';
import { instrumentLabel } from './labels';
import { Section, type SectionProps } from './section-frame';

export function AssessmentPlanSection({ trial }: SectionProps) {
  const rows = [...trial.assessmentPlan].sort(
    (a, b) =>
      timepointOrder(a.timepoint) - timepointOrder(b.timepoint) ||
      instrumentLabel(a.instrument).localeCompare(instrumentLabel(b.instrument)),
  );
  return (
    <Section
      id="assessment-plan"
      title="Assessment plan"
      description="Which questionnaires are due when, and how far from that day they may be done."
    >
      {rows.length === 0 ? (
        <CardBody>
          <EmptyState title="No assessments planned" />
        </CardBody>
      ) : (
        <div role="region" aria-labelledby="assessment-plan-caption" tabIndex={0} className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption id="assessment-plan-caption" className="sr-only">
              Assessment plan: instrument, timepoint and window
            </caption>
            <thead className="border-b border-slate-200 bg-slate-50">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
                  Instrument
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
                  Timepoint
                </th>
                <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
                  Window
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => (
                <tr key={item.id} className="border-b border-slate-100 last:border-b-0">
                  <th scope="row" className="px-4 py-3 text-left align-top font-medium text-slate-900">
                    {instrumentLabel(item.instrument)}
                  </th>
                  <td className="px-4 py-3 align-top text-slate-800">{describeTimepointCode(item.timepoint)}</td>
                  <td className="px-4 py-3 align-top text-slate-800">
                    {describeWindow(item.windowBeforeDays, item.windowAfterDays)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------- versions

export function VersionsSection({ trial, timeZone }: SectionProps) {
  const current = trial.versions[0]?.number;
  return (
    <Section
      id="versions"
      title="Versions"
      description="Each amendment of criteria, dosing or the assessment plan after screening began is a new protocol version."
      actions={
        trial.versions.length > 1 ? (
          <Link
            href={`/trials/${trial.id}/versions`}
            className="text-sm font-medium text-brand-700 underline underline-offset-2"
          >
            Compare versions
          </Link>
        ) : null
      }
    >
      <div role="region" aria-labelledby="versions-caption" tabIndex={0} className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption id="versions-caption" className="px-4 py-3 text-left text-sm font-semibold text-slate-900 sm:px-5">
            Protocol versions, newest first
          </caption>
          <thead className="border-y border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
                Version
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
                Created
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
                By
              </th>
              <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
                Reason
              </th>
              <th scope="col" className="px-4 py-2.5 text-right font-semibold text-slate-700">
                Criteria
              </th>
            </tr>
          </thead>
          <tbody>
            {trial.versions.map((version) => {
              const isShown = version.number === trial.protocolVersion.number;
              return (
                <tr
                  key={version.id}
                  className={`border-b border-slate-100 last:border-b-0 ${isShown ? 'bg-brand-50' : ''}`}
                  aria-current={isShown ? 'true' : undefined}
                >
                  <th
                    scope="row"
                    className="px-4 py-3 text-left align-top font-medium whitespace-nowrap text-slate-900"
                  >
                    {isShown ? (
                      <span>Version {version.number}</span>
                    ) : (
                      <Link
                        href={
                          version.number === current
                            ? `/trials/${trial.id}#versions`
                            : `/trials/${trial.id}?version=${version.number}#criteria`
                        }
                        className="text-brand-700 underline underline-offset-2"
                      >
                        Version {version.number}
                      </Link>
                    )}
                    {version.number === current ? (
                      <Badge tone="success" className="ml-2">
                        Current
                      </Badge>
                    ) : null}
                    {isShown ? <span className="sr-only"> (shown on this page)</span> : null}
                  </th>
                  <td className="px-4 py-3 align-top whitespace-nowrap text-slate-800">
                    {formatInstant(version.createdAt, timeZone)}
                  </td>
                  <td className="px-4 py-3 align-top text-slate-800">
                    {version.createdByName ?? <span className="text-slate-600">System</span>}
                  </td>
                  <td className="px-4 py-3 align-top text-slate-800">
                    {version.reason ?? (
                      <span className="text-slate-600">
                        {version.number === 1 ? 'Original protocol' : 'No reason recorded'}
                      </span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-right align-top text-slate-800 tabular-nums">
                    {version.criteriaCount}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CardBody className="border-t border-slate-200">
        <h3 className="text-sm font-semibold text-slate-900">ClinicalTrials.gov imports</h3>
        {trial.imports.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">
            {trial.nctId
              ? 'This trial has not been imported from ClinicalTrials.gov.'
              : 'A local study has no registry imports.'}
          </p>
        ) : (
          <ul className="mt-2 flex flex-col gap-1.5 text-sm text-slate-800">
            {trial.imports.map((row, index) => (
              <li key={row.id}>
                <span className="font-medium text-slate-900">{formatInstant(row.createdAt, timeZone)}</span>
                {row.importedByName ? ` by ${row.importedByName}` : ''}
                {' · '}
                {index === trial.imports.length - 1 && row.changeCount === 0
                  ? 'first import'
                  : row.changeCount === 1
                    ? '1 field changed'
                    : `${row.changeCount} fields changed`}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Section>
  );
}
