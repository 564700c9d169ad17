import Link from 'next/link';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { describeRule } from '@/lib/eligibility/describe-rule';
import type { TrialArmDto, TrialCriterionDto, TrialDetail } from '@/lib/trials/types';
import { ConfirmDosingButton } from './confirm-dosing-button';
import { CriterionRuleActions } from './criterion-rule-actions';
import { describeDosing } from '@/lib/dosing/describe-dosing';
import { describeTimepointCode, describeWindow, timepointOrder } from './describe-timepoint';
import { DosingSummary } from './dosing-summary';
import { EnrollmentProgress } from './enrollment-progress';
import { formatInstant, formatPartialDate } from './format';
import {
  ALLOCATION_LABELS,
  ARM_TYPE_LABELS,
  formatPhases,
  instrumentLabel,
  INTERVENTION_TYPE_LABELS,
  MASKING_LABELS,
  OUTCOME_KIND_LABELS,
  STUDY_TYPE_LABELS,
} from './labels';
import { TrialStatusBadge } from './trial-status-badge';

export const TRIAL_SECTIONS = [
  { id: 'overview', label: 'Overview' },
  { id: 'arms', label: 'Arms and dosing' },
  { id: 'criteria', label: 'Eligibility criteria' },
  { id: 'assessment-plan', label: 'Assessment plan' },
  { id: 'versions', label: 'Versions' },
] as const;

const SOURCE_LABELS: Record<TrialDetail['source'], string> = {
  MANUAL: 'Entered in TrialDesk',
  CTGOV_IMPORT: 'Imported from ClinicalTrials.gov',
  SEED: 'Demo data',
};

type SectionProps = { trial: TrialDetail; canEdit: boolean };

function Section({ id, title, description, actions, children }: { id: string; title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Card id={id} aria-labelledby={`${id}-heading`} className="mb-6 scroll-mt-32">
      <CardHeader titleId={`${id}-heading`} title={title} description={description} actions={actions} />
      {children}
    </Card>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const missing = <span className="text-slate-600">Not recorded</span>;

function orMissing(value: ReactNode | null | undefined): ReactNode {
  return value === null || value === undefined || value === '' ? missing : value;
}

// ---------------------------------------------------------------- overview

export function OverviewSection({ trial }: SectionProps) {
  const outcomesByKind = (['PRIMARY', 'SECONDARY', 'OTHER'] as const)
    .map((kind) => ({ kind, items: trial.outcomes.filter((outcome) => outcome.kind === kind) }))
    .filter((group) => group.items.length > 0);
  return (
    <Section id="overview" title="Overview" description={SOURCE_LABELS[trial.source]}>
      <CardBody className="flex flex-col gap-6">
        {trial.coverageNote ? (
          <Alert tone="warning" live="none" title="Coverage">
            <p className="whitespace-pre-line">{trial.coverageNote}</p>
          </Alert>
        ) : null}

        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Detail term="NCT id">
            {trial.nctId ? (
              <a
                href={`https://clinicaltrials.gov/study/${trial.nctId}`}
                className="font-mono text-brand-700 underline underline-offset-2"
                target="_blank"
                rel="noopener noreferrer"
              >
                {trial.nctId}
                <span className="sr-only"> on ClinicalTrials.gov (opens in a new tab)</span>
              </a>
            ) : (
              'Local study (not registered)'
            )}
          </Detail>
          <Detail term="Local protocol number">{orMissing(trial.protocolNumber)}</Detail>
          <Detail term="Short title">{orMissing(trial.shortTitle)}</Detail>
          {trial.acronym ? <Detail term="Acronym">{trial.acronym}</Detail> : null}
          <Detail term="Official title">{trial.title}</Detail>
          <Detail term="Status">
            <TrialStatusBadge status={trial.overallStatus} />
          </Detail>
          <Detail term="Phases">{formatPhases(trial.phases)}</Detail>
          <Detail term="Study type">{STUDY_TYPE_LABELS[trial.studyType]}</Detail>
          <Detail term="Allocation">{trial.allocation ? ALLOCATION_LABELS[trial.allocation] : missing}</Detail>
          <Detail term="Masking">{trial.masking ? MASKING_LABELS[trial.masking] : missing}</Detail>
          <Detail term="Lead sponsor">{orMissing(trial.leadSponsor)}</Detail>
          <Detail term="Collaborators">{trial.collaborators.length > 0 ? trial.collaborators.join('; ') : 'None listed'}</Detail>
          <Detail term="Principal investigator">{orMissing(trial.principalInvestigator)}</Detail>
          <Detail term="Enrollment">
            <EnrollmentProgress enrolled={trial.enrolledCount} target={trial.targetEnrollment} className="max-w-48" />
          </Detail>
          <Detail term="Start date">{orMissing(formatPartialDate(trial.startDate))}</Detail>
          <Detail term="Completion date">{orMissing(formatPartialDate(trial.completionDate))}</Detail>
          <Detail term="Last changed">{formatInstant(trial.updatedAt)}</Detail>
        </dl>

        <div>
          <h3 className="text-sm font-semibold text-slate-900">Brief summary</h3>
          {trial.briefSummary ? <p className="mt-1 max-w-3xl text-sm whitespace-pre-line text-slate-800">{trial.briefSummary}</p> : <p className="mt-1 text-sm">{missing}</p>}
        </div>

        <div className="grid gap-6 md:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Conditions</h3>
            {trial.conditions.length > 0 ? (
              <ul className="mt-2 flex flex-wrap gap-2">
                {trial.conditions.map((condition) => (
                  <li key={condition}>
                    <Badge tone="neutral">{condition}</Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm">{missing}</p>
            )}
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Sites</h3>
            {trial.sites.length > 0 ? (
              <ul className="mt-2 flex flex-col gap-1.5 text-sm text-slate-800">
                {trial.sites.map((site) => (
                  <li key={site.id}>
                    <span className="font-medium text-slate-900">{site.facility}</span>
                    {[site.city, site.state, site.country].some(Boolean) ? (
                      <span className="text-slate-600">, {[site.city, site.state, site.country].filter(Boolean).join(', ')}</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm">{missing}</p>
            )}
          </div>
        </div>

        <div>
          <h3 className="text-sm font-semibold text-slate-900">Outcome measures</h3>
          {outcomesByKind.length === 0 ? (
            <p className="mt-1 text-sm">{missing}</p>
          ) : (
            <div className="mt-2 flex flex-col gap-4">
              {outcomesByKind.map((group) => (
                <div key={group.kind}>
                  <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{OUTCOME_KIND_LABELS[group.kind]}</h4>
                  <ul className="mt-1 flex flex-col gap-2">
                    {group.items.map((outcome) => (
                      <li key={outcome.id} className="text-sm text-slate-800">
                        <span className="font-medium text-slate-900">{outcome.measure}</span>
                        {outcome.timeFrame ? <span className="text-slate-600"> · {outcome.timeFrame}</span> : null}
                        {outcome.description ? <p className="mt-0.5 max-w-3xl text-slate-700">{outcome.description}</p> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          )}
        </div>
      </CardBody>
    </Section>
  );
}

// ---------------------------------------------------------------- arms and dosing

function ArmCard({ trial, arm, canEdit }: SectionProps & { arm: TrialArmDto }) {
  const headingId = `arm-${arm.id}-heading`;
  const interventions = trial.interventions.filter((item) => item.armIds.includes(arm.id));
  const canConfirm = canEdit && trial.isCurrentVersion && arm.dosingStatus === 'suggested' && arm.suggestedDosing !== null;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {arm.label}
        </h3>
        <Badge tone={arm.type === 'EXPERIMENTAL' ? 'brand' : 'neutral'}>{ARM_TYPE_LABELS[arm.type]}</Badge>
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-slate-600">Allocation weight</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{arm.allocationWeight}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-600">Enrolled</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{arm.enrollmentCount}</dd>
        </div>
      </dl>
      {arm.description ? <p className="mt-2 max-w-3xl text-sm whitespace-pre-line text-slate-800">{arm.description}</p> : null}
      {interventions.length > 0 ? (
        <div className="mt-3">
          <h4 className="text-sm font-semibold text-slate-900">Interventions</h4>
          <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-800">
            {interventions.map((item) => (
              <li key={item.id}>
                <span className="font-medium text-slate-900">{item.name}</span> <span className="text-slate-600">({INTERVENTION_TYPE_LABELS[item.type]})</span>
                {item.description ? <span className="block text-slate-700">{item.description}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-4 border-t border-slate-100 pt-3">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <h4 className="text-sm font-semibold text-slate-900">Dosing protocol</h4>
          {arm.dosingStatus === 'confirmed' ? <Badge tone="success">Confirmed</Badge> : null}
          {arm.dosingStatus === 'suggested' ? <Badge tone="warning">Suggested — not yet confirmed</Badge> : null}
        </div>
        {arm.dosing ? (
          <>
            {arm.dosingStatus === 'suggested' ? (
              <p className="mb-2 text-sm text-slate-700">Read from the registry text by the importer. Doses are not calculated from it until an admin confirms it.</p>
            ) : null}
            <DosingSummary protocol={arm.dosing} />
            {canConfirm && arm.suggestedDosing ? (
              <div className="mt-3">
                <ConfirmDosingButton
                  trialId={trial.id}
                  armId={arm.id}
                  armLabel={arm.label}
                  dosingText={describeDosing(arm.suggestedDosing)}
                  hasScreenings={trial.hasScreenings}
                />
              </div>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-700">No dosing protocol recorded for this arm.</p>
        )}
      </div>
    </article>
  );
}

export function ArmsSection({ trial, canEdit }: SectionProps) {
  const unlinked = trial.interventions.filter((item) => item.armIds.length === 0);
  return (
    <Section id="arms" title="Arms and dosing" description={`Dosing of protocol version ${trial.protocolVersion.number}.`}>
      <CardBody className="flex flex-col gap-4">
        {trial.arms.length === 0 ? (
          <EmptyState title="No arms recorded" description={canEdit ? 'Add the arms on the edit page.' : undefined} />
        ) : (
          trial.arms.map((arm) => <ArmCard key={arm.id} trial={trial} arm={arm} canEdit={canEdit} />)
        )}
        {unlinked.length > 0 ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Interventions not linked to an arm</h3>
            <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-800">
              {unlinked.map((item) => (
                <li key={item.id}>
                  <span className="font-medium text-slate-900">{item.name}</span> <span className="text-slate-600">({INTERVENTION_TYPE_LABELS[item.type]})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardBody>
    </Section>
  );
}

// ---------------------------------------------------------------- eligibility criteria

/** Key-order-insensitive JSON, so the same rule from two sources compares equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function CriterionItem({ trial, criterion, index, canEdit }: SectionProps & { criterion: TrialCriterionDto; index: number }) {
  const name = `${criterion.kind} criterion ${index + 1}`;
  const hasOpenSuggestion = criterion.suggestedRule !== null && (criterion.rule === null || stable(criterion.rule) !== stable(criterion.suggestedRule));
  return (
    <li className="rounded-md border border-slate-200 p-3">
      <div className="flex gap-3">
        <span aria-hidden="true" className="w-6 shrink-0 text-right text-sm font-semibold text-slate-600 tabular-nums">
          {index + 1}.
        </span>
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <p className="text-sm whitespace-pre-line text-slate-900">{criterion.text}</p>
          {criterion.rule ? (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="success">Confirmed rule</Badge>
              <span className="font-medium text-slate-900">{describeRule(criterion.rule)}</span>
              {criterion.ruleConfirmedBy || criterion.ruleConfirmedAt ? (
                <span className="text-xs text-slate-600">
                  {[criterion.ruleConfirmedBy ? `by ${criterion.ruleConfirmedBy.name}` : null, criterion.ruleConfirmedAt ? formatInstant(criterion.ruleConfirmedAt) : null]
                    .filter(Boolean)
                    .join(', ')}
                </span>
              ) : null}
            </div>
          ) : (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="neutral">Clinician judgment</Badge>
            </div>
          )}
          {hasOpenSuggestion && criterion.suggestedRule ? (
            <div className="flex flex-col gap-2 rounded-md bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Badge tone="warning">Suggested rule</Badge>
                <span className="font-medium text-slate-900">{describeRule(criterion.suggestedRule)}</span>
                <span className="text-xs text-slate-700">Not used for eligibility until confirmed.</span>
              </div>
              {canEdit && trial.isCurrentVersion ? (
                <CriterionRuleActions
                  trialId={trial.id}
                  criterionId={criterion.id}
                  criterionName={name}
                  suggestedRuleText={describeRule(criterion.suggestedRule)}
                  hasScreenings={trial.hasScreenings}
                />
              ) : null}
            </div>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function CriteriaList({ trial, canEdit, kind }: SectionProps & { kind: TrialCriterionDto['kind'] }) {
  const items = trial.criteria.filter((criterion) => criterion.kind === kind);
  const headingId = `${kind}-criteria-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="mb-2 text-base font-semibold text-slate-900">
        {kind === 'inclusion' ? 'Inclusion criteria' : 'Exclusion criteria'}
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700">None recorded.</p>
      ) : (
        <ol className="flex flex-col gap-2">
          {items.map((criterion, index) => (
            <CriterionItem key={criterion.id} trial={trial} canEdit={canEdit} criterion={criterion} index={index} />
          ))}
        </ol>
      )}
    </section>
  );
}

export function CriteriaSection({ trial, canEdit }: SectionProps) {
  const confirmed = trial.criteria.filter((criterion) => criterion.rule !== null).length;
  const suggested = trial.criteria.filter((criterion) => criterion.rule === null && criterion.suggestedRule !== null).length;
  const summary = `${confirmed} of ${trial.criteria.length} decided by a confirmed rule${suggested > 0 ? `, ${suggested} with a suggested rule to review` : ''}. The rest are clinician judgment.`;
  return (
    <Section id="criteria" title="Eligibility criteria" description={`Protocol version ${trial.protocolVersion.number}. ${summary}`}>
      <CardBody className="flex flex-col gap-6">
        {trial.criteria.length === 0 ? (
          <EmptyState title="No eligibility criteria recorded" />
        ) : (
          <>
            <CriteriaList trial={trial} canEdit={canEdit} kind="inclusion" />
            <CriteriaList trial={trial} canEdit={canEdit} kind="exclusion" />
          </>
        )}
      </CardBody>
    </Section>
  );
}

// ---------------------------------------------------------------- assessment plan

export function AssessmentPlanSection({ trial }: SectionProps) {
  const rows = [...trial.assessmentPlan].sort(
    (a, b) => timepointOrder(a.timepoint) - timepointOrder(b.timepoint) || instrumentLabel(a.instrument).localeCompare(instrumentLabel(b.instrument)),
  );
  return (
    <Section id="assessment-plan" title="Assessment plan" description="Which questionnaires are due when, and how far from that day they may be done.">
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
                  <td className="px-4 py-3 align-top text-slate-800">{describeWindow(item.windowBeforeDays, item.windowAfterDays)}</td>
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

export function VersionsSection({ trial }: SectionProps) {
  const current = trial.versions[0]?.number;
  return (
    <Section id="versions" title="Versions" description="Each amendment of criteria, dosing or the assessment plan after screening began is a new protocol version.">
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
                <tr key={version.id} className={`border-b border-slate-100 last:border-b-0 ${isShown ? 'bg-brand-50' : ''}`} aria-current={isShown ? 'true' : undefined}>
                  <th scope="row" className="px-4 py-3 text-left align-top font-medium whitespace-nowrap text-slate-900">
                    {isShown ? (
                      <span>Version {version.number}</span>
                    ) : (
                      <Link
                        href={version.number === current ? `/trials/${trial.id}#versions` : `/trials/${trial.id}?version=${version.number}#criteria`}
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
                  <td className="px-4 py-3 align-top whitespace-nowrap text-slate-800">{formatInstant(version.createdAt)}</td>
                  <td className="px-4 py-3 align-top text-slate-800">{version.createdByName ?? <span className="text-slate-600">System</span>}</td>
                  <td className="px-4 py-3 align-top text-slate-800">
                    {version.reason ?? <span className="text-slate-600">{version.number === 1 ? 'Original protocol' : 'No reason recorded'}</span>}
                  </td>
                  <td className="px-4 py-3 text-right align-top text-slate-800 tabular-nums">{version.criteriaCount}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <CardBody className="border-t border-slate-200">
        <h3 className="text-sm font-semibold text-slate-900">ClinicalTrials.gov imports</h3>
        {trial.imports.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{trial.nctId ? 'This trial has not been imported from ClinicalTrials.gov.' : 'A local study has no registry imports.'}</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-1.5 text-sm text-slate-800">
            {trial.imports.map((row, index) => (
              <li key={row.id}>
                <span className="font-medium text-slate-900">{formatInstant(row.createdAt)}</span>
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
