'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { FormPlaceholder } from '@/components/ui/form/form-placeholder';
import { useState } from 'react';
import { cancelVisitAction, markMissedAction, rescheduleVisitAction } from '@/app/(app)/enrollments/actions';
import { sessionLabel, VISIT_STATUS_LABELS, VISIT_STATUS_TONES } from '@/components/schedule/visit-status';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { formatDayLabel } from '@/lib/scheduling/local-date';
import { needsChair } from '@/lib/scheduling/session-policy';
import type { VisitDto } from '@/lib/visits/types';
import { conflictsOf, type Conflict } from './conflicts';
import { useActionRunner } from '@/components/ui/form/use-action-runner';
import { StatusAlert } from './visit-day/step-frame';
import type { Shift } from './shift-proposal';
import type { Mode } from './visit-change-form';

// The list renders with the page; the forms it opens (a move or cancellation, the shifts a move
// proposes) load when opened, with react-hook-form (decision 0045).
const VisitChangeForm = dynamic(() => import('./visit-change-form').then((module) => module.VisitChangeForm), {
  ssr: false,
  loading: () => <FormPlaceholder size="md" />,
});
const ShiftProposal = dynamic(() => import('./shift-proposal').then((module) => module.ShiftProposal), {
  ssr: false,
  loading: () => <FormPlaceholder size="sm" />,
});

type Props = {
  enrollmentId: string;
  visits: VisitDto[];
  sessionCount: number | null;
  timeZone: string;
  chairs: Array<{ id: string; name: string }>;
  canBook: boolean;
};

function VisitActions({
  visit,
  enrollmentId,
  timeZone,
  chairs,
  chairName,
}: {
  visit: VisitDto;
  enrollmentId: string;
  timeZone: string;
  chairs: Props['chairs'];
  chairName: (id: string | null) => string;
}) {
  const [mode, setMode] = useState<Mode | null>(null);
  const [shifts, setShifts] = useState<{ shifts: Shift[]; problems: Conflict[] } | null>(null);
  const [rebook, setRebook] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const { run, pending, message, fieldErrors, lastError } = useActionRunner();
  const isPast = new Date(visit.scheduledAt).getTime() <= Date.now();
  const errorConflicts = lastError ? conflictsOf(lastError) : conflicts;

  return (
    <div className="flex flex-col gap-3">
      <div className="no-print flex flex-wrap gap-2">
        <Button
          size="sm"
          variant={mode === 'reschedule' ? 'primary' : 'secondary'}
          onClick={() => setMode(mode === 'reschedule' ? null : 'reschedule')}
          aria-expanded={mode === 'reschedule'}
        >
          Reschedule
        </Button>
        {isPast ? (
          <Button
            size="sm"
            variant={mode === 'missed' ? 'primary' : 'secondary'}
            onClick={() => setMode(mode === 'missed' ? null : 'missed')}
            aria-expanded={mode === 'missed'}
          >
            Mark missed
          </Button>
        ) : null}
        <Button
          size="sm"
          variant={mode === 'cancel' ? 'danger' : 'secondary'}
          onClick={() => setMode(mode === 'cancel' ? null : 'cancel')}
          aria-expanded={mode === 'cancel'}
        >
          Cancel visit
        </Button>
      </div>
      <StatusAlert message={message} />
      {errorConflicts.length > 0 ? (
        <ul className="list-disc pl-5 text-sm font-medium text-red-800">
          {errorConflicts.map((conflict, index) => (
            <li key={index}>{conflict.message}</li>
          ))}
        </ul>
      ) : null}
      {rebook ? <Alert tone="info">{rebook}</Alert> : null}
      {shifts ? (
        <ShiftProposal
          enrollmentId={enrollmentId}
          shifts={shifts.shifts}
          problems={shifts.problems}
          chairName={chairName}
        />
      ) : null}
      {mode ? (
        <VisitChangeForm
          mode={mode}
          visit={visit}
          timeZone={timeZone}
          chairs={chairs}
          pending={pending}
          fieldErrors={fieldErrors}
          onSubmit={async (values) => {
            setConflicts([]);
            setShifts(null);
            setRebook(null);
            if (mode === 'reschedule') {
              // The reschedule schema ran for this mode, so the new time is there.
              if (!('scheduledAt' in values)) return;
              const result = await run(
                () => rescheduleVisitAction({ enrollmentId, visitId: visit.id, ...values }),
                (moved) =>
                  `Session ${visit.sessionNumber} moved to ${formatDayLabel(moved.visit.localDate)} ${moved.visit.localTime}.`,
              );
              if (result) {
                if (result.shifts.length > 0 || result.problems.length > 0)
                  setShifts({ shifts: result.shifts, problems: result.problems });
                setMode(null);
              }
            } else if (mode === 'missed') {
              const result = await run(
                () => markMissedAction({ enrollmentId, visitId: visit.id, ...values }),
                `Session ${visit.sessionNumber} marked missed.`,
              );
              if (result) {
                setRebook(
                  result.rebook.kind === 'SLOT'
                    ? `Rebook proposal: ${formatDayLabel(result.rebook.proposed.localDate)} ${result.rebook.proposed.localTime}, ${chairName(result.rebook.proposed.chairId)}${result.rebook.latestDate ? ` (latest allowed ${formatDayLabel(result.rebook.latestDate)})` : ''}. Book it with “Book series” above.`
                    : `Recorded as a protocol deviation: ${result.rebook.reason}`,
                );
                setMode(null);
              }
            } else {
              const result = await run(
                () => cancelVisitAction({ enrollmentId, visitId: visit.id, ...values }),
                `Session ${visit.sessionNumber} cancelled.`,
              );
              if (result) setMode(null);
            }
          }}
        />
      ) : null}
    </div>
  );
}

/** The participant's visits with their status; scheduled ones can be moved, marked missed or cancelled. */
export function ParticipantVisits({ enrollmentId, visits, sessionCount, timeZone, chairs, canBook }: Props) {
  const names = new Map(chairs.map((chair) => [chair.id, chair.name]));
  const chairName = (id: string | null) => (id === null ? 'no chair' : (names.get(id) ?? 'a chair'));
  if (visits.length === 0) return <p className="text-sm text-slate-700">No visits are booked for this enrollment.</p>;
  return (
    <ol
      aria-label="Participant visits"
      className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200"
    >
      {visits.map((visit) => (
        <li
          key={visit.id}
          aria-label={`Session ${visit.sessionNumber}`}
          className="flex flex-col gap-3 px-3 py-3 break-inside-avoid"
        >
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <span className="font-semibold text-slate-900">{sessionLabel(visit.sessionNumber, sessionCount)}</span>
            <time dateTime={visit.scheduledAt} className="tabular-nums">
              {formatDayLabel(visit.localDate)} {visit.localTime}
            </time>
            <span>{needsChair(visit.sessionKind) ? (visit.chairName ?? 'No chair') : visit.sessionDescription}</span>
            <Badge tone={VISIT_STATUS_TONES[visit.status]}>{VISIT_STATUS_LABELS[visit.status]}</Badge>
            <Link
              href={`/visits/${visit.id}`}
              className="no-print text-brand-700 underline underline-offset-2 hover:text-brand-800"
            >
              Infusion day record
            </Link>
            {visit.statusReason ? <span className="text-slate-600">Reason: {visit.statusReason}</span> : null}
          </div>
          {canBook && visit.status === 'SCHEDULED' ? (
            <VisitActions
              visit={visit}
              enrollmentId={enrollmentId}
              timeZone={timeZone}
              chairs={chairs}
              chairName={chairName}
            />
          ) : null}
        </li>
      ))}
    </ol>
  );
}
