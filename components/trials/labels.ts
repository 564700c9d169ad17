import type { BadgeTone } from '@/components/ui/badge';
import type { SelectOption } from '@/components/ui/select';
import { OVERALL_STATUS_LABELS } from '@/lib/dashboard/labels';
import { INSTRUMENT_LABELS, isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import type { TrialDraft } from '@/lib/validations/trials';

// Display names for the ClinicalTrials.gov enums a trial record uses. Kept
// beside the trials UI; the values themselves come from lib/validations/trials.ts.

type Phase = TrialDraft['phases'][number];
type Status = TrialDraft['overallStatus'];
type StudyType = TrialDraft['studyType'];
type Allocation = NonNullable<TrialDraft['allocation']>;
type Masking = NonNullable<TrialDraft['masking']>;
type ArmType = TrialDraft['arms'][number]['type'];
type InterventionType = TrialDraft['interventions'][number]['type'];
type OutcomeKind = TrialDraft['outcomes'][number]['kind'];
type CriterionKind = TrialDraft['criteria'][number]['kind'];

export const PHASE_LABELS: Record<Phase, string> = {
  EARLY_PHASE1: 'Early phase 1',
  PHASE1: 'Phase 1',
  PHASE2: 'Phase 2',
  PHASE3: 'Phase 3',
  PHASE4: 'Phase 4',
  NA: 'Not applicable',
};

/** Same names the dashboard uses: one list of ClinicalTrials.gov statuses. */
export const STATUS_LABELS: Record<Status, string> = OVERALL_STATUS_LABELS;

const STATUS_TONES: Record<Status, BadgeTone> = {
  RECRUITING: 'success',
  NOT_YET_RECRUITING: 'info',
  ENROLLING_BY_INVITATION: 'success',
  ACTIVE_NOT_RECRUITING: 'brand',
  SUSPENDED: 'warning',
  TERMINATED: 'danger',
  COMPLETED: 'neutral',
  WITHDRAWN: 'danger',
  WITHHELD: 'neutral',
  UNKNOWN: 'neutral',
};

export function statusTone(status: Status): BadgeTone {
  return STATUS_TONES[status];
}

export const STUDY_TYPE_LABELS: Record<StudyType, string> = {
  INTERVENTIONAL: 'Interventional',
  OBSERVATIONAL: 'Observational',
  EXPANDED_ACCESS: 'Expanded access',
};

export const ALLOCATION_LABELS: Record<Allocation, string> = {
  RANDOMIZED: 'Randomized',
  NON_RANDOMIZED: 'Non-randomized',
  NA: 'Not applicable',
};

export const MASKING_LABELS: Record<Masking, string> = {
  NONE: 'None (open label)',
  SINGLE: 'Single',
  DOUBLE: 'Double',
  TRIPLE: 'Triple',
  QUADRUPLE: 'Quadruple',
};

export const ARM_TYPE_LABELS: Record<ArmType, string> = {
  EXPERIMENTAL: 'Experimental',
  ACTIVE_COMPARATOR: 'Active comparator',
  PLACEBO_COMPARATOR: 'Placebo comparator',
  SHAM_COMPARATOR: 'Sham comparator',
  NO_INTERVENTION: 'No intervention',
  OTHER: 'Other',
};

export const INTERVENTION_TYPE_LABELS: Record<InterventionType, string> = {
  DRUG: 'Drug',
  DEVICE: 'Device',
  BIOLOGICAL: 'Biological',
  PROCEDURE: 'Procedure',
  RADIATION: 'Radiation',
  BEHAVIORAL: 'Behavioral',
  GENETIC: 'Genetic',
  DIETARY_SUPPLEMENT: 'Dietary supplement',
  COMBINATION_PRODUCT: 'Combination product',
  DIAGNOSTIC_TEST: 'Diagnostic test',
  OTHER: 'Other',
};

export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  PRIMARY: 'Primary',
  SECONDARY: 'Secondary',
  OTHER: 'Other',
};

export const CRITERION_KIND_LABELS: Record<CriterionKind, string> = {
  INCLUSION: 'Inclusion',
  EXCLUSION: 'Exclusion',
};

// Dosing labels live with the dosing code (diffs and exports read them too).
export { DOSE_MODE_LABELS, ROUTE_LABELS, WEIGHT_BASIS_LABELS } from '@/lib/dosing/labels';

/** Select options from a label map, in the map's order. */
export function optionsOf<K extends string>(labels: Record<K, string>): SelectOption[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

export function instrumentLabel(code: string): string {
  return isInstrumentCode(code) ? INSTRUMENT_LABELS[code] : code;
}

/** "Phase 2 / Phase 3", or a dash when none is recorded. */
export function formatPhases(phases: readonly Phase[]): string {
  return phases.length === 0 ? '—' : phases.map((phase) => PHASE_LABELS[phase]).join(' / ');
}
