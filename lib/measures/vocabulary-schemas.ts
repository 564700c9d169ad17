import { z } from 'zod';
import {
  DIAGNOSIS_CODES,
  FACT_CODES,
  LAB_CODES,
  MEDICATION_CLASSES,
  NUMERIC_MEASURE_CODES,
  SEX_VALUES,
} from './vocabulary';

// The vocabulary's codes as zod enums, apart from vocabulary.ts so the screens that only show
// labels load no zod (issue 15: first-load JavaScript).

export const numericMeasureCodeSchema = z.enum(NUMERIC_MEASURE_CODES);
export const labCodeSchema = z.enum(LAB_CODES);
export const sexSchema = z.enum(SEX_VALUES);
export const diagnosisCodeSchema = z.enum(DIAGNOSIS_CODES);
export const medicationClassSchema = z.enum(MEDICATION_CLASSES);
export const factCodeSchema = z.enum(FACT_CODES);
