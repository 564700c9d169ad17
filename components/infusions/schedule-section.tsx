import Link from 'next/link';
import { loadCandidateEnrollments } from '@/lib/candidates/load-candidate-enrollments';
import { sessionLabel, VISIT_STATUS_LABELS, VISIT_STATUS_TONES } from '@/components/schedule/visit-status';
import { Badge } from '@/components/ui/badge';
import { LinkButton } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors/app-error';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { needsChair } from '@/lib/scheduling/session-policy';
import { getAdherence } from '@/lib/visits/get-adherence';
import { getParticipantSchedule } from '@/lib/visits/get-participant-schedule';
import { AdherenceLine } from './adherence-line';

type Props = { candidateId: string; user: Pick<CurrentUser, 'role' | 'id'> };

/**
 * The candidate page's infusion schedule: each enrollment's visits (status, clinic date and
 * time, chair, link to the infusion-day record), its adherence, and a "Book series" link
 * while nothing is booked.
 */
export async function ScheduleSection({ candidateId, user }: Props) {
  const enrollments = await loadCandidateEnrollments({ candidateId, viewerId: user.id });
  const canBook = hasPermission(user.role, 'schedule.book');
  let details;
  try {
    details = await Promise.all(
      enrollments.map(async (enrollment) => {
        const [schedule, adherence] = await Promise.all([
          getParticipantSchedule(enrollment.id),
          getAdherence({ enrollmentId: enrollment.id }),
        ]);
        return { schedule, adherence: adherence.participants[0] };
      }),
    );
  } catch (error) {
    // e.g. the clinic has no opening hours yet: say so instead of failing the whole record.
    if (!isAppError(error)) throw error;
    return (
      <Card aria-labelledby="infusion-schedule-heading">
        <CardHeader titleId="infusion-schedule-heading" title="Infusion schedule" />
        <CardBody>
          <p className="text-sm text-slate-700">{error.message}</p>
        </CardBody>
      </Card>
    );
  }

  return (
    <Card aria-labelledby="infusion-schedule-heading">
      <CardHeader titleId="infusion-schedule-heading" title="Infusion schedule" />
      <CardBody className="flex flex-col gap-6">
        {details.length === 0 ? (
          <p className="text-sm text-slate-700">Not enrolled in a trial, so no infusion visits can be booked.</p>
        ) : (
          details.map(({ schedule, adherence }) => {
            const headingId = `infusion-schedule-${schedule.enrollmentId}`;
            const held = schedule.visits.filter((visit) => visit.status !== 'CANCELLED' && visit.status !== 'MISSED');
            return (
              <section key={schedule.enrollmentId} aria-labelledby={headingId} className="flex flex-col gap-3">
                <div className="flex flex-wrap items-center justify-between gap-3">
                  <h3 id={headingId} className="text-sm font-semibold text-slate-900">
                    {schedule.trial.nctId ? `${schedule.trial.nctId} · ` : ''}
                    {schedule.trial.label}
                  </h3>
                  <div className="no-print flex flex-wrap gap-2">
                    {canBook && held.length === 0 && schedule.status === 'ACTIVE' ? (
                      <LinkButton href={`/enrollments/${schedule.enrollmentId}/schedule`} variant="primary" size="sm">
                        Book series
                      </LinkButton>
                    ) : null}
                    <LinkButton href={`/enrollments/${schedule.enrollmentId}/schedule`} size="sm">
                      Participant&apos;s schedule
                    </LinkButton>
                  </div>
                </div>
                <AdherenceLine adherence={adherence} />
                {schedule.visits.length === 0 ? (
                  <p className="text-sm text-slate-700">No infusion visits are booked for this enrollment.</p>
                ) : (
                  <div
                    role="region"
                    aria-labelledby={headingId}
                    tabIndex={0}
                    className="overflow-x-auto rounded-md border border-slate-200"
                  >
                    <table className="w-full border-collapse text-left text-sm">
                      <thead className="border-b border-slate-200 bg-slate-50">
                        <tr>
                          {['Session', 'When (clinic time)', 'Chair', 'Status', 'Record'].map((label) => (
                            <th key={label} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                              {label}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {schedule.visits.map((visit) => (
                          <tr key={visit.id} className="border-b border-slate-100 last:border-b-0">
                            <td className="px-3 py-2">{sessionLabel(visit.sessionNumber, schedule.plannedSessions)}</td>
                            <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                              <time dateTime={visit.scheduledAt}>
                                {formatDayLabel(visit.localDate)} {visit.localTime}
                              </time>
                            </td>
                            <td className="px-3 py-2">
                              {needsChair(visit.sessionKind)
                                ? (visit.chairName ?? 'No chair')
                                : visit.sessionDescription}
                            </td>
                            <td className="px-3 py-2">
                              <Badge tone={VISIT_STATUS_TONES[visit.status]}>{VISIT_STATUS_LABELS[visit.status]}</Badge>
                            </td>
                            <td className="px-3 py-2">
                              <Link
                                href={`/visits/${visit.id}`}
                                className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
                              >
                                Infusion day<span className="sr-only">, session {visit.sessionNumber}</span>
                              </Link>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                )}
              </section>
            );
          })
        )}
      </CardBody>
    </Card>
  );
}
