import { addDaysToDate, compareDates } from '@/lib/scheduling/local-date';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import { parseTimepointCode } from '@/lib/trials/timepoint-code';

export type DueStatus = 'done' | 'due' | 'overdue' | 'upcoming';

export type DuePlanItem = { instrument: string; timepoint: string; windowBeforeDays: number; windowAfterDays: number };
export type DueVisit = { sessionNumber: number; status: string; scheduledAt: Date; completedAt: Date | null };
export type DueAssessment = { id: string; instrument: string; timepoint: string; administeredAt: Date };

export type DueItem = {
  instrument: string;
  timepoint: string;
  status: DueStatus;
  /** Clinic-local target date; null when it cannot be known yet (the session is not booked). */
  dueOn: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  /** True while the target date is only projected from a booked, not yet completed, session. */
  isProjected: boolean;
  assessmentId: string | null;
  administeredAt: Date | null;
};

const STATUS_ORDER: Record<DueStatus, number> = { overdue: 0, due: 1, upcoming: 2, done: 3 };

/** The visit that stands for a session: a completed one, else a booked one; missed or cancelled ones do not count. */
function sessionVisit(visits: readonly DueVisit[], sessionNumber: number): DueVisit | null {
  const forSession = visits.filter((visit) => visit.sessionNumber === sessionNumber);
  return (
    forSession.find((visit) => visit.status === 'COMPLETED' && visit.completedAt !== null) ??
    forSession
      .filter((visit) => visit.status === 'SCHEDULED' || visit.status === 'CHECKED_IN')
      .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0] ??
    null
  );
}

/**
 * When each planned assessment of one enrollment falls due and where it stands. BASELINE is due on
 * the enrollment date; AFTER_SESSION_n on the day session n was completed (projected from its booking
 * while it is still ahead: "upcoming"); DAYS_AFTER_LAST_n n days after the last planned session was
 * completed. Windows are whole clinic days around the target date. A current (non-superseded)
 * record makes an item "done"; otherwise it is "upcoming" before its window, "due" inside it and
 * "overdue" after it.
 */
export function computeDueAssessments(input: {
  plan: readonly DuePlanItem[];
  enrolledOn: string;
  visits: readonly DueVisit[];
  /** Sessions in the arm's dosing protocol; null when unknown (then the highest booked session counts as last). */
  plannedSessions: number | null;
  /** Current (non-superseded) assessments of the enrollment. */
  assessments: readonly DueAssessment[];
  today: string;
  timeZone: string;
}): DueItem[] {
  const { plan, enrolledOn, visits, assessments, today, timeZone } = input;
  const localDate = (instant: Date) => utcToZoned(instant, timeZone).date;
  const lastSession = input.plannedSessions ?? Math.max(0, ...visits.map((visit) => visit.sessionNumber));

  const items = plan.map((item): DueItem => {
    const done = assessments
      .filter((assessment) => assessment.instrument === item.instrument && assessment.timepoint === item.timepoint)
      .sort((a, b) => b.administeredAt.getTime() - a.administeredAt.getTime())[0];

    let dueOn: string | null = null;
    let isProjected = false;
    const timepoint = parseTimepointCode(item.timepoint);
    if (timepoint?.kind === 'BASELINE') {
      dueOn = enrolledOn;
    } else if (timepoint) {
      const sessionNumber = timepoint.kind === 'AFTER_SESSION' ? timepoint.session : lastSession;
      const visit = sessionNumber > 0 ? sessionVisit(visits, sessionNumber) : null;
      if (visit) {
        isProjected = visit.status !== 'COMPLETED';
        const anchor = localDate(visit.completedAt ?? visit.scheduledAt);
        dueOn = timepoint.kind === 'AFTER_SESSION' ? anchor : addDaysToDate(anchor, timepoint.days);
      }
    }
    const windowStart = dueOn ? addDaysToDate(dueOn, -item.windowBeforeDays) : null;
    const windowEnd = dueOn ? addDaysToDate(dueOn, item.windowAfterDays) : null;

    let status: DueStatus;
    if (done) status = 'done';
    else if (!dueOn || !windowStart || !windowEnd || isProjected || compareDates(today, windowStart) < 0)
      status = 'upcoming';
    else if (compareDates(today, windowEnd) > 0) status = 'overdue';
    else status = 'due';

    return {
      instrument: item.instrument,
      timepoint: item.timepoint,
      status,
      dueOn,
      windowStart,
      windowEnd,
      isProjected,
      assessmentId: done?.id ?? null,
      administeredAt: done?.administeredAt ?? null,
    };
  });

  return items.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
      a.instrument.localeCompare(b.instrument),
  );
}
