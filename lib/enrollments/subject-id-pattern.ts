// Subject IDs: how a trial numbers its participants at enrolment (e.g. "KET-001").
//
// The pattern language is deliberately small so that every pattern is safe to store, show and
// put in a file name or a CSV cell, and every ID it makes is unambiguous:
//
//   PATTERN = PREFIX "{" N…N "}"
//   PREFIX  = 1–12 characters of A–Z, 0–9 and "-", starting with a letter or a digit
//   N…N     = 2–6 capital N: the counter, zero-padded to that many digits
//
// "KET-{NNN}" → KET-001, KET-002, … KET-999, then KET-1000: the counter widens rather than
// wrapping or refusing an enrolment, so IDs stay unique (decision 0041). Nothing else is
// allowed: no lower case, spaces, other symbols, second counter or text after the counter.

export const SUBJECT_ID_PREFIX_MAX = 12;
export const SUBJECT_ID_WIDTH_MIN = 2;
export const SUBJECT_ID_WIDTH_MAX = 6;
/** What a trial uses until an admin sets its own (the database default of Trial.subjectIdPattern). */
export const DEFAULT_SUBJECT_ID_PATTERN = 'SUBJ-{NNN}';

export const SUBJECT_ID_PATTERN_HELP =
  'A prefix of capital letters, digits and hyphens (up to 12), then the counter as {NNN}: one N per digit, 2 to 6. Example: KET-{NNN} gives KET-001, KET-002, …';

export type SubjectIdPattern = { prefix: string; width: number };
export type ParsedPattern = { ok: true; pattern: SubjectIdPattern } | { ok: false; message: string };

const PATTERN = /^([A-Z0-9][A-Z0-9-]*)\{(N+)\}$/;

export function parseSubjectIdPattern(raw: string): ParsedPattern {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'Enter a subject ID pattern, e.g. KET-{NNN}.' };
  const match = PATTERN.exec(text);
  if (!match) {
    if (!/\{N+\}$/.test(text))
      return { ok: false, message: 'End the pattern with the counter, e.g. {NNN} for three digits.' };
    return {
      ok: false,
      message: 'Start with a prefix of capital letters, digits and hyphens only, e.g. KET- before {NNN}.',
    };
  }
  const [, prefix, counter] = match;
  if (prefix.length > SUBJECT_ID_PREFIX_MAX)
    return { ok: false, message: `Keep the prefix to ${SUBJECT_ID_PREFIX_MAX} characters at most.` };
  if (counter.length < SUBJECT_ID_WIDTH_MIN || counter.length > SUBJECT_ID_WIDTH_MAX)
    return {
      ok: false,
      message: `Use ${SUBJECT_ID_WIDTH_MIN} to ${SUBJECT_ID_WIDTH_MAX} N in the counter, e.g. {NNN}.`,
    };
  return { ok: true, pattern: { prefix, width: counter.length } };
}

/** The subject ID for the `number`th participant (1-based); the counter widens past its padding, never wraps. */
export function formatSubjectId(pattern: SubjectIdPattern, number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`Subject numbers start at 1, not ${number}.`);
  return `${pattern.prefix}${String(number).padStart(pattern.width, '0')}`;
}
