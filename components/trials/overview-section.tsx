import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { CardBody } from '@/components/ui/card';
import type { TrialDetail } from '@/lib/trials/types';
import { EnrollmentProgress } from './enrollment-progress';
import { formatInstant, formatPartialDate } from './format';
import { ALLOCATION_LABELS, formatPhases, MASKING_LABELS, OUTCOME_KIND_LABELS, STUDY_TYPE_LABELS } from './labels';
import { TrialStatusBadge } from './trial-status-badge';
import { Section, Detail, orMissing, missing, type SectionProps } from './section-frame';

const SOURCE_LABELS: Record<TrialDetail['source'], string> = {
  MANUAL: 'Entered in TrialDesk',
  CTGOV_IMPORT: 'Imported from ClinicalTrials.gov',
  SEED: 'Demo data',
};

export function OverviewSection({ trial, timeZone }: SectionProps) {
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
          <Detail term="Collaborators">
            {trial.collaborators.length > 0 ? trial.collaborators.join('; ') : 'None listed'}
          </Detail>
          <Detail term="Principal investigator">{orMissing(trial.principalInvestigator)}</Detail>
          <Detail term="Enrollment">
            <EnrollmentProgress enrolled={trial.enrolledCount} target={trial.targetEnrollment} className="max-w-48" />
          </Detail>
          <Detail term="Start date">{orMissing(formatPartialDate(trial.startDate))}</Detail>
          <Detail term="Completion date">{orMissing(formatPartialDate(trial.completionDate))}</Detail>
          <Detail term="Last changed">{formatInstant(trial.updatedAt, timeZone)}</Detail>
        </dl>

        <div>
          <h3 className="text-sm font-semibold text-slate-900">Brief summary</h3>
          {trial.briefSummary ? (
            <p className="mt-1 max-w-3xl text-sm whitespace-pre-line text-slate-800">{trial.briefSummary}</p>
          ) : (
            <p className="mt-1 text-sm">{missing}</p>
          )}
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
                      <span className="text-slate-600">
                        , {[site.city, site.state, site.country].filter(Boolean).join(', ')}
                      </span>
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
                  <h4 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
                    {OUTCOME_KIND_LABELS[group.kind]}
                  </h4>
                  <ul className="mt-1 flex flex-col gap-2">
                    {group.items.map((outcome) => (
                      <li key={outcome.id} className="text-sm text-slate-800">
                        <span className="font-medium text-slate-900">{outcome.measure}</span>
                        {outcome.timeFrame ? <span className="text-slate-600"> · {outcome.timeFrame}</span> : null}
                        {outcome.description ? (
                          <p className="mt-0.5 max-w-3xl text-slate-700">{outcome.description}</p>
                        ) : null}
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
