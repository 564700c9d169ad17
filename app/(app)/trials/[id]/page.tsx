import type { Metadata } from 'next';
import Link from 'next/link';
import { UnblindedStaffSection } from '@/components/blinding/unblinded-staff-section';
import { ENROLMENT_RECORDS_SECTION, EnrolmentRecordsSection } from '@/components/consent/enrolment-records-section';
import { TrialSectionNav } from '@/components/trials/trial-section-nav';
import {
  ArmsSection,
  AssessmentPlanSection,
  AssumptionsSection,
  CriteriaSection,
  OverviewSection,
  TRIAL_SECTIONS,
  VersionsSection,
} from '@/components/trials/trial-sections';
import { formatInstant } from '@/components/trials/format';
import { TrialStatusBadge } from '@/components/trials/trial-status-badge';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicClock } from '@/lib/clinic/clock';
import { getTrialEnrolmentRecords } from '@/lib/enrollments/get-trial-enrolment-records';
import { loadTrial, readVersionParam } from './load-trial';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  // Checked here too, so the title cannot reveal a trial to someone without access.
  await requirePageUser('trial.read');
  const trial = await loadTrial((await params).id, readVersionParam((await searchParams).version));
  return { title: trial.shortTitle ?? trial.title };
}

export default async function TrialPage({ params, searchParams }: Props) {
  const user = await requirePageUser('trial.read');
  const query = await searchParams;
  const trial = await loadTrial((await params).id, readVersionParam(query.version));
  const canEdit = hasPermission(user.role, 'trial.edit');
  const [enrolmentRecords, clock] = await Promise.all([
    getTrialEnrolmentRecords({ trialId: trial.id }),
    getClinicClock(),
  ]);
  const { timeZone } = clock;
  const currentNumber = trial.versions[0]?.number ?? trial.protocolVersion.number;
  const amendedTo = readVersionParam(query.amended);

  return (
    <>
      <PageHeader
        title={trial.shortTitle ?? trial.title}
        eyebrow={
          <Link href="/trials" className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> Trials
          </Link>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            {trial.nctId ? <span className="font-mono">{trial.nctId}</span> : <span>Local study</span>}
            {trial.protocolNumber ? <span>· Protocol {trial.protocolNumber}</span> : null}
            <TrialStatusBadge status={trial.overallStatus} />
            <span>· Protocol version {trial.protocolVersion.number}</span>
          </span>
        }
        actions={
          <>
            {hasPermission(user.role, 'eligibility.check') ? (
              <LinkButton href={`/trials/${trial.id}/prescreen`} variant="secondary">
                Pre-screen candidates
              </LinkButton>
            ) : null}
            {hasPermission(user.role, 'outcome.read') ? (
              <LinkButton href={`/outcomes/${trial.id}`} variant="secondary">
                Results
              </LinkButton>
            ) : null}
            {canEdit && trial.isCurrentVersion ? (
              <LinkButton href={`/trials/${trial.id}/edit`} variant="primary">
                Edit trial
              </LinkButton>
            ) : null}
          </>
        }
      />

      {query.created === '1' ? (
        <Alert tone="success" className="mb-6">
          Trial created.
        </Alert>
      ) : null}
      {query.saved === '1' ? (
        <Alert tone="success" className="mb-6">
          {amendedTo !== undefined && amendedTo === trial.protocolVersion.number
            ? `Changes saved. They amend the protocol: this is now protocol version ${amendedTo}.`
            : 'Changes saved.'}
        </Alert>
      ) : null}
      {!trial.isCurrentVersion ? (
        <Alert
          tone="info"
          className="mb-6"
          live="none"
          title={`You are looking at protocol version ${trial.protocolVersion.number}, not the current one`}
        >
          It was created {formatInstant(trial.protocolVersion.createdAt, timeZone)}
          {trial.protocolVersion.createdBy ? ` by ${trial.protocolVersion.createdBy.name}` : ''}. Screenings done under
          it keep using it.{' '}
          <Link href={`/trials/${trial.id}`} className="font-medium underline underline-offset-2">
            Show the current version ({currentNumber})
          </Link>
        </Alert>
      ) : null}

      <TrialSectionNav sections={[...TRIAL_SECTIONS, ENROLMENT_RECORDS_SECTION]} />

      <OverviewSection trial={trial} canEdit={canEdit} timeZone={timeZone} />
      <ArmsSection trial={trial} canEdit={canEdit} timeZone={timeZone} />
      <CriteriaSection trial={trial} canEdit={canEdit} timeZone={timeZone} />
      <AssessmentPlanSection trial={trial} canEdit={canEdit} timeZone={timeZone} />
      <AssumptionsSection trial={trial} canEdit={canEdit} timeZone={timeZone} />
      <VersionsSection trial={trial} canEdit={canEdit} timeZone={timeZone} />
      <EnrolmentRecordsSection
        trialId={trial.id}
        records={enrolmentRecords}
        canEdit={canEdit}
        today={clock.today()}
        timeZone={timeZone}
      />
      <UnblindedStaffSection trial={trial} user={user} />
    </>
  );
}
