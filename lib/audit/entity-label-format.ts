import { utcToZoned } from '@/lib/scheduling/zoned-time';

// How the audit trail names a record: a person by name and MRN, a trial by its acronym, a
// session by number and clinic-local day. Pure, so the rules have worked examples beside them.
// None of these take an arm, a dose or an allocation: a label is shown to blinded readers as is.

export type CandidateRef = { firstName: string; lastName: string; mrn: string };
export type TrialRef = { acronym: string | null; shortTitle: string | null; nctId: string | null; title: string };
export type SessionRef = { sessionNumber: number; scheduledAt: Date };

/** "Lastname, Firstname (MRN)". */
export function candidateLabel(candidate: CandidateRef): string {
  return `${candidate.lastName}, ${candidate.firstName} (${candidate.mrn})`;
}

/** The acronym staff use, else the short title, the NCT id, or the title. */
export function trialLabel(trial: TrialRef): string {
  return trial.acronym ?? trial.shortTitle ?? trial.nctId ?? trial.title;
}

/** "Session 3 · 2026-11-02" (the clinic-local day it is booked for). */
export function sessionLabel(session: SessionRef, timeZone: string): string {
  return `Session ${session.sessionNumber} · ${utcToZoned(session.scheduledAt, timeZone).date}`;
}

/** Parts joined with " · ", empty parts left out. */
export function joinLabel(...parts: Array<string | null | undefined>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' · ');
}
