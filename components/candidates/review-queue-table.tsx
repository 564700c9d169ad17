import Link from 'next/link';
import { OverallBadge } from '@/components/eligibility/result-badges';
import type { ReviewQueueItem } from '@/lib/candidates/types';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { PIPELINE_STAGE_LABELS } from '@/lib/dashboard/labels';
import { candidateName, formatAge, formatWaiting } from './format';

/** `timeZone`: the clinic's (settings), so check times read on the clinic clock with the zone named. */
type Props = { items: ReviewQueueItem[]; today: string; timeZone: string };

const th = 'px-4 py-2.5 font-semibold text-slate-700';
const td = 'px-4 py-3 align-top text-slate-800';

/** Checks awaiting a clinician, the longest-waiting first (the order is the server's); each row opens its check. */
export function ReviewQueueTable({ items, today, timeZone }: Props) {
  return (
    <div
      role="region"
      aria-labelledby="review-queue-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption id="review-queue-caption" className="sr-only">
          Eligibility checks awaiting a clinician, longest waiting first
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Candidate
            </th>
            <th scope="col" className={th}>
              Trial
            </th>
            <th scope="col" className={th}>
              Check status
            </th>
            <th scope="col" className={`${th} whitespace-nowrap`}>
              Waiting
            </th>
            <th scope="col" className={th}>
              Coordinator
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const checkedAt = new Date(item.checkedAt);
            return (
              <tr key={item.checkId} className="border-b border-slate-100 last:border-b-0 hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 text-left align-top font-medium">
                  <Link
                    href={item.href}
                    className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
                  >
                    {candidateName(item)}
                    <span className="sr-only">: open the eligibility check</span>
                  </Link>
                  <span className="mt-0.5 block text-xs font-normal text-slate-600">
                    MRN <span className="font-mono">{item.mrn}</span> · {formatAge(item.dateOfBirth, today)}
                  </span>
                </th>
                <td className={td}>
                  {item.trialLabel}
                  <span className="block text-xs text-slate-600">{PIPELINE_STAGE_LABELS[item.stage]}</span>
                </td>
                <td className={td}>
                  <OverallBadge overall={item.status.overall} />
                  <span className="mt-1 block text-xs text-slate-600">
                    {item.status.needsReview === 0
                      ? 'No clinician-judgment items'
                      : `${item.status.needsReview} of ${item.status.criteria} ${item.status.needsReview === 1 ? 'item needs' : 'items need'} review`}
                    {item.draftSavedAt ? ' · draft saved' : ''}
                  </span>
                </td>
                <td className={`${td} whitespace-nowrap`}>
                  <span className="font-medium">{formatWaiting(item.ageMinutes * 60_000)}</span>
                  <span className="block text-xs text-slate-600">
                    checked <time dateTime={item.checkedAt}>{formatClinicZoned(checkedAt, timeZone)}</time>
                  </span>
                </td>
                <td className={td}>
                  {item.coordinator?.name ?? <span className="text-slate-600">Nobody assigned</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
