import Link from 'next/link';
import type { ReviewQueueItem } from '@/lib/candidates/types';
import { formatClinicTime } from '@/lib/clinic/clinic-time';
import { candidateName, formatAge, formatWaiting } from './format';

type Props = { items: ReviewQueueItem[]; now: Date; today: string };

/** Candidates waiting for a clinician's eligibility review, the longest-waiting first (the order is the server's). */
export function ReviewQueueTable({ items, now, today }: Props) {
  return (
    <div
      role="region"
      aria-labelledby="review-queue-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption id="review-queue-caption" className="sr-only">
          Candidates awaiting review, longest waiting first
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              Candidate
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              Trial
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold whitespace-nowrap text-slate-700">
              Waiting
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              Coordinator
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const since = new Date(item.since);
            return (
              <tr key={item.pipelineEntryId} className="border-b border-slate-100 last:border-b-0 hover:bg-slate-50">
                <th scope="row" className="px-4 py-3 text-left align-top font-medium">
                  <Link
                    href={`/candidates/${item.candidateId}`}
                    className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
                  >
                    {candidateName(item)}
                  </Link>
                  <span className="mt-0.5 block text-xs font-normal text-slate-600">
                    MRN <span className="font-mono">{item.mrn}</span> · {formatAge(item.dateOfBirth, today)}
                  </span>
                </th>
                <td className="px-4 py-3 align-top text-slate-800">{item.trialLabel}</td>
                <td className="px-4 py-3 align-top whitespace-nowrap text-slate-800">
                  <span className="font-medium">{formatWaiting(now.getTime() - since.getTime())}</span>
                  <span className="block text-xs text-slate-600">
                    since <time dateTime={item.since}>{formatClinicTime(since)}</time>
                  </span>
                </td>
                <td className="px-4 py-3 align-top text-slate-800">
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
