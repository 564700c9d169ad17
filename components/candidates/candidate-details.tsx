import type { ReactNode } from 'react';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { CandidateDetail } from '@/lib/candidates/types';
import { formatAge, formatCalendarDate } from './format';
import { CONTACT_METHOD_LABELS, REFERRAL_SOURCE_LABELS, SEX_LABELS } from './labels';

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="text-sm font-medium text-slate-600 sm:w-44 sm:shrink-0">{term}</dt>
      <dd className="min-w-0 text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

const notGiven = <span className="text-slate-600">Not given</span>;

/** Demographics, how to reach the person, and the referral, side by side on a tablet. */
export function CandidateDetails({ candidate, today }: { candidate: CandidateDetail; today: string }) {
  return (
    <Card aria-labelledby="details-heading" className="mb-6">
      <CardHeader titleId="details-heading" title="Demographics and referral" />
      <CardBody className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="demographics-heading">
          <h3 id="demographics-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-700 uppercase">
            Person
          </h3>
          <dl className="flex flex-col gap-2.5">
            <Detail term="Date of birth">
              <time dateTime={candidate.dateOfBirth}>{formatCalendarDate(candidate.dateOfBirth)}</time> (
              {formatAge(candidate.dateOfBirth, today)})
            </Detail>
            <Detail term="Sex">{SEX_LABELS[candidate.sex]}</Detail>
            <Detail term="MRN">
              <span className="font-mono">{candidate.mrn}</span>
            </Detail>
            <Detail term="Phone">
              {candidate.phone ? (
                <a
                  href={`tel:${candidate.phone.replace(/[^\d+]/g, '')}`}
                  className="font-medium text-brand-700 underline underline-offset-4"
                >
                  {candidate.phone}
                </a>
              ) : (
                notGiven
              )}
            </Detail>
            <Detail term="Email">
              {candidate.email ? (
                <a
                  href={`mailto:${candidate.email}`}
                  className="font-medium break-all text-brand-700 underline underline-offset-4"
                >
                  {candidate.email}
                </a>
              ) : (
                notGiven
              )}
            </Detail>
            <Detail term="Preferred contact">
              {candidate.preferredContactMethod
                ? CONTACT_METHOD_LABELS[candidate.preferredContactMethod]
                : 'No preference'}
            </Detail>
            <Detail term="Preferred language">{candidate.preferredLanguage ?? notGiven}</Detail>
            <Detail term="Veteran">
              {candidate.veteranStatus === null ? (
                <span className="text-slate-600">Not asked yet</span>
              ) : (
                <>
                  {candidate.veteranStatus.isVeteran ? 'Yes' : 'No'}{' '}
                  <span className="text-slate-600">
                    (answer of{' '}
                    <time dateTime={candidate.veteranStatus.recordedOn}>
                      {formatCalendarDate(candidate.veteranStatus.recordedOn)}
                    </time>
                    )
                  </span>
                </>
              )}
            </Detail>
          </dl>
        </section>
        <section aria-labelledby="referral-heading">
          <h3 id="referral-heading" className="mb-3 text-sm font-semibold tracking-wide text-slate-700 uppercase">
            Referral
          </h3>
          <dl className="flex flex-col gap-2.5">
            <Detail term="Referral date">
              <time dateTime={candidate.referralDate}>{formatCalendarDate(candidate.referralDate)}</time>
            </Detail>
            <Detail term="Source">{REFERRAL_SOURCE_LABELS[candidate.referralSource]}</Detail>
            <Detail term="Referring provider">{candidate.referringProvider ?? notGiven}</Detail>
            <Detail term="Provider's contact">{candidate.referringContact ?? notGiven}</Detail>
            <Detail term="Coordinator">
              {candidate.coordinator?.name ?? <span className="text-slate-600">Nobody assigned</span>}
            </Detail>
            <Detail term="Notes">
              {candidate.notes ? (
                <span className="whitespace-pre-line">{candidate.notes}</span>
              ) : (
                <span className="text-slate-600">None</span>
              )}
            </Detail>
            {candidate.duplicateOverrideReason ? (
              <Detail term="Not a duplicate because">
                <span className="whitespace-pre-line">{candidate.duplicateOverrideReason}</span>
              </Detail>
            ) : null}
          </dl>
        </section>
      </CardBody>
    </Card>
  );
}
