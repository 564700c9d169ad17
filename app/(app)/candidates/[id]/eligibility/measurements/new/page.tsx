import type { Metadata } from 'next';
import Link from 'next/link';
import { candidateName, formatCalendarDate } from '@/components/candidates/format';
import { clinicToday } from '@/components/candidates/options';
import { loadCandidateTrials } from '@/lib/eligibility/load-candidate-trials';
import { MeasurementEntryForm } from '@/components/eligibility/measurement-entry-form';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { loadEligibilityCandidate } from '../../load-candidate';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Enter screening data' };

export default async function NewMeasurementsPage({ params }: Props) {
  const user = await requirePageUser('screening.record');
  const candidate = await loadEligibilityCandidate((await params).id, user);
  const trials = hasPermission(user.role, 'eligibility.check') ? await loadCandidateTrials(candidate.id) : [];
  const name = candidateName(candidate);

  return (
    <>
      <PageHeader
        title="Enter screening data"
        description={`${name} · MRN ${candidate.mrn} · born ${formatCalendarDate(candidate.dateOfBirth)}. Age is computed from the date of birth on the day of each check, so it is not entered here.`}
        eyebrow={
          <Link href={`/candidates/${candidate.id}`} className="underline-offset-2 hover:underline">
            <span aria-hidden="true">←</span> {name}
          </Link>
        }
      />
      {candidate.voided ? (
        <Alert tone="warning" title="This record is voided">
          Screening data cannot be added to a voided record.
        </Alert>
      ) : (
        <Card as="div">
          <CardBody>
            <p className="mb-4 text-sm text-slate-700">
              Add one row per measurement and save them together; if any row is not valid, nothing is saved and the row
              says why. Weight may be entered in kg or lb and height in cm or in; they are stored in kg and cm. Labs are
              compared as multiples of the reporting lab&apos;s own limits, so enter the ULN (and LLN, if reported) from
              the lab report.
            </p>
            <MeasurementEntryForm
              candidateId={candidate.id}
              today={clinicToday()}
              trials={trials.map(({ trialId, label }) => ({ trialId, label }))}
            />
          </CardBody>
        </Card>
      )}
    </>
  );
}
