import Link from 'next/link';
import type { CurrentUser } from '@/lib/auth/current-user';
import { hasPermission } from '@/lib/auth/permissions';
import { listUnreviewedUnblindings } from '@/lib/blinding/emergency-unblind';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { ReviewUnblindingButton } from './review-unblinding-button';

/** The admins' alert: emergency unblindings not reviewed yet (never the arm). `timeZone`: the clinic settings'. */
export async function UnblindingReviewPanel({ user, timeZone }: { user: Pick<CurrentUser, 'role'>; timeZone: string }) {
  if (!hasPermission(user.role, 'blinding.manage')) return null;
  const rows = await listUnreviewedUnblindings();
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="unblinding-heading" className="mb-8 rounded-lg border-2 border-amber-300 bg-amber-50 p-4">
      <h2 id="unblinding-heading" className="text-lg font-semibold text-amber-950">
        Emergency unblindings to review ({rows.length})
      </h2>
      <ul className="mt-3 flex flex-col gap-3">
        {rows.map((row) => (
          <li
            key={row.id}
            className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-amber-200 bg-white p-3 text-sm"
          >
            <p>
              <Link
                href={`/candidates/${row.candidateId}`}
                className="font-medium text-brand-700 underline underline-offset-4"
              >
                {row.participantName}
              </Link>{' '}
              in {row.trialLabel}: blind broken by {row.unblindedBy} on {formatClinicZoned(new Date(row.at), timeZone)}.
              Reason: {row.reason}
            </p>
            <ReviewUnblindingButton id={row.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
