import type {
  DiagnosisCode,
  FactCode,
  LabCode,
  MedicationClass,
  NumericMeasureCode,
  Sex,
} from '@/lib/measures/vocabulary';
import type { CriterionKind, RuleNode } from '@/lib/validations/eligibility';

/** Dates throughout are calendar days written YYYY-MM-DD. */
export type IsoDate = string;

export type EligibilityCriterion = { id: string; kind: CriterionKind; text: string; rule: RuleNode | null };

export type CandidateMeasurement = { code: NumericMeasureCode; value: number; measuredAt: IsoDate };
export type CandidateLab = {
  code: LabCode;
  value: number;
  uln: number | null;
  lln: number | null;
  measuredAt: IsoDate;
};
export type CandidateDiagnosis = { code: DiagnosisCode; isPresent: boolean; recordedAt: IsoDate };
export type CandidateMedication = {
  class: MedicationClass;
  lastDoseAt: IsoDate | null;
  isCurrent: boolean;
  /** The answer "never taken". A history without a last dose that does not say this leaves the last dose unknown. */
  isNeverTaken: boolean;
  recordedAt: IsoDate;
};
export type CandidateFact = { code: FactCode; value: boolean; recordedAt: IsoDate };

export type EligibilityCandidate = {
  dateOfBirth: IsoDate;
  sex: Sex;
  measurements: CandidateMeasurement[];
  labs: CandidateLab[];
  diagnoses: CandidateDiagnosis[];
  medications: CandidateMedication[];
  facts: CandidateFact[];
};

export type CriterionResultValue = 'MET' | 'NOT_MET' | 'UNKNOWN' | 'NEEDS_REVIEW';

/** A criterion's result without its explanation (the batch pre-screen never shows one). */
export type CriterionOutcome = {
  criterionId: string;
  kind: CriterionKind;
  text: string;
  result: CriterionResultValue;
  /** Data needed to decide an UNKNOWN criterion (missing or too old); empty otherwise. Treat as read-only (may be frozen). */
  missing: string[];
};

export type CriterionResult = CriterionOutcome & {
  /** One line citing the value, its date and the threshold. */
  explanation: string;
};

/** ELIGIBLE exists only after a clinician signs; the engine never produces it. */
export type OverallResult = 'INELIGIBLE' | 'INCOMPLETE' | 'PENDING_REVIEW' | 'PENDING_SIGNATURE' | 'ELIGIBLE';
export const OVERALL_RESULTS = [
  'INELIGIBLE',
  'INCOMPLETE',
  'PENDING_REVIEW',
  'PENDING_SIGNATURE',
  'ELIGIBLE',
] as const satisfies readonly OverallResult[];
