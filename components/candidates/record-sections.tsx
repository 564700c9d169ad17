import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatClinicTime } from '@/lib/clinic/clinic-time';
import { VISIT_STATUS_LABELS } from '@/lib/dashboard/labels';
import type { EnrollmentStatus, VisitStatus } from '@/lib/generated/prisma/enums';
import { formatCalendarDate } from './format';
import type { CandidateEnrollment } from './schedule-data';

// The Screening data, Schedule and Outcomes sections of the candidate page.
// Each shows what TrialDesk holds for this candidate and says so plainly when
// nothing has been recorded.

export type EnrollmentView = CandidateEnrollment & { trialLabel: string; showArm: boolean };

const NOT_RECORDED = 'Not recorded yet';

const VISIT_TONES: Record<VisitStatus, BadgeTone> = {
  SCHEDULED: 'info',
  CHECKED_IN: 'brand',
  COMPLETED: 'success',
  MISSED: 'danger',
  CANCELLED: 'neutral',
};

const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn',
  LOST_TO_FOLLOW_UP: 'Lost to follow-up',
};

function NotRecorded({ detail }: { detail: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-slate-900">{NOT_RECORDED}</p>
      <p className="mt-0.5 text-sm text-slate-600">{detail}</p>
    </div>
  );
}

export function ScreeningSection({ consents }: { consents: Array<{ trialLabel: string; consentedOn: string; formVersion: string; obtainedBy: string }> }) {
  return (
    <Card aria-labelledby="screening-heading">
      <CardHeader titleId="screening-heading" title="Screening data" />
      <CardBody className="flex flex-col gap-4">
        {consents.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm text-slate-900">
            {consents.map((consent) => (
              <li key={`${consent.trialLabel}-${consent.consentedOn}`}>
                Consent for {consent.trialLabel} signed <time dateTime={consent.consentedOn}>{formatCalendarDate(consent.consentedOn)}</time> (form {consent.formVersion}, obtained by {consent.obtainedBy})
              </li>
            ))}
          </ul>
        ) : null}
        <NotRecorded detail="No screening measurements or eligibility decisions are on file for this candidate." />
      </CardBody>
    </Card>
  );
}

export function ScheduleSection({ enrollments }: { enrollments: EnrollmentView[] }) {
  return (
    <Card aria-labelledby="schedule-heading">
      <CardHeader titleId="schedule-heading" title="Schedule" />
      <CardBody className="flex flex-col gap-6">
        {enrollments.length === 0 ? (
          <NotRecorded detail="No enrolment, so no infusion visits are booked." />
        ) : (
          enrollments.map((enrollment) => (
            <section key={enrollment.id} aria-labelledby={`schedule-${enrollment.id}`} className="flex flex-col gap-3">
              <div>
                <h3 id={`schedule-${enrollment.id}`} className="text-sm font-semibold text-slate-900">
                  {enrollment.trialLabel}
                </h3>
                <p className="text-sm text-slate-700">
                  Enrolled <time dateTime={enrollment.enrolledAt}>{formatCalendarDate(enrollment.enrolledAt)}</time> · Arm:{' '}
                  {enrollment.showArm ? enrollment.armLabel : 'hidden (blinded trial)'} · {ENROLLMENT_STATUS_LABELS[enrollment.status]}
                </p>
              </div>
              {enrollment.visits.length === 0 ? (
                <NotRecorded detail="No infusion visits are booked for this enrolment." />
              ) : (
                <div role="region" aria-labelledby={`schedule-${enrollment.id}`} tabIndex={0} className="overflow-x-auto rounded-md border border-slate-200">
                  <table className="w-full border-collapse text-left text-sm">
                    <thead className="border-b border-slate-200 bg-slate-50">
                      <tr>
                        <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                          Session
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                          When (clinic time)
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                          Chair
                        </th>
                        <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">
                          Chair time
                        </th>
                        <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                          Status
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {enrollment.visits.map((visit) => (
                        <tr key={visit.id} className="border-b border-slate-100 last:border-b-0">
                          <td className="px-3 py-2 tabular-nums">{visit.sessionNumber}</td>
                          <td className="px-3 py-2 whitespace-nowrap">
                            <time dateTime={visit.scheduledAt}>{formatClinicTime(new Date(visit.scheduledAt))}</time>
                          </td>
                          <td className="px-3 py-2">{visit.chairName ?? <span className="text-slate-600">Not assigned</span>}</td>
                          <td className="px-3 py-2 text-right tabular-nums">{visit.durationMin} min</td>
                          <td className="px-3 py-2">
                            <Badge tone={VISIT_TONES[visit.status]}>{VISIT_STATUS_LABELS[visit.status]}</Badge>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
          ))
        )}
      </CardBody>
    </Card>
  );
}

export function OutcomesSection({ enrollments }: { enrollments: EnrollmentView[] }) {
  return (
    <Card aria-labelledby="outcomes-heading">
      <CardHeader titleId="outcomes-heading" title="Outcomes" />
      <CardBody className="flex flex-col gap-4">
        {enrollments.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm text-slate-900">
            {enrollments.map((enrollment) => {
              const done = enrollment.visits.filter((visit) => visit.status === 'COMPLETED').length;
              return (
                <li key={enrollment.id}>
                  {enrollment.trialLabel}: {done} of {enrollment.visits.length} booked sessions completed
                  {enrollment.status !== 'ACTIVE' ? (
                    <>
                      {' '}
                      · {ENROLLMENT_STATUS_LABELS[enrollment.status]}
                      {enrollment.endedAt ? (
                        <>
                          {' '}
                          <time dateTime={enrollment.endedAt}>{formatCalendarDate(enrollment.endedAt)}</time>
                        </>
                      ) : null}
                      {enrollment.endReason ? `: ${enrollment.endReason}` : null}
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : null}
        <NotRecorded detail="No questionnaire scores are on file for this candidate." />
      </CardBody>
    </Card>
  );
}
