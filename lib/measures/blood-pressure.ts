import { NUMERIC_MEASURES } from '@/lib/measures/vocabulary';

// Blood pressure is read and written as one reading, "130/85", but stored and judged as two
// measures (sbp and dbp) so every rule, range and unit stays with those codes in the vocabulary.
// A reading without its slash ("13085") or with half of it ("130/") is refused with a message,
// never guessed: 13085 would otherwise be read as a systolic pressure.

/** The entry code a form or the API uses for one blood pressure reading. */
export const BLOOD_PRESSURE_CODE = 'bp';
export const BLOOD_PRESSURE_LABEL = 'Blood pressure';
export const BLOOD_PRESSURE_UNIT = NUMERIC_MEASURES.sbp.unit;
export const BLOOD_PRESSURE_EXAMPLE = '130/85';

export type BloodPressure = { sbp: number; dbp: number };
export type ParseBloodPressureResult = { ok: true; reading: BloodPressure } | { ok: false; message: string };

const READING = /^(\d+)\s*\/\s*(\d+)$/;
const FORMAT_MESSAGE = `Enter blood pressure as systolic/diastolic, e.g. ${BLOOD_PRESSURE_EXAMPLE}`;

function rangeMessage(code: 'sbp' | 'dbp', value: number): string | null {
  const def = NUMERIC_MEASURES[code];
  if (value >= def.min && value <= def.max) return null;
  return `${def.description} must be between ${def.min} and ${def.max} ${def.unit} (read ${value} from your entry)`;
}

/** "130/85" (spaces around the slash allowed) → { sbp: 130, dbp: 85 }, or the message to show under the field. */
export function parseBloodPressure(text: string): ParseBloodPressureResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: FORMAT_MESSAGE };
  if (!trimmed.includes('/'))
    return { ok: false, message: `${FORMAT_MESSAGE}; "${trimmed}" has no slash between the two values` };
  const [before, after] = trimmed.split('/', 2).map((part) => part.trim());
  if (before === '')
    return { ok: false, message: `Enter the systolic value before the slash, e.g. ${BLOOD_PRESSURE_EXAMPLE}` };
  if (after === '')
    return { ok: false, message: `Enter the diastolic value after the slash, e.g. ${BLOOD_PRESSURE_EXAMPLE}` };
  const match = READING.exec(trimmed);
  if (!match) return { ok: false, message: `${FORMAT_MESSAGE}, whole numbers only` };
  const sbp = Number(match[1]);
  const dbp = Number(match[2]);
  const problem = rangeMessage('sbp', sbp) ?? rangeMessage('dbp', dbp);
  if (problem) return { ok: false, message: problem };
  if (sbp <= dbp) return { ok: false, message: `Systolic (${sbp}) must be higher than diastolic (${dbp})` };
  return { ok: true, reading: { sbp, dbp } };
}

/** "130/85 mmHg" */
export function formatBloodPressure(reading: BloodPressure): string {
  return `${reading.sbp}/${reading.dbp} ${BLOOD_PRESSURE_UNIT}`;
}
