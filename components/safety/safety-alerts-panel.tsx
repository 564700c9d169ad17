import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { timepointLabel } from '@/components/outcomes/format';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { listSafetyAlerts } from '@/lib/safety/list-safety-alerts';
import { AcknowledgeForm } from './lazy-forms';

type Props = { user: Pick<CurrentUser, 'role'>; enrollmentId?: string; showParticipant?: boolean };

/**
 * Open safety alerts, oldest first, until a clinician acknowledges each with the action
 * taken: at the top of the dashboard and on the participant's pages. Everyone who may read
 * alerts sees them; only clinicians can acknowledge.
 */
export async function SafetyAlertsPanel({ user, enrollmentId, showParticipant = true }: Props) {
  if (!hasPermission(user.role, 'safety.read')) return null;
  const alerts = await listSafetyAlerts({ status: 'open', enrollmentId });
  if (alerts.length === 0) return null;
  const canAcknowledge = hasPermission(user.role, 'safety.acknowledge');
  const timeZone = await getClinicTimeZone();
  return (
    <section aria-labelledby="safety-alerts-heading" className="mb-8 rounded-lg border-2 border-red-300 bg-red-50 p-4">
      <h2 id="safety-alerts-heading" className="text-lg font-semibold text-red-900">
        Open safety alerts ({alerts.length})
      </h2>
      <p className="mt-1 text-sm text-red-950">
        {canAcknowledge
          ? 'Assess each participant and record what you did.'
          : 'A study clinician must act on these; make sure they know.'}
      </p>
      <ul className="mt-3 flex flex-col gap-4">
        {alerts.map((alert) => (
          <li key={alert.id} className="rounded-md border border-red-200 bg-white p-3 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone="danger">{alert.kindLabel}</Badge>
              {showParticipant ? (
                <Link
                  href={`/participants/${alert.enrollmentId}/outcomes`}
                  className="font-medium text-brand-700 underline underline-offset-4"
                >
                  {alert.participantName}
                </Link>
              ) : null}
              <span className="text-slate-700">{alert.trialLabel}</span>
              <span className="text-slate-600">opened {formatClinicZoned(new Date(alert.createdAt), timeZone)}</span>
            </div>
            <p className="mt-1 text-slate-900">{alert.summary}</p>
            {alert.source && 'instrument' in alert.source ? (
              <p className="text-xs text-slate-600">
                {alert.source.instrument}, {timepointLabel(alert.source.timepoint).toLowerCase()}
              </p>
            ) : alert.source && 'visitId' in alert.source && alert.source.visitId ? (
              <Link href={`/visits/${alert.source.visitId}`} className="text-xs text-brand-700 underline">
                Open the infusion-day record
              </Link>
            ) : null}
            {canAcknowledge ? (
              <div className="mt-2">
                <AcknowledgeForm alertId={alert.id} label={`${alert.kindLabel}, ${alert.participantName}`} />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
