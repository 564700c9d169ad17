import { computeBmi, roundBmi } from '@/lib/measures/compute-bmi';
import type {
  DiagnosisCode,
  FactCode,
  LabCode,
  MedicationClass,
  NumericMeasureCode,
  Sex,
} from '@/lib/measures/vocabulary';
import { ageInYears, toDayNumber } from '@/lib/eligibility/day-number';
import { DEFAULT_SCREENING_WINDOW_DAYS } from '@/lib/eligibility/screening-window';
import type { EligibilityCandidate } from '@/lib/eligibility/types';

// Fixed-shape literal objects (no spreads): object spread dominated the prescreen profile.
export type IndexedNumber = { value: number; date: string; day: number; isComputedBmi: boolean };
export type IndexedLab = { value: number; uln: number | null; lln: number | null; date: string; day: number };
export type IndexedDiagnosis = { isPresent: boolean; date: string; day: number };
export type IndexedMedication = {
  isCurrent: boolean;
  isNeverTaken: boolean;
  lastDoseAt: string | null;
  lastDoseDay: number | null;
  date: string;
  day: number;
};
export type IndexedFact = { value: boolean; date: string; day: number };

/** A candidate's latest value per code as of the check day, built once and shared by every criterion. */
export type CandidateIndex = {
  asOf: string;
  asOfDay: number;
  /** The trial's screening window: how old a value may be for a rule without its own `withinDays`. */
  screeningWindowDays: number;
  /** null when the date of birth is missing, invalid or after the check day. */
  ageYears: number | null;
  sex: Sex;
  numbers: Map<NumericMeasureCode, IndexedNumber>;
  labs: Map<LabCode, IndexedLab>;
  diagnoses: Map<DiagnosisCode, IndexedDiagnosis>;
  medications: Map<MedicationClass, IndexedMedication>;
  facts: Map<FactCode, IndexedFact>;
};

function dayOrThrow(date: string, where: string): number {
  const day = toDayNumber(date);
  // Silently skipping a malformed date could let an older, contradicting record win, so refuse instead.
  if (Number.isNaN(day)) throw new Error(`Invalid date "${String(date)}" in candidate ${where}`);
  return day;
}

// Most recent entry per key wins. Entries dated after the check day did not exist yet on that day and are
// ignored. On the same day, the later array element wins (callers list records in the order they were made).
function isSuperseded(existing: { day: number } | undefined, day: number, asOfDay: number): boolean {
  return day > asOfDay || (existing !== undefined && existing.day > day);
}

export function indexCandidate(
  candidate: EligibilityCandidate,
  asOf: string,
  screeningWindowDays: number = DEFAULT_SCREENING_WINDOW_DAYS,
): CandidateIndex {
  const asOfDay = toDayNumber(asOf);
  if (Number.isNaN(asOfDay)) throw new Error(`Invalid check date "${String(asOf)}"`);

  const numbers = new Map<NumericMeasureCode, IndexedNumber>();
  for (let i = 0; i < candidate.measurements.length; i++) {
    const m = candidate.measurements[i];
    const day = dayOrThrow(m.measuredAt, `measurements[${i}].measuredAt`);
    if (isSuperseded(numbers.get(m.code), day, asOfDay)) continue;
    // A typed BMI gets the one rounding a computed one gets (to 0.1), so 40.04 compares as 40.0 either way.
    const value = m.code === 'bmi' ? roundBmi(m.value) : m.value;
    numbers.set(m.code, { value, date: m.measuredAt, day, isComputedBmi: false });
  }
  const labs = new Map<LabCode, IndexedLab>();
  for (let i = 0; i < candidate.labs.length; i++) {
    const lab = candidate.labs[i];
    const day = dayOrThrow(lab.measuredAt, `labs[${i}].measuredAt`);
    if (isSuperseded(labs.get(lab.code), day, asOfDay)) continue;
    labs.set(lab.code, { value: lab.value, uln: lab.uln, lln: lab.lln, date: lab.measuredAt, day });
  }
  const diagnoses = new Map<DiagnosisCode, IndexedDiagnosis>();
  for (let i = 0; i < candidate.diagnoses.length; i++) {
    const dx = candidate.diagnoses[i];
    const day = dayOrThrow(dx.recordedAt, `diagnoses[${i}].recordedAt`);
    if (isSuperseded(diagnoses.get(dx.code), day, asOfDay)) continue;
    diagnoses.set(dx.code, { isPresent: dx.isPresent, date: dx.recordedAt, day });
  }
  const medications = new Map<MedicationClass, IndexedMedication>();
  for (let i = 0; i < candidate.medications.length; i++) {
    const med = candidate.medications[i];
    const lastDoseDay = med.lastDoseAt === null ? null : dayOrThrow(med.lastDoseAt, `medications[${i}].lastDoseAt`);
    const day = dayOrThrow(med.recordedAt, `medications[${i}].recordedAt`);
    if (isSuperseded(medications.get(med.class), day, asOfDay)) continue;
    medications.set(med.class, {
      isCurrent: med.isCurrent,
      isNeverTaken: med.isNeverTaken === true && med.lastDoseAt === null && !med.isCurrent,
      lastDoseAt: med.lastDoseAt,
      lastDoseDay,
      date: med.recordedAt,
      day,
    });
  }
  const facts = new Map<FactCode, IndexedFact>();
  for (let i = 0; i < candidate.facts.length; i++) {
    const fact = candidate.facts[i];
    const day = dayOrThrow(fact.recordedAt, `facts[${i}].recordedAt`);
    if (isSuperseded(facts.get(fact.code), day, asOfDay)) continue;
    facts.set(fact.code, { value: fact.value, date: fact.recordedAt, day });
  }

  applyComputedBmi(numbers);
  return {
    asOf,
    asOfDay,
    screeningWindowDays,
    ageYears: ageInYears(candidate.dateOfBirth, asOf),
    sex: candidate.sex,
    numbers,
    labs,
    diagnoses,
    medications,
    facts,
  };
}

/** What a BMI rule reads besides a typed BMI (applyComputedBmi); the pre-screen loads only the codes rules read. */
export const COMPUTED_BMI_INPUTS = ['weight_kg', 'height_cm'] as const satisfies readonly NumericMeasureCode[];

// A BMI computed from weight and height is only as recent as the older of the two; a directly entered BMI
// wins when it is at least that recent.
function applyComputedBmi(numbers: Map<NumericMeasureCode, IndexedNumber>): void {
  const [weightCode, heightCode] = COMPUTED_BMI_INPUTS;
  const weight = numbers.get(weightCode);
  const height = numbers.get(heightCode);
  if (weight === undefined || height === undefined) return;
  const bmi = computeBmi(weight.value, height.value);
  if (bmi === null) return;
  const source = weight.day <= height.day ? weight : height;
  const direct = numbers.get('bmi');
  if (direct !== undefined && direct.day >= source.day) return;
  numbers.set('bmi', { value: bmi, date: source.date, day: source.day, isComputedBmi: true });
}
