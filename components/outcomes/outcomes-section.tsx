import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { getCandidateOutcomeSummary } from '@/lib/results/get-candidate-outcome-summary';
import {
  ENROLLMENT_STATUS_LABELS,
  flagLabel,
  formatCalendarDate,
  formatNumber,
  shortInstrumentName,
  timepointLabel,
} from './format';

/**
 * The candidate page's outcomes panel: per enrollment, the latest score of each instrument with its
 * severity, and a link to the participant's outcome page. Renders nothing for a role without
 * outcome.read or a candidate who was never enrolled.
 */
export async function OutcomesSection({ candidateId, user }: { candidateId: string; user: Pick<CurrentUser, 'role'> }) {
  if (!hasPermission(user.role, 'outcome.read')) return null;
  const enrollments = await getCandidateOutcomeSummary(candidateId);
  if (enrollments.length === 0) return null;
  const timeZone = await getClinicTimeZone();

  return (
    <Card aria-labelledby="candidate-outcomes">
      <CardHeader titleId="candidate-outcomes" title="Outcomes" description="Latest questionnaire scores per trial." />
      <CardBody className="flex flex-col gap-4">
        {enrollments.map((enrollment) => (
          <section
            key={enrollment.enrollmentId}
            aria-label={`Outcomes in ${enrollment.trialLabel}`}
            className="flex flex-col gap-2"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="text-sm font-semibold text-slate-900">
                {enrollment.trialLabel}{' '}
                <span className="font-normal text-slate-700">
                  · {ENROLLMENT_STATUS_LABELS[enrollment.status] ?? enrollment.status} · enrolled{' '}
                  {formatCalendarDate(enrollment.enrolledAt)}
                </span>
              </h3>
              <Link
                href={`/participants/${enrollment.enrollmentId}/outcomes`}
                className="rounded-sm text-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
              >
                Outcomes and questionnaires<span className="sr-only"> in {enrollment.trialLabel}</span>
              </Link>
            </div>
            {enrollment.latest.length === 0 ? (
              <p className="text-sm text-slate-700">No questionnaires recorded yet.</p>
            ) : (
              <ul className="grid gap-2 sm:grid-cols-2">
                {enrollment.latest.map((score) => (
                  <li key={score.instrument} className="rounded-md border border-slate-200 px-3 py-2 text-sm">
                    <span className="font-medium text-slate-900">{shortInstrumentName(score.instrument)}</span>{' '}
                    <span className="tabular-nums">{formatNumber(score.value, 2)}</span>
                    {score.severity ? <span className="text-slate-700"> ({score.severity})</span> : null}
                    <span className="block text-xs text-slate-600">
                      {timepointLabel(score.timepoint)} · {formatClinicZoned(new Date(score.administeredAt), timeZone)}
                    </span>
                    {score.flags.map((flag) => (
                      <Badge key={flag} tone="danger" className="mt-1">
                        {flagLabel(flag)}
                      </Badge>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </CardBody>
    </Card>
  );
}
