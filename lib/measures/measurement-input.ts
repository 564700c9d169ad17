import { z } from 'zod';
import {
  DIAGNOSIS_CODES,
  ENTERABLE_NUMERIC_MEASURE_CODES,
  FACT_CODES,
  LABS,
  MEDICATION_CLASSES,
  NUMERIC_MEASURES,
  type DiagnosisCode,
  type FactCode,
  type MedicationClass,
  type NumericMeasureCode,
} from '@/lib/measures/vocabulary';
import { labCodeSchema } from '@/lib/measures/vocabulary-schemas';
import { isOnOrAfterEarliest, RECORD_DATE_MESSAGES } from '@/lib/records/date-policy';

/*
 * One screening entry, as typed on a form or posted to the server. The `code` field alone
 * says what is being entered, so a single select drives the whole form:
 *
 *   numeric measure  { code: 'weight_kg', value: 154, unit: 'lb', measuredAt: '2026-11-02' }
 *   lab              { code: 'alt', value: 81, uln: 40, lln: 7, unit: 'U/L', measuredAt }   at least one of uln/lln
 *   diagnosis        { code: 'dx:bipolar_disorder', isPresent: false, measuredAt }
 *   medication       { code: 'med:benzodiazepine', isCurrent: false, lastDoseAt: '2026-10-01' | null, isNeverTaken?, measuredAt }
 *   yes/no fact      { code: 'fact:pregnant', value: false, measuredAt }
 *
 * `measuredAt` is the day the value was measured or the answer recorded. `age_years` is derived from the
 * date of birth and is rejected. Ranges, units and "not in the future" are checked by normalizeMeasurement.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar day written as YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDateSchema = z
  .string({ error: 'Enter a date' })
  .refine(isIsoDate, { error: 'Enter a valid date (YYYY-MM-DD)' });

/** The static half of the record date policy; the server adds "not before birth, not after today". */
export const measuredAtSchema = isoDateSchema.refine(isOnOrAfterEarliest, { error: RECORD_DATE_MESSAGES.tooEarly });

const numberSchema = z.number({ error: 'Enter a number' }).refine(Number.isFinite, { error: 'Enter a finite number' });

function prefixed<P extends string, C extends string>(prefix: P, codes: readonly C[]) {
  return codes.map((code) => `${prefix}${code}` as `${P}${C}`) as [`${P}${C}`, ...Array<`${P}${C}`>];
}

export const DIAGNOSIS_INPUT_CODES = prefixed('dx:', DIAGNOSIS_CODES);
export const MEDICATION_INPUT_CODES = prefixed('med:', MEDICATION_CLASSES);
export const FACT_INPUT_CODES = prefixed('fact:', FACT_CODES);

export type EnterableNumericMeasureCode = Exclude<NumericMeasureCode, 'age_years'>;

export const numericMeasurementInputSchema = z
  .object({
    code: z.enum(ENTERABLE_NUMERIC_MEASURE_CODES as [EnterableNumericMeasureCode, ...EnterableNumericMeasureCode[]]),
    value: numberSchema,
    /** Canonical unit when omitted; weight also accepts 'lb', height 'in'. */
    unit: z.string().trim().optional(),
    measuredAt: measuredAtSchema,
  })
  .strict();

export const labMeasurementInputSchema = z
  .object({
    code: labCodeSchema,
    value: numberSchema,
    /** Upper limit of normal from the reporting lab, in the same unit as value. */
    uln: numberSchema.nullable().optional(),
    /** Lower limit of normal from the reporting lab, in the same unit as value. */
    lln: numberSchema.nullable().optional(),
    unit: z.string().trim().optional(),
    measuredAt: measuredAtSchema,
  })
  .strict();

export const diagnosisInputSchema = z
  .object({
    code: z.enum(DIAGNOSIS_INPUT_CODES),
    isPresent: z.boolean({ error: 'Choose present or absent' }),
    measuredAt: measuredAtSchema,
  })
  .strict();

export const medicationInputSchema = z
  .object({
    code: z.enum(MEDICATION_INPUT_CODES),
    isCurrent: z.boolean({ error: 'Choose whether it is taken now' }),
    /** null = last dose unknown, unless `isNeverTaken` says it was never taken. */
    lastDoseAt: isoDateSchema.nullable().optional(),
    /** The answer "never taken"; contradicts current use or a last dose. Default false (= not stated). */
    isNeverTaken: z.boolean({ error: 'Choose whether it was ever taken' }).optional(),
    measuredAt: measuredAtSchema,
  })
  .strict();

export const factInputSchema = z
  .object({
    code: z.enum(FACT_INPUT_CODES),
    value: z.boolean({ error: 'Choose yes or no' }),
    measuredAt: measuredAtSchema,
  })
  .strict();

/** Structural shape only; use normalizeMeasurement for units, ranges and dates. */
export const measurementInputSchema = z.discriminatedUnion('code', [
  numericMeasurementInputSchema,
  labMeasurementInputSchema,
  diagnosisInputSchema,
  medicationInputSchema,
  factInputSchema,
]);

export type NumericMeasurementInput = z.infer<typeof numericMeasurementInputSchema>;
export type LabMeasurementInput = z.infer<typeof labMeasurementInputSchema>;
export type MeasurementInput = z.infer<typeof measurementInputSchema>;

/** The stored form of one entry; field names match the eligibility candidate shape. */
export type NormalizedMeasurement =
  | {
      type: 'number';
      code: EnterableNumericMeasureCode;
      value: number;
      measuredAt: string;
      enteredValue: number;
      enteredUnit: string;
    }
  | {
      type: 'lab';
      code: z.infer<typeof labCodeSchema>;
      value: number;
      uln: number | null;
      lln: number | null;
      unit: string;
      measuredAt: string;
    }
  | { type: 'diagnosis'; code: DiagnosisCode; isPresent: boolean; recordedAt: string }
  | {
      type: 'medication';
      class: MedicationClass;
      isCurrent: boolean;
      lastDoseAt: string | null;
      isNeverTaken: boolean;
      recordedAt: string;
    }
  | { type: 'fact'; code: FactCode; value: boolean; recordedAt: string };

export function isNumericInputCode(code: string): code is EnterableNumericMeasureCode {
  return code in NUMERIC_MEASURES && NUMERIC_MEASURES[code as NumericMeasureCode].isEnterable;
}

export function isLabInputCode(code: string): code is z.infer<typeof labCodeSchema> {
  return code in LABS;
}
