import { utcToZoned } from '@/lib/scheduling/zoned-time';

// How the audit trail names a record: a person by name and MRN, a session by number and
// clinic-local day (a trial by lib/candidates/mappers.ts trialLabel). Pure, so the rules have
// worked examples beside them. None of these take an arm, a dose or an allocation: a label is shown to blinded readers as is.

export type CandidateRef = { firstName: string; lastName: string; mrn: string };
export type SessionRef = { sessionNumber: number; scheduledAt: Date };

/** "Lastname, Firstname (MRN)". */
export function candidateLabel(candidate: CandidateRef): string {
  return `${candidate.lastName}, ${candidate.firstName} (${candidate.mrn})`;
}

/** "Session 3 · 2026-11-02" (the clinic-local day it is booked for). */
export function sessionLabel(session: SessionRef, timeZone: string): string {
  return `Session ${session.sessionNumber} · ${utcToZoned(session.scheduledAt, timeZone).date}`;
}

/** Parts joined with " · ", empty parts left out. */
export function joinLabel(...parts: Array<string | null | undefined>): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join(' · ');
}
