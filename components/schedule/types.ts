import type { SessionKind } from '@/lib/scheduling/session-policy';
import type { VisitStatus } from '@/lib/scheduling/types';

// What the calendar views need, already resolved to plain, serialisable values:
// instants as ISO strings, clinic-local dates as 'YYYY-MM-DD'.

export type CalendarVisit = {
  id: string;
  sessionNumber: number;
  /** Sessions in the arm's protocol, when known ("session 2 of 4"). */
  sessionCount: number | null;
  scheduledAt: string;
  endsAt: string | null;
  chairId: string | null;
  /** A perioperative or inpatient session holds no chair; the views show it in its own row. */
  sessionKind: SessionKind;
  /** 'Perioperative · 24 h · no chair'. */
  sessionDescription: string;
  status: VisitStatus;
  candidateId: string | null;
  participantName: string;
  trialLabel: string | null;
};

export type CalendarChair = { id: string; name: string; isActive: boolean };

export type CalendarClosure = { date: string; reason: string };
