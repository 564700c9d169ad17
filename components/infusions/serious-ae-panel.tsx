import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { AeOutcome, AeRelatedness } from '@/lib/infusions/codes';
import { listSeriousAdverseEvents } from '@/lib/infusions/list-serious-adverse-events';
import { AE_OUTCOME_LABELS, AE_RELATEDNESS_LABELS, gradeLabel } from './labels';

/** `timeZone`: the clinic settings' zone, for onset times. */
type Props = { user: Pick<CurrentUser, 'role'>; timeZone: string };

/** Dashboard flag: serious adverse events still open or from the last 90 days. For clinicians and admins. */
export async function SeriousAePanel({ user, timeZone }: Props) {
  if (user.role !== 'CLINICIAN' && user.role !== 'ADMIN') return null;
  const events = await listSeriousAdverseEvents();
  const canOpenRecord = hasPermission(user.role, 'candidate.read');
  return (
    <Card aria-labelledby="serious-ae-heading" className={events.length > 0 ? 'border-red-300' : undefined}>
      <CardHeader
        titleId="serious-ae-heading"
        title={
          <span className="flex items-center gap-2">
            Serious adverse events
            {events.length > 0 ? <Badge tone="danger">{events.length} flagged</Badge> : null}
          </span>
        }
        description="Unresolved, or with onset in the last 90 days. Newest first."
      />
      <CardBody>
        {events.length === 0 ? (
          <p className="text-sm text-slate-700">No serious adverse events are open.</p>
        ) : (
          <ul aria-label="Serious adverse events" className="flex flex-col divide-y divide-slate-100">
            {events.map((event) => (
              <li key={event.id} className="flex flex-col gap-1 py-2 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="danger">Serious</Badge>
                  <span className="font-semibold text-slate-900">{event.term}</span>
                  <span className="text-slate-700">{gradeLabel(event.grade)}</span>
                  {event.resolvedAt ? <Badge tone="neutral">Resolved</Badge> : <Badge tone="warning">Open</Badge>}
                </div>
                <p className="text-slate-700">
                  {canOpenRecord ? (
                    <Link
                      href={`/candidates/${event.participant.candidateId}`}
                      className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
                    >
                      MRN {event.participant.mrn}
                    </Link>
                  ) : (
                    `MRN ${event.participant.mrn}`
                  )}{' '}
                  · {event.trial.nctId ?? event.trial.label}
                  {event.sessionNumber !== null ? ` · session ${event.sessionNumber}` : ''} · onset{' '}
                  <time dateTime={event.onsetAt}>{formatClinicZoned(new Date(event.onsetAt), timeZone)}</time> ·{' '}
                  {AE_RELATEDNESS_LABELS[event.relatedness as AeRelatedness] ?? event.relatedness} ·{' '}
                  {AE_OUTCOME_LABELS[event.outcome as AeOutcome] ?? event.outcome}
                  {event.visitId ? (
                    <>
                      {' '}
                      ·{' '}
                      <Link
                        href={`/visits/${event.visitId}`}
                        className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
                      >
                        Infusion day record
                      </Link>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
