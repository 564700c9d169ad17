import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { cn } from '@/components/ui/cn';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { needsChair } from '@/lib/scheduling/session-policy';
import { clinicDateOf, clinicTimeOf } from './calendar-dates';
import type { CalendarChair, CalendarClosure, CalendarVisit } from './types';
import { sessionLabel, VISIT_STATUS_LABELS, VISIT_STATUS_TONES } from './visit-status';

type Props = {
  dates: string[];
  chairs: CalendarChair[];
  visits: CalendarVisit[];
  closures: CalendarClosure[];
  timeZone: string;
  today: string;
};

function VisitBlock({ visit, timeZone }: { visit: CalendarVisit; timeZone: string }) {
  const start = clinicTimeOf(visit.scheduledAt, timeZone);
  const end = visit.endsAt ? clinicTimeOf(visit.endsAt, timeZone) : null;
  const isInactive = visit.status === 'CANCELLED' || visit.status === 'MISSED';
  return (
    <li
      className={cn(
        'flex flex-col gap-1 rounded-md border px-2.5 py-2 text-sm break-inside-avoid',
        isInactive
          ? 'border-dashed border-slate-300 bg-slate-50 text-slate-600'
          : 'border-brand-600/30 bg-brand-50 text-slate-900',
      )}
    >
      <span className="font-semibold tabular-nums">
        <time dateTime={visit.scheduledAt}>{start}</time>
        {end ? (
          <>
            {'–'}
            <time dateTime={visit.endsAt ?? undefined}>{end}</time>
          </>
        ) : null}
      </span>
      {visit.candidateId ? (
        <Link
          href={`/candidates/${visit.candidateId}`}
          className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800"
        >
          {visit.participantName}
        </Link>
      ) : (
        <span className="font-medium">{visit.participantName}</span>
      )}
      {needsChair(visit.sessionKind) ? null : (
        <span className="text-xs font-medium text-slate-800">{visit.sessionDescription}</span>
      )}
      <span className="text-xs text-slate-700">
        <Link href={`/visits/${visit.id}`} className="underline-offset-2 hover:underline">
          {sessionLabel(visit.sessionNumber, visit.sessionCount)}
        </Link>
      </span>
      <span>
        <Badge tone={VISIT_STATUS_TONES[visit.status]}>{VISIT_STATUS_LABELS[visit.status]}</Badge>
      </span>
    </li>
  );
}

/** The week as a grid: one row per chair, one column per open day. Closed days say why. */
export function WeekView({ dates, chairs, visits, closures, timeZone, today }: Props) {
  const closureByDate = new Map(closures.map((closure) => [closure.date, closure.reason]));
  const cell = new Map<string, CalendarVisit[]>();
  const unassigned: CalendarVisit[] = [];
  const chairless = new Map<string, CalendarVisit[]>();
  for (const visit of [...visits].sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt))) {
    const date = clinicDateOf(visit.scheduledAt, timeZone);
    if (!needsChair(visit.sessionKind)) {
      chairless.set(date, [...(chairless.get(date) ?? []), visit]);
      continue;
    }
    if (!visit.chairId || !chairs.some((chair) => chair.id === visit.chairId)) {
      unassigned.push(visit);
      continue;
    }
    const key = `${visit.chairId}|${date}`;
    cell.set(key, [...(cell.get(key) ?? []), visit]);
  }

  return (
    <div className="flex flex-col gap-4">
      <div
        role="region"
        aria-labelledby="week-grid-caption"
        tabIndex={0}
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
      >
        <table className="w-full min-w-[704px] table-fixed border-collapse text-left text-sm">
          <caption id="week-grid-caption" className="sr-only">
            Infusion chairs by day, {dates[0] ? formatDayLabel(dates[0]) : ''} to{' '}
            {dates.at(-1) ? formatDayLabel(dates.at(-1)!) : ''}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="w-28 px-3 py-2.5 font-semibold text-slate-700">
                Chair
              </th>
              {dates.map((date) => {
                const reason = closureByDate.get(date);
                return (
                  <th
                    key={date}
                    scope="col"
                    className={cn(
                      'px-3 py-2.5 font-semibold text-slate-700',
                      date === today && 'bg-brand-100 text-brand-800',
                    )}
                  >
                    <Link href={`/schedule?day=${date}`} className="underline-offset-2 hover:underline">
                      {formatDayLabel(date)}
                    </Link>
                    {date === today ? <span className="ml-1 text-xs font-medium">(today)</span> : null}
                    {reason ? (
                      <span className="mt-1 block text-xs font-semibold text-red-800">Closed — {reason}</span>
                    ) : null}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {chairs.map((chair) => (
              <tr key={chair.id} className="border-b border-slate-100 last:border-b-0">
                <th scope="row" className="px-3 py-3 align-top font-semibold text-slate-900">
                  {chair.name}
                  {chair.isActive ? null : <span className="block text-xs font-normal text-slate-600">Inactive</span>}
                </th>
                {dates.map((date) => {
                  const reason = closureByDate.get(date);
                  const items = cell.get(`${chair.id}|${date}`) ?? [];
                  return (
                    <td key={date} className={cn('px-2 py-2 align-top', reason && 'bg-slate-100')}>
                      {items.length > 0 ? (
                        <ul className="flex flex-col gap-2" aria-label={`${chair.name}, ${formatDayLabel(date)}`}>
                          {items.map((visit) => (
                            <VisitBlock key={visit.id} visit={visit} timeZone={timeZone} />
                          ))}
                        </ul>
                      ) : (
                        <span className="block px-1 py-1 text-xs text-slate-600">
                          {reason ? `Closed — ${reason}` : 'Free'}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            {chairless.size > 0 ? (
              <tr className="border-t border-slate-200 bg-sky-50/50">
                <th scope="row" className="px-3 py-3 align-top font-semibold text-slate-900">
                  No chair
                  <span className="block text-xs font-normal text-slate-600">Perioperative, inpatient</span>
                </th>
                {dates.map((date) => {
                  const items = chairless.get(date) ?? [];
                  return (
                    <td key={date} className="px-2 py-2 align-top">
                      {items.length > 0 ? (
                        <ul className="flex flex-col gap-2" aria-label={`No chair, ${formatDayLabel(date)}`}>
                          {items.map((visit) => (
                            <VisitBlock key={visit.id} visit={visit} timeZone={timeZone} />
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {unassigned.length > 0 ? (
        <section aria-labelledby="unassigned-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="unassigned-heading" className="text-sm font-semibold text-amber-950">
            Visits without a chair this week
          </h2>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {unassigned.map((visit) => (
              <VisitBlock key={visit.id} visit={visit} timeZone={timeZone} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
