import type { Metadata } from 'next';
import Link from 'next/link';
import { candidateName, formatCalendarDate } from '@/components/candidates/format';
import { MeasurementEntryForm } from '@/components/eligibility/lazy-forms';
import { TrialScreeningForm } from '@/components/screening/lazy-forms';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getPageContext } from '@/lib/auth/page-context';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { loadCandidateTrials } from '@/lib/eligibility/load-candidate-trials';
import { getScreeningForms } from '@/lib/screening/get-screening-forms';
import { loadEligibilityCandidate } from '../../load-candidate';

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: 'Enter screening data' };

const plural = (count: number, word: string) => `${count} ${word}`;

export default async function NewMeasurementsPage({ params }: Props) {
  const user = await requirePageUser('screening.record');
  const candidate = await loadEligibilityCandidate((await params).id, user);
  const name = candidateName(candidate);
  const canRunCheck = hasPermission(user.role, 'eligibility.check');
  const trials = candidate.voided ? [] : await loadCandidateTrials(candidate.id);
  const screening = candidate.voided
    ? null
    : await getScreeningForms({
        candidateId: candidate.id,
        trialIds: trials.map((trial) => trial.trialId),
        ctx: await getPageContext(user),
      });

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
      {!screening ? (
        <Alert tone="warning" title="This record is voided">
          Screening data cannot be added to a voided record.
        </Alert>
      ) : (
        <div className="flex flex-col gap-6">
          {screening.forms.length === 0 ? (
            <Alert tone="info">
              This candidate is not in any trial&apos;s pipeline yet, so there is no trial form. Use the free entry
              below.
            </Alert>
          ) : null}
          {screening.forms.map((form) => (
            <section key={form.trial.id} aria-labelledby={`screening-${form.trial.id}`}>
              <Card as="div">
                <CardBody>
                  <h2 id={`screening-${form.trial.id}`} className="text-lg font-semibold text-slate-900">
                    {trials.find((trial) => trial.trialId === form.trial.id)?.label ?? form.trial.label}
                  </h2>
                  {form.unavailable ? (
                    <p className="mt-2 text-sm text-slate-700">{form.unavailable}</p>
                  ) : (
                    <>
                      <p className="mt-1 mb-4 text-sm text-slate-700">
                        What the trial&apos;s rules read ({form.fields.length} measures):{' '}
                        {plural(form.counts.missing, 'missing')}, {plural(form.counts.stale, 'stale')},{' '}
                        {plural(form.counts.current, 'current')}. Screening window {form.screeningWindowDays} days. Fill
                        what is missing or stale; values left empty are not saved.
                      </p>
                      <TrialScreeningForm
                        candidateId={candidate.id}
                        form={form}
                        today={screening.asOf}
                        timeZone={screening.timeZone}
                        canRunCheck={canRunCheck}
                      />
                    </>
                  )}
                </CardBody>
              </Card>
            </section>
          ))}
          <section aria-labelledby="other-measurements">
            <Card as="div">
              <CardBody>
                <h2 id="other-measurements" className="text-lg font-semibold text-slate-900">
                  Other measurements
                </h2>
                <p className="mt-1 mb-4 text-sm text-slate-700">
                  Any measure, one row each, saved together; if any row is not valid, nothing is saved and the row says
                  why. Weight may be entered in kg or lb and height in cm or in; they are stored in kg and cm. Labs are
                  compared as multiples of the reporting lab&apos;s own limits, so enter the ULN (and LLN, if reported)
                  from the lab report.
                </p>
                <MeasurementEntryForm
                  candidateId={candidate.id}
                  today={screening.asOf}
                  trials={canRunCheck ? trials.map(({ trialId, label }) => ({ trialId, label })) : []}
                />
              </CardBody>
            </Card>
          </section>
        </div>
      )}
    </>
  );
}
