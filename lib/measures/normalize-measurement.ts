import type { z } from 'zod';
import {
  DIAGNOSIS_INPUT_CODES,
  FACT_INPUT_CODES,
  isIsoDate,
  isLabInputCode,
  isNumericInputCode,
  measurementInputSchema,
  MEDICATION_INPUT_CODES,
  type LabMeasurementInput,
  type MeasurementInput,
  type NormalizedMeasurement,
  type NumericMeasurementInput,
} from '@/lib/measures/measurement-input';
import {
  LABS,
  NUMERIC_MEASURES,
  type DiagnosisCode,
  type FactCode,
  type MedicationClass,
} from '@/lib/measures/vocabulary';

/** Messages keyed by input field ('value', 'unit', 'uln', 'measuredAt', …); 'form' for the entry as a whole. */
export type FieldErrors = Record<string, string[]>;

export type NormalizeMeasurementResult =
  | { ok: true; measurement: NormalizedMeasurement }
  | { ok: false; errors: FieldErrors };

export type NormalizeMeasurementOptions = {
  /** The server's current day (YYYY-MM-DD); when given, dates after it are rejected. */
  today?: string;
};

const KNOWN_PREFIXED_CODES = new Set<string>([
  ...DIAGNOSIS_INPUT_CODES,
  ...MEDICATION_INPUT_CODES,
  ...FACT_INPUT_CODES,
]);

// Converted values keep two decimals: finer than any scale or dose needs, coarse enough to drop float noise.
function roundConverted(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

function addError(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

function issuesToErrors(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'form';
    addError(errors, field, issue.message);
  }
  return errors;
}

function checkCode(code: unknown): string | null {
  if (typeof code !== 'string' || code.trim() === '') return 'Choose what is being entered';
  if (code === 'age_years') return 'Age is computed from the date of birth and cannot be entered';
  if (isNumericInputCode(code) || isLabInputCode(code) || KNOWN_PREFIXED_CODES.has(code)) return null;
  return `Unknown measure code "${code}"`;
}

function normalizeNumeric(input: NumericMeasurementInput, errors: FieldErrors): NormalizedMeasurement | null {
  const def = NUMERIC_MEASURES[input.code];
  const enteredUnit = input.unit === undefined || input.unit === '' ? def.unit : input.unit;
  const factor = enteredUnit === def.unit ? 1 : def.alternateUnits[enteredUnit];
  if (factor === undefined) {
    const allowed = [def.unit, ...Object.keys(def.alternateUnits)].filter((unit) => unit !== '');
    addError(
      errors,
      'unit',
      allowed.length > 0 ? `${def.label} unit must be ${allowed.join(' or ')}` : `${def.label} has no unit`,
    );
    return null;
  }
  const value = factor === 1 ? input.value : roundConverted(input.value * factor);
  if (def.decimals === 0 && !Number.isInteger(value)) {
    addError(errors, 'value', `${def.label} must be a whole number`);
    return null;
  }
  if (value < def.min || value > def.max) {
    const unit = def.unit ? ` ${def.unit}` : '';
    const converted = factor === 1 ? '' : ` (${input.value} ${enteredUnit} = ${value}${unit})`;
    addError(errors, 'value', `${def.label} must be between ${def.min} and ${def.max}${unit}${converted}`);
    return null;
  }
  return {
    type: 'number',
    code: input.code,
    value,
    measuredAt: input.measuredAt,
    enteredValue: input.value,
    enteredUnit,
  };
}

function normalizeLab(input: LabMeasurementInput, errors: FieldErrors): NormalizedMeasurement | null {
  const def = LABS[input.code];
  const unit = input.unit === undefined || input.unit === '' ? def.defaultUnit : input.unit;
  const uln = input.uln ?? null;
  const lln = input.lln ?? null;
  if (!def.units.includes(unit)) addError(errors, 'unit', `${def.label} unit must be ${def.units.join(' or ')}`);
  if (input.value < def.min || input.value > def.max)
    addError(errors, 'value', `${def.label} must be between ${def.min} and ${def.max}`);
  // Lab rules compare against multiples of the reporting lab's own limits, so a bare value cannot be judged.
  if (uln === null && lln === null)
    addError(errors, 'uln', `Enter the ${def.label} reference limit (ULN or LLN) from the lab report`);
  if (uln !== null && (uln <= 0 || uln > def.max))
    addError(errors, 'uln', `${def.label} ULN must be above 0 and at most ${def.max}`);
  if (lln !== null && (lln < 0 || lln > def.max))
    addError(errors, 'lln', `${def.label} LLN must be between 0 and ${def.max}`);
  if (uln !== null && lln !== null && lln >= uln) addError(errors, 'lln', `${def.label} LLN must be below the ULN`);
  if (Object.keys(errors).length > 0) return null;
  return { type: 'lab', code: input.code, value: input.value, uln, lln, unit, measuredAt: input.measuredAt };
}

function normalizeParsed(input: MeasurementInput, errors: FieldErrors): NormalizedMeasurement | null {
  if (isNumericInputCode(input.code)) return normalizeNumeric(input as NumericMeasurementInput, errors);
  if (isLabInputCode(input.code)) return normalizeLab(input as LabMeasurementInput, errors);
  if ('isPresent' in input)
    return {
      type: 'diagnosis',
      code: input.code.slice(3) as DiagnosisCode,
      isPresent: input.isPresent,
      recordedAt: input.measuredAt,
    };
  if ('isCurrent' in input) {
    const lastDoseAt = input.lastDoseAt ?? null;
    if (lastDoseAt !== null && lastDoseAt > input.measuredAt) {
      addError(errors, 'lastDoseAt', 'Last dose cannot be after the date it was recorded');
      return null;
    }
    const isNeverTaken = input.isNeverTaken === true;
    if (isNeverTaken && (input.isCurrent || lastDoseAt !== null)) {
      addError(errors, 'isNeverTaken', 'Never taken contradicts current use or a last dose; choose one');
      return null;
    }
    return {
      type: 'medication',
      class: input.code.slice(4) as MedicationClass,
      isCurrent: input.isCurrent,
      lastDoseAt,
      isNeverTaken,
      recordedAt: input.measuredAt,
    };
  }
  return {
    type: 'fact',
    code: input.code.slice(5) as FactCode,
    value: input.value as boolean,
    recordedAt: input.measuredAt,
  };
}

/**
 * Validates one screening entry and converts it to canonical units (lb → kg, in → cm).
 * Returns per-field messages instead of throwing so forms and server actions can show them as is.
 */
export function normalizeMeasurement(
  input: unknown,
  options: NormalizeMeasurementOptions = {},
): NormalizeMeasurementResult {
  if (options.today !== undefined && !isIsoDate(options.today))
    throw new Error(`normalizeMeasurement: invalid today "${options.today}"`);
  if (typeof input !== 'object' || input === null) return { ok: false, errors: { form: ['Enter a measurement'] } };

  const codeError = checkCode((input as { code?: unknown }).code);
  if (codeError !== null) return { ok: false, errors: { code: [codeError] } };

  const parsed = measurementInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: issuesToErrors(parsed.error.issues) };

  const errors: FieldErrors = {};
  if (options.today !== undefined && parsed.data.measuredAt > options.today)
    addError(errors, 'measuredAt', 'Date cannot be in the future');
  const measurement = normalizeParsed(parsed.data, errors);
  if (measurement === null || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, measurement };
}
