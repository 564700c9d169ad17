import type { EligibilityCandidate } from '@/lib/eligibility/types';
import {
  DIAGNOSIS_CODES,
  FACT_CODES,
  LAB_CODES,
  MEDICATION_CLASSES,
  NUMERIC_MEASURE_CODES,
  type Sex,
} from '@/lib/measures/vocabulary';

// One candidate row of loadCandidateData's statement turned into the engine's input. Pure and
// separate from the query so the parser can be checked against its reference on any text
// (parse-candidate-row.test.ts).
//
// The pre-screen parses 10,000 of these per run: splitting each value into ten strings and an
// array was the largest share of its JavaScript time and garbage, so the text is scanned with
// indexOf and only the fields a kind uses are cut out.

export type CandidateRow = {
  dateOfBirth: string;
  sex: string;
  isVeteran: boolean | null;
  referralDate: string;
  /** Rows separated by U+001E, fields by U+001F: kind, code, valueNum, valueBool, uln, lln, lastDoseOn, isCurrent, isNeverTaken, measuredOn ('' = null). */
  items: string | null;
};

export const ROW_SEPARATOR = '\u001e';
export const FIELD_SEPARATOR = '\u001f';
const FIELDS_PER_ITEM = 10;

const NUMERIC = new Set<string>(NUMERIC_MEASURE_CODES);
const LAB = new Set<string>(LAB_CODES);
const DIAGNOSIS = new Set<string>(DIAGNOSIS_CODES);
const MEDICATION = new Set<string>(MEDICATION_CLASSES);
const FACT = new Set<string>(FACT_CODES);

// Field boundaries of the item being read: starts[i] .. ends[i] is field i. Reused: one parse at a time.
const starts = new Int32Array(FIELDS_PER_ITEM);
const ends = new Int32Array(FIELDS_PER_ITEM);

function isEmpty(field: number): boolean {
  return starts[field] === ends[field];
}

function equals(text: string, field: number, word: string): boolean {
  return ends[field] - starts[field] === word.length && text.startsWith(word, starts[field]);
}

function cut(text: string, field: number): string {
  return text.slice(starts[field], ends[field]);
}

function numberOrNull(text: string, field: number): number | null {
  return isEmpty(field) ? null : Number(cut(text, field));
}

function boolOrNull(text: string, field: number): boolean | null {
  return isEmpty(field) ? null : equals(text, field, 'true');
}

/**
 * Reads the fields of the item from `from` to `to` into starts/ends and returns how many it found (at most
 * ten; an eleventh and later are ignored).
 */
function locateFields(text: string, from: number, to: number): number {
  let position = from;
  let field = 0;
  for (; field < FIELDS_PER_ITEM; field++) {
    starts[field] = position;
    let end = text.indexOf(FIELD_SEPARATOR, position);
    if (end === -1 || end > to) end = to;
    ends[field] = end;
    if (end === to) break;
    position = end + 1;
  }
  // More than ten fields: the first ten count, as they did with split().
  return Math.min(field + 1, FIELDS_PER_ITEM);
}

/**
 * Builds the engine's candidate from the stored rows. Veteran status from intake
 * counts as a `veteran` answer recorded on the referral date; a screening entry
 * for it on that day or later takes precedence.
 */
export function toEligibilityCandidate(row: CandidateRow): EligibilityCandidate {
  const data: EligibilityCandidate = {
    dateOfBirth: row.dateOfBirth,
    sex: row.sex.toLowerCase() as Sex,
    measurements: [],
    labs: [],
    diagnoses: [],
    medications: [],
    facts: [],
  };
  if (row.isVeteran !== null) data.facts.push({ code: 'veteran', value: row.isVeteran, recordedAt: row.referralDate });
  const text = row.items;
  if (text === null) return data;
  let from = 0;
  while (from <= text.length) {
    let to = text.indexOf(ROW_SEPARATOR, from);
    if (to === -1) to = text.length;
    // The statement always writes all ten fields (NULLs as ''); anything shorter is not one of its items.
    if (locateFields(text, from, to) === FIELDS_PER_ITEM) readItem(text, data);
    from = to + 1;
  }
  return data;
}

function readItem(text: string, data: EligibilityCandidate): void {
  if (equals(text, 0, 'NUMERIC')) {
    if (isEmpty(2)) return;
    const code = cut(text, 1);
    if (NUMERIC.has(code))
      data.measurements.push({ code: code as never, value: Number(cut(text, 2)), measuredAt: cut(text, 9) });
  } else if (equals(text, 0, 'LAB')) {
    if (isEmpty(2)) return;
    const code = cut(text, 1);
    if (LAB.has(code))
      data.labs.push({
        code: code as never,
        value: Number(cut(text, 2)),
        uln: numberOrNull(text, 4),
        lln: numberOrNull(text, 5),
        measuredAt: cut(text, 9),
      });
  } else if (equals(text, 0, 'DIAGNOSIS')) {
    const isPresent = boolOrNull(text, 3);
    if (isPresent === null) return;
    const code = cut(text, 1);
    if (DIAGNOSIS.has(code)) data.diagnoses.push({ code: code as never, isPresent, recordedAt: cut(text, 9) });
  } else if (equals(text, 0, 'MEDICATION')) {
    const code = cut(text, 1);
    if (MEDICATION.has(code))
      data.medications.push({
        class: code as never,
        lastDoseAt: isEmpty(6) ? null : cut(text, 6),
        isCurrent: boolOrNull(text, 7) === true,
        isNeverTaken: equals(text, 8, 'true'),
        recordedAt: cut(text, 9),
      });
  } else if (equals(text, 0, 'FACT')) {
    const value = boolOrNull(text, 3);
    if (value === null) return;
    const code = cut(text, 1);
    if (FACT.has(code)) data.facts.push({ code: code as never, value, recordedAt: cut(text, 9) });
  }
}
