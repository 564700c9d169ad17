import Link from 'next/link';
import {
  DUE_STATUS_LABELS,
  DUE_STATUS_TONES,
  formatCalendarDate,
  instrumentLabel,
  shortInstrumentName,
  timepointLabel,
} from '@/components/outcomes/format';
import { ReportTable } from '@/components/outcomes/results-tables';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import type { DueStatus } from '@/lib/assessments/compute-due';
import { listDueAssessments } from '@/lib/assessments/list-due-assessments';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';

export const metadata = { title: 'Due questionnaires' };

const VIEWS: Record<string, { label: string; statuses: DueStatus[] }> = {
  open: { label: 'Overdue and due', statuses: ['overdue', 'due'] },
  upcoming: { label: 'Upcoming', statuses: ['upcoming'] },
  all: { label: 'All open', statuses: ['overdue', 'due', 'upcoming'] },
};

export default async function DueAssessmentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser('outcome.read');
  const query = await searchParams;
  const viewKey = typeof query.view === 'string' && query.view in VIEWS ? query.view : 'open';
  const view = VIEWS[viewKey];
  const { today, timeZone, rows } = await listDueAssessments({ statuses: view.statuses });
  const overdue = rows.filter((row) => row.status === 'overdue').length;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link
            href="/outcomes"
            className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
          >
            ← Outcomes
          </Link>
        }
        title="Due questionnaires"
        description={`From each trial's assessment plan, for active and completed participants. Today is ${formatCalendarDate(today)} (clinic time, ${timeZone}).`}
      />
      <nav aria-label="Which questionnaires">
        <ul className="flex flex-wrap gap-2">
          {Object.entries(VIEWS).map(([key, item]) => (
            <li key={key}>
              <Link
                href={key === 'open' ? '/outcomes/due' : `/outcomes/due?view=${key}`}
                aria-current={key === viewKey ? 'page' : undefined}
                className="inline-flex min-h-9 items-center rounded-md border border-slate-300 px-3 text-sm text-slate-900 hover:bg-slate-50 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold"
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <EmptyState
          title={`Nothing ${view.label.toLowerCase()}`}
          description="Every planned questionnaire in this view has been recorded."
        />
      ) : (
        <>
          {viewKey === 'open' ? (
            <p className="text-sm text-slate-800">
              {overdue} overdue, {rows.length - overdue} due now.
            </p>
          ) : null}
          <ReportTable
            caption={`${view.label} questionnaires`}
            head={[
              { label: 'Participant' },
              { label: 'Trial' },
              { label: 'Instrument' },
              { label: 'Timepoint' },
              // The window sits under the due date: one column fewer, so the list fits a tablet.
              { label: 'Due (window)' },
              { label: 'Status' },
              { label: 'Self-report' },
            ]}
          >
            {rows.map((row) => (
              <tr key={`${row.enrollmentId}-${row.instrument}-${row.timepoint}`}>
                <th scope="row" className="px-2 py-2 font-medium text-slate-900">
                  <Link
                    href={`/participants/${row.enrollmentId}/outcomes`}
                    className="rounded-sm text-brand-700 underline underline-offset-4 hover:text-brand-800"
                  >
                    {row.participantName}
                  </Link>
                  <span className="block text-xs font-normal text-slate-600">MRN {row.mrn}</span>
                </th>
                <td className="px-2 py-2">{row.trialLabel}</td>
                <td className="px-2 py-2" title={instrumentLabel(row.instrument)}>
                  {shortInstrumentName(row.instrument)}
                </td>
                <td className="px-2 py-2">{timepointLabel(row.timepoint)}</td>
                <td className="px-2 py-2">
                  {row.dueOn ? formatCalendarDate(row.dueOn) : 'Session not booked'}
                  {row.isProjected ? (
                    <span className="block text-xs text-slate-600">projected from the booking</span>
                  ) : null}
                  {row.windowStart && row.windowEnd ? (
                    <span className="block text-xs text-slate-600">
                      window {formatCalendarDate(row.windowStart)} – {formatCalendarDate(row.windowEnd)}
                    </span>
                  ) : null}
                </td>
                <td className="px-2 py-2">
                  <Badge tone={DUE_STATUS_TONES[row.status]}>{DUE_STATUS_LABELS[row.status]}</Badge>
                </td>
                <td className="px-2 py-2">
                  {row.openLink ? (
                    <>
                      <Badge tone="info">{row.openLink.channel === 'TABLET' ? 'On the tablet' : 'Link open'}</Badge>
                      <span className="block text-xs text-slate-600">
                        until {formatClinicZoned(new Date(row.openLink.expiresAt), timeZone)}
                        {row.openLink.emailsSent > 0 ? `, emailed ${row.openLink.emailsSent}×` : ''}
                      </span>
                    </>
                  ) : row.isSelfReportable ? (
                    <Link
                      href={`/participants/${row.enrollmentId}/outcomes#self-report-heading`}
                      className="text-sm text-brand-700 underline underline-offset-4"
                    >
                      Send link
                    </Link>
                  ) : (
                    <span className="text-xs text-slate-600">Staff entry</span>
                  )}
                </td>
              </tr>
            ))}
          </ReportTable>
        </>
      )}
    </div>
  );
}
