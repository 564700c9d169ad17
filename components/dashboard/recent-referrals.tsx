import { format, parseISO } from 'date-fns';
import Link from 'next/link';
import type { RecentReferral } from '@/lib/dashboard/get-dashboard-stats';
import { PIPELINE_STAGE_LABELS, REFERRAL_SOURCE_LABELS } from '@/lib/dashboard/labels';

/** The latest referrals, newest first, each linking to the candidate's record. */
export function RecentReferrals({ referrals }: { referrals: RecentReferral[] }) {
  return (
    <div role="region" aria-labelledby="recent-referrals-caption" tabIndex={0} className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption id="recent-referrals-caption" className="sr-only">
          The {referrals.length} most recent referrals, newest first
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              Candidate
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold whitespace-nowrap text-slate-700">
              Referred
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              Source
            </th>
            <th scope="col" className="px-4 py-2.5 font-semibold text-slate-700">
              Trials and stage
            </th>
          </tr>
        </thead>
        <tbody>
          {referrals.map((referral) => (
            <tr key={referral.id} className="border-b border-slate-100 last:border-b-0">
              <th scope="row" className="px-4 py-3 text-left align-top font-medium">
                <Link
                  href={`/candidates/${referral.id}`}
                  className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
                >
                  {referral.lastName}, {referral.firstName}
                </Link>
              </th>
              <td className="px-4 py-3 align-top whitespace-nowrap text-slate-800">
                {/* A calendar date: parsed and shown as local midnight, so no zone can shift the day. */}
                <time dateTime={referral.referralDate}>
                  {format(parseISO(referral.referralDate), 'EEE d MMM yyyy')}
                </time>
              </td>
              <td className="px-4 py-3 align-top text-slate-800">{REFERRAL_SOURCE_LABELS[referral.referralSource]}</td>
              <td className="px-4 py-3 align-top text-slate-800">
                {referral.trials.length === 0 ? (
                  <span className="text-slate-600">Not in a trial pipeline yet</span>
                ) : (
                  <ul className="flex flex-col gap-0.5">
                    {referral.trials.map((trial, index) => (
                      <li key={index}>
                        {trial.title}: <span className="font-medium">{PIPELINE_STAGE_LABELS[trial.stage]}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
