import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdherenceLine } from '@/components/infusions/adherence-line';
import { BookSeriesForm, ExtensionBooking } from '@/components/infusions/lazy-forms';
import { ParticipantVisits } from '@/components/infusions/participant-visits';
import { PrintButton } from '@/components/schedule/print-button';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { hasPermission } from '@/lib/auth/permissions';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { isAppError } from '@/lib/errors/app-error';
import { addDaysToDate, isoWeekdayOfDate } from '@/lib/scheduling/local-date';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import { idParamsSchema } from '@/lib/validations/infusions';
import { getAdherence } from '@/lib/visits/get-adherence';
import { getParticipantSchedule } from '@/lib/visits/get-participant-schedule';

export const metadata: Metadata = { title: 'Participant schedule' };

type Props = { params: Promise<{ id: string }> };

/** The next Monday (or the next open day after it) on the clinic's calendar. */
function nextStartDate(today: string, openDays: number[]): string {
  let date = addDaysToDate(today, 8 - isoWeekdayOfDate(today));
  for (let i = 0; i < 7 && !openDays.includes(isoWeekdayOfDate(date)); i += 1) date = addDaysToDate(date, 1);
  return date;
}

async function load(id: string) {
  try {
    return await getParticipantSchedule(id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export default async function EnrollmentSchedulePage({ params }: Props) {
  const user = await requirePageUser('schedule.read');
  const parsed = idParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const enrollmentId = parsed.data.id;
  const [schedule, settings, adherence] = await Promise.all([
    load(enrollmentId),
    getClinicSettings(),
    getAdherence({ enrollmentId }),
  ]);
  const canBook = hasPermission(user.role, 'schedule.book');
  const name = `${schedule.participant.lastName}, ${schedule.participant.firstName}`;
  const activeChairs = settings.chairs
    .filter((chair) => chair.isActive)
    .map(({ id, name: chairName }) => ({ id, name: chairName }));
  const held = schedule.visits.filter((visit) => visit.status !== 'CANCELLED' && visit.status !== 'MISSED');
  const today = utcToZoned(new Date(), settings.timeZone).date;
  const isActive = schedule.status === 'ACTIVE';

  return (
    <>
      <PageHeader
        title={`Schedule: ${name}`}
        description={`${schedule.trial.nctId ? `${schedule.trial.nctId} · ` : ''}${schedule.trial.label} · MRN ${schedule.participant.mrn} · ${schedule.plannedSessions ?? 'unknown number of'} planned sessions · clinic time (${schedule.timeZone})`}
        eyebrow={
          <Link
            href={`/candidates/${schedule.participant.candidateId}`}
            className="no-print underline-offset-2 hover:underline"
          >
            <span aria-hidden="true">←</span> {name}
          </Link>
        }
        actions={
          <div className="no-print flex flex-wrap gap-2">
            <a
              href={`/api/v1/enrollments/${enrollmentId}/schedule.ics`}
              download="infusion-appointments.ics"
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              Add to calendar (.ics)
            </a>
            <PrintButton />
          </div>
        }
      />
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="visits-heading">
          <CardHeader titleId="visits-heading" title="Participant's schedule" />
          <CardBody className="flex flex-col gap-4">
            <AdherenceLine adherence={adherence.participants[0]} />
            <ParticipantVisits
              enrollmentId={enrollmentId}
              visits={schedule.visits}
              sessionCount={schedule.plannedSessions}
              timeZone={schedule.timeZone}
              chairs={activeChairs}
              canBook={canBook && isActive}
            />
          </CardBody>
        </Card>
        {schedule.extension && schedule.session && canBook && isActive ? (
          <Card aria-labelledby="extension-heading" className="no-print">
            <CardHeader
              titleId="extension-heading"
              title={schedule.extension.label}
              description={`Optional session ${schedule.extension.sessionNumber}, after the series.`}
            />
            <CardBody>
              {schedule.extension.state === 'OPEN' && schedule.extension.window ? (
                <ExtensionBooking
                  enrollmentId={enrollmentId}
                  timeZone={settings.timeZone}
                  chairs={activeChairs}
                  session={schedule.session}
                  extension={{ ...schedule.extension, window: schedule.extension.window }}
                />
              ) : schedule.extension.state === 'BOOKED' ? (
                <p className="text-sm text-slate-800">Booked: see session {schedule.extension.sessionNumber} above.</p>
              ) : (
                <p className="text-sm text-slate-800">
                  It can be booked once session {schedule.extension.sessionNumber - 1} is completed.
                </p>
              )}
            </CardBody>
          </Card>
        ) : null}
        {canBook ? (
          <Card aria-labelledby="book-heading" className="no-print">
            <CardHeader
              titleId="book-heading"
              title="Book series"
              description={
                held.length > 0
                  ? `${held.length} session(s) are already held; propose the remaining ones.`
                  : 'Propose every session of the protocol, adjust any of them, then book all at once.'
              }
            />
            <CardBody>
              {!isActive ? (
                <Alert tone="info" live="none">
                  Only an active enrollment can be scheduled.
                </Alert>
              ) : schedule.plannedSessions === null || schedule.session === null ? (
                <Alert tone="warning" live="none">
                  The arm has no confirmed dosing protocol, so the series cannot be proposed.
                </Alert>
              ) : (
                <BookSeriesForm
                  enrollmentId={enrollmentId}
                  timeZone={settings.timeZone}
                  openDays={settings.openDays}
                  chairs={activeChairs}
                  sessionCount={schedule.plannedSessions}
                  session={schedule.session}
                  defaultStartDate={nextStartDate(today, settings.openDays)}
                />
              )}
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
