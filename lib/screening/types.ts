import type { ScreeningField } from './screening-form-model';

export type MeasurementKindValue = 'NUMERIC' | 'LAB' | 'DIAGNOSIS' | 'MEDICATION' | 'FACT';

/** One stored screening measurement as the API and the candidate page show it. */
export type MeasurementDto = {
  id: string;
  kind: MeasurementKindValue;
  /** Vocabulary code as stored (weight_kg, alt, bipolar_disorder, benzodiazepine, pregnant). */
  code: string;
  /** The code as a form enters it (weight_kg, alt, dx:bipolar_disorder, med:benzodiazepine, fact:pregnant). */
  inputCode: string;
  label: string;
  /** Numeric measures and labs, in `unit`. */
  valueNum: number | null;
  /** Diagnosis present / yes-no fact. */
  valueBool: boolean | null;
  unit: string | null;
  /** What was typed when it was converted (e.g. 176 lb); null otherwise. */
  enteredValue: number | null;
  enteredUnit: string | null;
  uln: number | null;
  lln: number | null;
  /** Medication: last dose day (YYYY-MM-DD) and whether it is still taken. */
  lastDoseOn: string | null;
  isCurrent: boolean | null;
  /** Medication answered "never taken"; false with no last dose means the last dose is unknown. */
  isNeverTaken: boolean;
  dailyDoseMg: number | null;
  /** YYYY-MM-DD. */
  measuredOn: string;
  enteredBy: { id: string; name: string };
  /** ISO instant. */
  createdAt: string;
  voidedAt: string | null;
  voidReason: string | null;
};

export type ScreeningForm = {
  trial: { id: string; label: string };
  protocolVersion: { id: string; number: number } | null;
  screeningWindowDays: number;
  fields: ScreeningField[];
  counts: { missing: number; stale: number; current: number };
  /** Why the trial has no form (no protocol version or no criteria yet); null when it has one. */
  unavailable: string | null;
};

export type ScreeningForms = {
  candidateId: string;
  /** The clinic's calendar day the statuses are judged on (YYYY-MM-DD), and its time zone. */
  asOf: string;
  timeZone: string;
  forms: ScreeningForm[];
};
