import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EligibilityCandidate } from '@/lib/eligibility/types';
import {
  DIAGNOSIS_CODES,
  FACT_CODES,
  LAB_CODES,
  MEDICATION_CLASSES,
  NUMERIC_MEASURE_CODES,
  type Sex,
} from '@/lib/measures/vocabulary';
import {
  FIELD_SEPARATOR,
  ROW_SEPARATOR,
  toEligibilityCandidate,
  type CandidateRow,
} from '@/lib/screening/parse-candidate-row';

// The parser the pre-screen used before it scanned the text (split on both separators), kept here as the
// reference: the scanning parser must build exactly the same candidate from any text the statement writes.
function referenceParse(row: CandidateRow): EligibilityCandidate {
  const num = (text: string): number | null => (text === '' ? null : Number(text));
  const bool = (text: string): boolean | null => (text === '' ? null : text === 'true');
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
  if (row.items === null) return data;
  for (const item of row.items.split(ROW_SEPARATOR)) {
    const [kind, code, valueNumText, valueBoolText, ulnText, llnText, lastDoseText, isCurrentText, neverText, on] =
      item.split(FIELD_SEPARATOR);
    const valueNum = num(valueNumText);
    const valueBool = bool(valueBoolText);
    switch (kind) {
      case 'NUMERIC':
        if ((NUMERIC_MEASURE_CODES as readonly string[]).includes(code) && valueNum !== null)
          data.measurements.push({ code: code as never, value: valueNum, measuredAt: on });
        break;
      case 'LAB':
        if ((LAB_CODES as readonly string[]).includes(code) && valueNum !== null)
          data.labs.push({
            code: code as never,
            value: valueNum,
            uln: num(ulnText),
            lln: num(llnText),
            measuredAt: on,
          });
        break;
      case 'DIAGNOSIS':
        if ((DIAGNOSIS_CODES as readonly string[]).includes(code) && valueBool !== null)
          data.diagnoses.push({ code: code as never, isPresent: valueBool, recordedAt: on });
        break;
      case 'MEDICATION':
        if ((MEDICATION_CLASSES as readonly string[]).includes(code))
          data.medications.push({
            class: code as never,
            lastDoseAt: lastDoseText === '' ? null : lastDoseText,
            isCurrent: bool(isCurrentText) === true,
            isNeverTaken: neverText === 'true',
            recordedAt: on,
          });
        break;
      case 'FACT':
        if ((FACT_CODES as readonly string[]).includes(code) && valueBool !== null)
          data.facts.push({ code: code as never, value: valueBool, recordedAt: on });
        break;
    }
  }
  return data;
}

const KINDS = ['NUMERIC', 'LAB', 'DIAGNOSIS', 'MEDICATION', 'FACT'] as const;
const ALL_CODES = [...NUMERIC_MEASURE_CODES, ...LAB_CODES, ...DIAGNOSIS_CODES, ...MEDICATION_CLASSES, ...FACT_CODES];

// What PostgreSQL's float8 and date text output can look like, plus NULL ('').
const numberText = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.double({ noDefaultInfinity: true, noNaN: true }).map(String),
  fc.constantFrom('0', '-0', '0.1', '40.04', '1e-05', '1.5e+20', 'NaN', 'Infinity', '-Infinity'),
);
const boolText = fc.constantFrom('', 'true', 'false');
const dayText = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const item = fc
  .tuple(
    fc.oneof(fc.constantFrom(...KINDS), fc.constantFrom('', 'numeric', 'LABS')),
    fc.oneof(fc.constantFrom(...ALL_CODES), fc.constantFrom('', 'not_a_code', 'PHQ9_TOTAL')),
    numberText,
    boolText,
    numberText,
    numberText,
    fc.oneof(fc.constant(''), dayText),
    boolText,
    fc.constantFrom('true', 'false'),
    dayText,
  )
  .map((fields) => fields.join(FIELD_SEPARATOR));
const row = fc.record({
  dateOfBirth: fc.oneof(dayText, fc.constant('')),
  sex: fc.constantFrom('FEMALE', 'MALE', 'OTHER', 'UNKNOWN'),
  isVeteran: fc.constantFrom(null, true, false),
  referralDate: dayText,
  items: fc.oneof(
    fc.constant(null),
    fc.array(item, { minLength: 1, maxLength: 40 }).map((items) => items.join(ROW_SEPARATOR)),
  ),
});

describe('toEligibilityCandidate', () => {
  it('builds the same candidate as the split-based reference parser from any row the statement can write', () => {
    fc.assert(
      fc.property(row, (candidateRow) => {
        expect(toEligibilityCandidate(candidateRow)).toEqual(referenceParse(candidateRow));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads every kind with its fields, nulls and numbers as written', () => {
    const items = [
      ['NUMERIC', 'bmi', '40.04', '', '', '', '', '', 'false', '2026-11-20'],
      ['NUMERIC', 'sbp', '', '', '', '', '', '', 'false', '2026-11-20'],
      ['LAB', 'alt', '120', '', '40', '', '', '', 'false', '2026-11-21'],
      ['DIAGNOSIS', 'schizophrenia', '', 'false', '', '', '', '', 'false', '2026-11-22'],
      ['MEDICATION', 'maoi', '', '', '', '', '2026-11-01', 'false', 'false', '2026-11-22'],
      ['MEDICATION', 'ketamine', '', '', '', '', '', 'false', 'true', '2026-11-22'],
      ['FACT', 'pregnant', '', 'true', '', '', '', '', 'false', '2026-11-23'],
    ].map((fields) => fields.join(FIELD_SEPARATOR));
    const candidateRow: CandidateRow = {
      dateOfBirth: '1980-02-29',
      sex: 'FEMALE',
      isVeteran: true,
      referralDate: '2026-10-01',
      items: items.join(ROW_SEPARATOR),
    };
    expect(toEligibilityCandidate(candidateRow)).toEqual({
      dateOfBirth: '1980-02-29',
      sex: 'female',
      measurements: [{ code: 'bmi', value: 40.04, measuredAt: '2026-11-20' }],
      labs: [{ code: 'alt', value: 120, uln: 40, lln: null, measuredAt: '2026-11-21' }],
      diagnoses: [{ code: 'schizophrenia', isPresent: false, recordedAt: '2026-11-22' }],
      medications: [
        { class: 'maoi', lastDoseAt: '2026-11-01', isCurrent: false, isNeverTaken: false, recordedAt: '2026-11-22' },
        { class: 'ketamine', lastDoseAt: null, isCurrent: false, isNeverTaken: true, recordedAt: '2026-11-22' },
      ],
      facts: [
        { code: 'veteran', value: true, recordedAt: '2026-10-01' },
        { code: 'pregnant', value: true, recordedAt: '2026-11-23' },
      ],
    });
    expect(toEligibilityCandidate(candidateRow)).toEqual(referenceParse(candidateRow));
  });

  it('skips an item with fewer than ten fields instead of reading missing fields as values', () => {
    const short = ['NUMERIC', 'sbp', '150'].join(FIELD_SEPARATOR);
    const candidate = toEligibilityCandidate({
      dateOfBirth: '1980-01-01',
      sex: 'MALE',
      isVeteran: null,
      referralDate: '2026-10-01',
      items: short,
    });
    expect(candidate.measurements).toEqual([]);
  });
});
