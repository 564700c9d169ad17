// Session kinds: where an infusion session takes place and what it holds.
//
// A CHAIR session is the outpatient infusion: it holds one infusion chair for the infusion plus the
// monitoring time and must fit the clinic's opening hours. A PERIOPERATIVE session (the infusion runs in
// the operating room and through the postoperative period, e.g. the Mayo neuralgia trial's "during surgery
// and in the 24-hour postoperative period") and an INPATIENT session (an admission with the infusion on the
// ward) hold no chair: they hold the participant for the protocol's stated duration.
//
// Booking rules for a no-chair session (decision 0042):
// - no chair is proposed, checked or accepted; a chair given for one is refused, and a chair session
//   still needs one;
// - the session's start day must be a day the clinic is open and not closed: study staff check the
//   participant in and verify and release the dose from the clinic's stock on that day. The days the stay
//   runs on into (nights, weekends, closures) do not matter: the ward looks after the participant;
// - the start must be within opening hours (the same staff), the end is not: a 24 h stay always runs past
//   closing;
// - the spacing rules (minimum hours, separate days, maximum days, sessions in any 7 days) apply as to any
//   session, and the participant is busy for the whole stay.
// Discharge: a stay of a stated duration ends no earlier than check-in + that duration; an earlier discharge
// needs a clinician's reason and is recorded as an early-discharge deviation, like any early discharge.

import { formatDuration } from '@/lib/scheduling/format';

export const SESSION_KINDS = ['CHAIR', 'PERIOPERATIVE', 'INPATIENT'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  CHAIR: 'Infusion chair',
  PERIOPERATIVE: 'Perioperative',
  INPATIENT: 'Inpatient',
};

/** The shortest stay a no-chair session may state: anything shorter is a chair visit. */
export const MIN_STAY_MINUTES = 60;
/** The longest stay a session may state (one week); a longer admission is not one session. */
export const MAX_STAY_MINUTES = 7 * 24 * 60;
export const MINUTES_PER_HOUR = 60;

/** The Mayo neuralgia trial's postoperative period, "the 24-hour postoperative period". */
export const PERIOPERATIVE_24_HOURS_MINUTES = 24 * MINUTES_PER_HOUR;

export type SessionSetting = { kind: SessionKind; durationMinutes: number | null };

export type ChairProblemCode = 'CHAIR_REQUIRED' | 'CHAIR_NOT_USED';
export type ChairProblem = { code: ChairProblemCode; message: string };

export type StayBlocker = { code: 'STAY'; message: string };

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isSessionKind(value: unknown): value is SessionKind {
  return typeof value === 'string' && (SESSION_KINDS as readonly string[]).includes(value);
}

/** 'a perioperative session', 'an inpatient session', for messages. */
export function sessionPhrase(kind: SessionKind): string {
  const label = SESSION_KIND_LABELS[kind].toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} session`;
}

export function needsChair(kind: SessionKind): boolean {
  return kind === 'CHAIR';
}

/** '24 h', '90 min', '1 h 30 min'. */
export function formatStay(minutes: number): string {
  return formatDuration(minutes * 60_000);
}

/**
 * How long a visit holds the participant (and, for a chair session, the chair): infusion + monitoring
 * for a chair session, the stated stay otherwise. `chairMinutes` is what the chair rules computed.
 */
export function sessionMinutes(options: { setting: SessionSetting; chairMinutes: number }): number {
  const { setting, chairMinutes } = options;
  if (needsChair(setting.kind)) return chairMinutes;
  if (setting.durationMinutes === null)
    throw new RangeError(`${capitalize(sessionPhrase(setting.kind))} needs its duration`);
  return setting.durationMinutes;
}

/** The one wording the calendar, day list, booking form and visit page use: 'Perioperative · 24 h · no chair'. */
export function describeSession(options: { kind: SessionKind; minutes: number }): string {
  const { kind, minutes } = options;
  if (needsChair(kind)) return `${SESSION_KIND_LABELS.CHAIR} · ${formatStay(minutes)}`;
  return `${SESSION_KIND_LABELS[kind]} · ${formatStay(minutes)} · no chair`;
}

/** A session as pages and DTOs show it. */
export type SessionSummary = { kind: SessionKind; needsChair: boolean; minutes: number; description: string };

export function summarizeSession(options: { kind: SessionKind; minutes: number }): SessionSummary {
  return { ...options, needsChair: needsChair(options.kind), description: describeSession(options) };
}

/** Whether the chair given (or not) fits the session kind. */
export function checkChairChoice(options: {
  kind: SessionKind;
  chairId: string | null | undefined;
}): ChairProblem | null {
  const { kind, chairId } = options;
  const hasChair = chairId !== null && chairId !== undefined && chairId !== '';
  if (needsChair(kind) && !hasChair) return { code: 'CHAIR_REQUIRED', message: 'Choose a chair' };
  if (!needsChair(kind) && hasChair) {
    return {
      code: 'CHAIR_NOT_USED',
      message: `${capitalize(sessionPhrase(kind))} is booked without an infusion chair; leave the chair empty`,
    };
  }
  return null;
}

/** When a checked-in stay has lasted its stated duration; null for a chair session (the monitoring rules apply). */
export function stayEndsAt(options: { kind: SessionKind; checkedInAt: Date; minutes: number }): Date | null {
  const { kind, checkedInAt, minutes } = options;
  if (needsChair(kind)) return null;
  return new Date(checkedInAt.getTime() + minutes * 60_000);
}

/** What keeps a participant of a no-chair session from being discharged: the stay is not over yet. */
export function checkStay(options: {
  kind: SessionKind;
  checkedInAt: Date | null;
  minutes: number;
  now: Date;
  formatInstant: (instant: Date) => string;
}): StayBlocker | null {
  const { kind, checkedInAt, minutes, now, formatInstant } = options;
  if (needsChair(kind) || checkedInAt === null) return null;
  const endsAt = stayEndsAt({ kind, checkedInAt, minutes });
  if (endsAt === null || endsAt.getTime() <= now.getTime()) return null;
  const remaining = formatDuration(endsAt.getTime() - now.getTime());
  return {
    code: 'STAY',
    message: `The ${SESSION_KIND_LABELS[kind].toLowerCase()} stay lasts ${formatStay(minutes)} from check-in, until ${formatInstant(endsAt)} (${remaining} from now).`,
  };
}
