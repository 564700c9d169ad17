import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AddToTrialForm } from '@/components/candidates/lazy-forms';
import { CandidateDetails } from '@/components/candidates/candidate-details';
import { ContactLog } from '@/components/candidates/contact-log';
import { candidateName, formatAge, formatCalendarDate } from '@/components/candidates/format';
import { LogContactForm } from '@/components/candidates/lazy-forms';
import { trialOptions } from '@/components/candidates/options';
import { PipelineCard } from '@/components/candidates/pipeline-card';
import type { EnrolmentChoice } from '@/components/candidates/pipeline-controls';
import { loadCandidateEnrollments } from '@/lib/candidates/load-candidate-enrollments';
import { listActiveConsentForms } from '@/lib/consent/list-active-consent-forms';
import { SafetyAlertsPanel } from '@/components/safety/safety-alerts-panel';
import { BlindingStatus } from '@/components/blinding/blinding-status';
import { EligibilitySection } from '@/components/eligibility/screening-section';
import { ScheduleSection } from '@/components/infusions/schedule-section';
import { OutcomesSection } from '@/components/outcomes/outcomes-section';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicClock } from '@/lib/clinic/clock';
import { getCandidate } from '@/lib/candidates/get-candidate';
import { isAppError } from '@/lib/errors/app-error';
import { getTrial } from '@/lib/trials/get-trial';
import { candidateIdParamsSchema } from '@/lib/validations/candidates';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The title names no one: metadata is rendered for link prefetches too (Next asks
// for the page head before anyone opens the record), so reading the record there
// logged a `candidate.view` for every candidate link on screen and a second one
// per open. The record is read once, by the page, when someone opens it.
export const metadata: Metadata = { title: 'Candidate record' };

const loadCandidate = cache(async (rawId: string) => {
  const parsed = candidateIdParamsSchema.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  const user = await requirePageUser('candidate.read');
  try {
    return await getCandidate({ id: parsed.data.id, ctx: await getPageContext(user) });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
});

const loadTrial = cache(getTrial);

export default async function CandidatePage({ params, searchParams }: Props) {
  const user = await requirePageUser('candidate.read');
  const candidate = await loadCandidate((await params).id);
  const flags = await searchParams;
  const clock = await getClinicClock();
  const today = clock.today();
  const { timeZone } = clock;
  const name = candidateName(candidate);

  const canEdit = hasPermission(user.role, 'candidate.edit');
  const canMove = hasPermission(user.role, 'pipeline.move');
  const canLogContact = hasPermission(user.role, 'contact.log');

  const enrollmentRows = await loadCandidateEnrollments({ candidateId: candidate.id, viewerId: user.id });
  // Trial details (allocation, masking, arms) only where they matter: enrolments and the move to Enrolled.
  const trialIds = new Set([
    ...enrollmentRows.map((row) => row.trialId),
    ...candidate.pipelines
      .filter((pipeline) => pipeline.allowedNext.includes('ENROLLED'))
      .map((pipeline) => pipeline.trialId),
  ]);
  const consentTrialIds = candidate.pipelines
    .filter((pipeline) => pipeline.allowedNext.includes('CONSENTED'))
    .map((pipeline) => pipeline.trialId);
  const [trials, allTrials, consentForms] = await Promise.all([
    Promise.all([...trialIds].map((trialId) => loadTrial(trialId))),
    canMove ? trialOptions() : Promise.resolve([]),
    listActiveConsentForms({ trialIds: canMove ? consentTrialIds : [] }),
  ]);
  const trialById = new Map(trials.map((trial) => [trial.id, trial]));

  const enrolmentChoice = (trialId: string): EnrolmentChoice | null => {
    const trial = trialById.get(trialId);
    if (!trial) return null;
    return {
      isRandomized: trial.allocation === 'RANDOMIZED',
      arms: trial.arms.map((arm) => ({ id: arm.id, label: arm.label })),
    };
  };

  const inTrial = new Set(candidate.pipelines.map((pipeline) => pipeline.trialId));
  const addableTrials = allTrials
    .filter((trial) => !inTrial.has(trial.value))
    .map(({ value, label, isRecruiting }) => ({ value, label: isRecruiting ? label : `${label} (not recruiting)` }));
  return (
    <>
      <PageHeader
        title={name}
        description={`MRN ${candidate.mrn} · born ${formatCalendarDate(candidate.dateOfBirth)} (${formatAge(candidate.dateOfBirth, today)}) · referred ${formatCalendarDate(candidate.referralDate)}`}
        eyebrow={
          <Link href="/candidates" className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> Candidates
          </Link>
        }
        actions={
          <>
            {hasPermission(user.role, 'audit.read') ? (
              <Link
                href={`/admin/audit?entityType=Candidate&entityId=${encodeURIComponent(candidate.id)}`}
                className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
              >
                Access log of this record
              </Link>
            ) : null}
            {canEdit ? (
              <LinkButton href={`/candidates/${candidate.id}/edit`} variant="secondary">
                Edit details
              </LinkButton>
            ) : null}
          </>
        }
      />

      {flags.created === '1' ? (
        <Alert tone="success" className="mb-6">
          Referral saved.
          {candidate.pipelines.length === 0
            ? ' Add the candidate to a trial below to start a pipeline.'
            : ' Next: contact the candidate and log it below.'}
        </Alert>
      ) : null}
      {candidate.voided ? (
        <Alert
          tone="warning"
          className="mb-6"
          title={`This record was voided on ${formatCalendarDate(candidate.voided.at.slice(0, 10))}`}
        >
          {candidate.voided.reason ? `Reason: ${candidate.voided.reason}` : 'No reason was recorded.'} It is kept for
          the audit trail and cannot be moved or contacted.
        </Alert>
      ) : null}
      {flags.saved === '1' ? (
        <Alert tone="success" className="mb-6">
          Changes saved.
        </Alert>
      ) : null}

      {enrollmentRows.map((row) => (
        <SafetyAlertsPanel key={row.id} user={user} enrollmentId={row.id} showParticipant={false} />
      ))}
      {enrollmentRows.map((row) => (
        <BlindingStatus
          key={`blind-${row.id}`}
          enrollment={row}
          user={user}
          timeZone={timeZone}
          trialLabel={
            candidate.pipelines.find((pipeline) => pipeline.trialId === row.trialId)?.trialLabel ?? 'this trial'
          }
        />
      ))}
      <CandidateDetails candidate={candidate} today={today} />

      <section aria-labelledby="pipelines-heading" className="mb-6 flex flex-col gap-4">
        <h2 id="pipelines-heading" className="text-lg font-semibold text-slate-900">
          Trial pipelines
        </h2>
        {candidate.pipelines.length === 0 ? (
          <EmptyState
            title="Not in a trial yet"
            description={
              canMove
                ? 'Add the candidate to a trial to start its pipeline at Referred.'
                : 'A coordinator adds the candidate to a trial.'
            }
          />
        ) : (
          candidate.pipelines.map((pipeline) => (
            <PipelineCard
              key={pipeline.id}
              candidateId={candidate.id}
              candidateName={name}
              pipeline={pipeline}
              canMove={canMove}
              enrolment={pipeline.allowedNext.includes('ENROLLED') ? enrolmentChoice(pipeline.trialId) : null}
              consentForms={consentForms.get(pipeline.trialId) ?? null}
              showArm={pipeline.armLabel !== null}
              today={today}
              timeZone={timeZone}
            />
          ))
        )}
        {canMove ? (
          <Card aria-labelledby="add-trial-heading">
            <CardHeader titleId="add-trial-heading" headingLevel="h3" title="Add to trial" />
            <CardBody>
              <AddToTrialForm candidateId={candidate.id} trials={addableTrials} />
            </CardBody>
          </Card>
        ) : null}
      </section>

      <Card aria-labelledby="contacts-heading" className="mb-6">
        <CardHeader
          titleId="contacts-heading"
          title="Contact log"
          description="Every attempt to reach the candidate, newest first."
        />
        <CardBody className="flex flex-col gap-6">
          {canLogContact ? (
            <LogContactForm
              candidateId={candidate.id}
              defaultMethod={candidate.preferredContactMethod}
              trials={candidate.pipelines.map((pipeline) => ({ value: pipeline.trialId, label: pipeline.trialLabel }))}
              timeZone={timeZone}
            />
          ) : null}
          <ContactLog contacts={candidate.contacts} today={today} timeZone={timeZone} />
        </CardBody>
      </Card>

      <div className="flex flex-col gap-6">
        <EligibilitySection candidateId={candidate.id} user={user} timeZone={timeZone} />
        <ScheduleSection candidateId={candidate.id} user={user} />
        <OutcomesSection candidateId={candidate.id} user={user} />
      </div>
    </>
  );
}
