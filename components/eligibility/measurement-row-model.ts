import { LABS, NUMERIC_MEASURES, type LabCode, type NumericMeasureCode } from '@/lib/measures/vocabulary';
import { entryKind } from './measure-catalog';

/** The most rows one entry form holds (the validation in measurement-entry-validation.ts says so too). */
export const MAX_ROWS = 60;

// What a row of the free-form measurement entry holds, and how the server's per-row
// messages find their row. Shared by the form shell and its rows.

/** A row as the form holds it: only the fields of the chosen measure's kind are set. */
export type Row = {
  code: string;
  measuredAt: string;
  value?: number | boolean;
  unit?: string;
  uln?: number | null;
  lln?: number | null;
  isPresent?: boolean;
  isCurrent?: boolean;
  lastDoseAt?: string | null;
  isNeverTaken?: boolean;
};
export type FormValues = { measurements: Row[] };

export const ROW_FIELDS = [
  'code',
  'value',
  'unit',
  'uln',
  'lln',
  'isPresent',
  'isCurrent',
  'lastDoseAt',
  'isNeverTaken',
  'measuredAt',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];

export function blankRow(code: string, measuredAt: string): Row {
  const kind = entryKind(code);
  switch (kind) {
    case 'number':
      return {
        code,
        measuredAt,
        value: undefined,
        unit: NUMERIC_MEASURES[code as NumericMeasureCode].unit || undefined,
      };
    case 'lab':
      return { code, measuredAt, value: undefined, unit: LABS[code as LabCode].defaultUnit, uln: null, lln: null };
    case 'diagnosis':
      return { code, measuredAt, isPresent: undefined };
    case 'medication':
      return { code, measuredAt, isCurrent: undefined, lastDoseAt: null, isNeverTaken: false };
    case 'fact':
      return { code, measuredAt, value: undefined };
    default:
      return { code: '', measuredAt };
  }
}

/** '' → NaN so an empty required number reads "Enter a number" rather than passing as 0. */
export const requiredNumber = (raw: unknown) =>
  raw === '' || raw === null || raw === undefined ? Number.NaN : Number(raw);
export const optionalNumber = (raw: unknown) => (raw === '' || raw === null || raw === undefined ? null : Number(raw));
export const optionalDate = (raw: unknown) => (raw === '' || raw === undefined ? null : raw);

/**
 * The server names a row's field however its validation path reads:
 * "measurements.2.value", "inputs.2.value", "2.value" or "[2].value" all mean row 3's value.
 */
export function rowFieldOf(key: string): { index: number; field: string } | null {
  const match = /(?:^|[.[])(\d+)\]?\.(\w+)$/.exec(key) ?? /^(\d+)$/.exec(key);
  if (!match) return null;
  return { index: Number(match[1]), field: match[2] ?? 'form' };
}
