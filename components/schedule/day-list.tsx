import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { needsChair } from '@/lib/scheduling/session-policy';
import { clinicDateOf, clinicTimeOf } from './calendar-dates';
import type { CalendarChair, CalendarVisit } from './types';
import { sessionLabel, VISIT_STATUS_LABELS, VISIT_STATUS_TONES } from './visit-status';

type Props = {
  date: string;
  visits: CalendarVisit[];
  chairs: CalendarChair[];
  timeZone: string;
  closedReason: string | null;
};

/** One clinic day in time order, with the chair: what the front desk prints in the morning. */
export function DayList({ date, visits, chairs, timeZone, closedReason }: Props) {
  const chairName = new Map(chairs.map((chair) => [chair.id, chair.name]));
  const ordered = [...visits].sort(
    (a, b) =>
      a.scheduledAt.localeCompare(b.scheduledAt) ||
      (chairName.get(a.chairId ?? '') ?? '').localeCompare(chairName.get(b.chairId ?? '') ?? ''),
  );
  if (ordered.length === 0) {
    return (
      <EmptyState
        title={closedReason ? `Closed — ${closedReason}` : `No visits on ${formatDayLabel(date)}`}
        description={
          closedReason
            ? 'The clinic is closed on this day; nothing can be booked.'
            : 'No infusion visits are booked for this day.'
        }
      />
    );
  }
  return (
    <div
      role="region"
      aria-labelledby="day-list-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption id="day-list-caption" className="px-4 py-3 text-left text-base font-semibold text-slate-900">
          Day list, {formatDayLabel(date)}
          {closedReason ? (
            <span className="ml-2 text-sm font-semibold text-red-800">Closed — {closedReason}</span>
          ) : null}
        </caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            {['Time', 'Until', 'Chair', 'Participant', 'Session', 'Status'].map((label) => (
              <th key={label} scope="col" className="px-4 py-2.5 font-semibold whitespace-nowrap text-slate-700">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ordered.map((visit) => (
            <tr key={visit.id} className="border-b border-slate-100 last:border-b-0 break-inside-avoid">
              <td className="px-4 py-3 font-semibold tabular-nums">
                <time dateTime={visit.scheduledAt}>{clinicTimeOf(visit.scheduledAt, timeZone)}</time>
              </td>
              <td className="px-4 py-3 tabular-nums">
                {visit.endsAt ? (
                  <time dateTime={visit.endsAt}>
                    {clinicDateOf(visit.endsAt, timeZone) === date
                      ? clinicTimeOf(visit.endsAt, timeZone)
                      : `${formatDayLabel(clinicDateOf(visit.endsAt, timeZone))} ${clinicTimeOf(visit.endsAt, timeZone)}`}
                  </time>
                ) : (
                  '—'
                )}
              </td>
              <td className="px-4 py-3">
                {needsChair(visit.sessionKind) ? (
                  ((visit.chairId && chairName.get(visit.chairId)) ?? 'No chair')
                ) : (
                  <Badge tone="info">{visit.sessionDescription}</Badge>
                )}
              </td>
              <td className="px-4 py-3">
                {visit.candidateId ? (
                  <Link
                    href={`/candidates/${visit.candidateId}`}
                    className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
                  >
                    {visit.participantName}
                  </Link>
                ) : (
                  visit.participantName
                )}
                {visit.trialLabel ? <span className="block text-xs text-slate-600">{visit.trialLabel}</span> : null}
              </td>
              <td className="px-4 py-3">
                <Link
                  href={`/visits/${visit.id}`}
                  className="text-brand-700 underline underline-offset-2 hover:text-brand-800"
                >
                  {sessionLabel(visit.sessionNumber, visit.sessionCount)}
                </Link>
              </td>
              <td className="px-4 py-3">
                <Badge tone={VISIT_STATUS_TONES[visit.status]}>{VISIT_STATUS_LABELS[visit.status]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
