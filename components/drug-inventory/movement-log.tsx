import Link from 'next/link';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import type { LogEntry, LotCount } from '@/lib/drug-inventory/get-lot-log';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { ReversalForm } from './lazy-forms';

const mg = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3, signDisplay: 'exceptZero' });
const balance = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

function when(entry: LogEntry, timeZone: string) {
  return entry.isMasked
    ? `${formatDayLabel(entry.at)} (masked trial)`
    : formatClinicZoned(new Date(entry.at), timeZone);
}

/** The lot's movements as an inspector reads them: oldest first, with the running balance, in the clinic settings' `timeZone`. */
export function MovementLog({
  lotId,
  entries,
  canReverse,
  timeZone,
}: {
  lotId: string;
  entries: LogEntry[];
  canReverse: boolean;
  timeZone: string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[52rem] text-left text-sm">
        <caption className="sr-only">Movements of this lot</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Time
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Movement
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Amount (mg)
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Balance (mg)
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              By
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Witness
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Details
            </th>
            {canReverse ? (
              <th scope="col" className="py-2 font-medium print:hidden">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {entries.map((entry) => (
            <tr key={entry.id} className={entry.reversedById ? 'text-slate-500' : undefined}>
              <td className="py-2 pr-3 whitespace-nowrap">{when(entry, timeZone)}</td>
              <td className="py-2 pr-3">
                {entry.kindLabel}
                {entry.reversedById ? <span className="block text-xs">Reversed</span> : null}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{mg.format(entry.changeMg)}</td>
              <td className="py-2 pr-3 text-right font-medium tabular-nums">{balance.format(entry.balanceAfterMg)}</td>
              <td className="py-2 pr-3">{entry.actor.name}</td>
              <td className="py-2 pr-3">{entry.witness?.name ?? '—'}</td>
              <td className="py-2 pr-3">
                {entry.visit ? (
                  <Link href={`/visits/${entry.visit.id}`} className="text-sky-800 underline">
                    {entry.visit.participant}, {entry.visit.trialLabel} session {entry.visit.sessionNumber}
                  </Link>
                ) : entry.isMasked ? (
                  'Masked-trial infusion'
                ) : null}
                {entry.reason ? <span className="block">{entry.reason}</span> : null}
                {entry.reversesId ? (
                  <span className="block text-xs text-slate-600">Reverses an earlier movement</span>
                ) : null}
              </td>
              {canReverse ? (
                <td className="py-2">
                  {entry.kind !== 'REVERSAL' && !entry.reversedById ? (
                    <ReversalForm
                      lotId={lotId}
                      movementId={entry.id}
                      label={`${entry.kindLabel} of ${when(entry, timeZone)}`}
                    />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Witnessed counts of the lot and how each compared to the balance. */
export function CountLog({ counts, timeZone }: { counts: LotCount[]; timeZone: string }) {
  if (counts.length === 0) return <p className="text-sm text-slate-700">No counts have been recorded for this lot.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Witnessed counts</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">
              Time
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Counted (mg)
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Balance (mg)
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-medium">
              Difference (mg)
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              By and witness
            </th>
            <th scope="col" className="py-2 font-medium">
              Review
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {counts.map((count) => (
            <tr key={count.id}>
              <td className="py-2 pr-3 whitespace-nowrap">{formatClinicZoned(new Date(count.at), timeZone)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{balance.format(count.countedMg)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{balance.format(count.expectedMg)}</td>
              <td className="py-2 pr-3 text-right font-medium tabular-nums">
                {count.discrepancyMg === 0 ? 'Matches' : mg.format(count.discrepancyMg)}
              </td>
              <td className="py-2 pr-3">
                {count.actor}, witnessed by {count.witness}
              </td>
              <td className="py-2">
                {count.discrepancyMg === 0
                  ? '—'
                  : count.reviewedAt
                    ? `Reviewed: ${count.reviewNote}`
                    : 'Awaiting admin review'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
