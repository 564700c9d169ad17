import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';
import { parseTimepointCode } from '@/lib/trials/timepoint-code';
import type { TrialDetail } from '@/lib/trials/types';
import type { TrialDraft } from '@/lib/validations/trials';

// The values the trial form edits. They are a trial draft (lib/validations/trials.ts)
// plus what an edit sends back: the trial's lock version, the amendment reason,
// and the ids of the arms and criteria being edited.

export type ArmFormValues = TrialDraft['arms'][number] & { id?: string };
export type CriterionFormValues = TrialDraft['criteria'][number] & { id?: string };

export type TrialFormValues = Omit<TrialDraft, 'arms' | 'criteria'> & {
  arms: ArmFormValues[];
  criteria: CriterionFormValues[];
  version?: number;
  amendmentReason?: string;
};

/** A blank trial for /trials/new: only the schema's own defaults. */
export function emptyTrialValues(): TrialFormValues {
  return {
    nctId: null,
    protocolNumber: null,
    title: '',
    shortTitle: null,
    phases: [],
    overallStatus: 'NOT_YET_RECRUITING',
    studyType: 'INTERVENTIONAL',
    allocation: null,
    masking: null,
    leadSponsor: null,
    collaborators: [],
    principalInvestigator: null,
    sites: [],
    conditions: [],
    targetEnrollment: null,
    startDate: null,
    completionDate: null,
    briefSummary: null,
    coverageNote: null,
    arms: [],
    interventions: [],
    criteria: [],
    outcomes: [],
    assessmentPlan: [],
  };
}

/** The current trial as form values for /trials/[id]/edit. */
export function trialToFormValues(trial: TrialDetail): TrialFormValues {
  const labelByArmId = new Map(trial.arms.map((arm) => [arm.id, arm.label]));
  return {
    version: trial.version,
    nctId: trial.nctId,
    protocolNumber: trial.protocolNumber,
    title: trial.title,
    shortTitle: trial.shortTitle,
    phases: trial.phases,
    overallStatus: trial.overallStatus,
    studyType: trial.studyType,
    allocation: trial.allocation,
    masking: trial.masking,
    leadSponsor: trial.leadSponsor,
    collaborators: trial.collaborators,
    principalInvestigator: trial.principalInvestigator,
    sites: trial.sites.map(({ facility, city, state, country }) => ({ facility, city, state, country })),
    conditions: trial.conditions,
    targetEnrollment: trial.targetEnrollment,
    startDate: trial.startDate,
    completionDate: trial.completionDate,
    briefSummary: trial.briefSummary,
    coverageNote: trial.coverageNote,
    arms: trial.arms.map((arm) => ({
      id: arm.id,
      label: arm.label,
      type: arm.type,
      description: arm.description,
      allocationWeight: arm.allocationWeight,
      dosing: arm.confirmedDosing,
      suggestedDosing: arm.suggestedDosing,
      // Null keeps the recorded provenance (the form does not edit it; confirmations live on the trial page).
      dosingProvenance: null,
    })),
    interventions: trial.interventions.map((item) => ({
      type: item.type,
      name: item.name,
      description: item.description,
      armLabels: item.armIds.flatMap((id) => labelByArmId.get(id) ?? []),
    })),
    criteria: trial.criteria.map((criterion) => ({
      id: criterion.id,
      kind: criterion.kind === 'inclusion' ? 'INCLUSION' : 'EXCLUSION',
      text: criterion.text,
      rule: criterion.rule,
      suggestedRule: criterion.suggestedRule,
      provenance: null,
    })),
    outcomes: [...trial.outcomes]
      .sort((a, b) => a.position - b.position)
      .map(({ kind, measure, description, timeFrame }) => ({ kind, measure, description, timeFrame })),
    assessmentPlan: trial.assessmentPlan.flatMap((item) => {
      const timepoint = parseTimepointCode(item.timepoint);
      return timepoint
        ? [
            {
              instrument: item.instrument as InstrumentCode,
              timepoint,
              windowBeforeDays: item.windowBeforeDays,
              windowAfterDays: item.windowAfterDays,
              provenance: null,
            },
          ]
        : [];
    }),
  };
}

/** Key-order-insensitive JSON, to tell whether a section of the form changed. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The parts of the form that are protocol: criteria, each arm's type, weight and confirmed dosing, and the assessment plan. */
export function protocolFingerprint(values: Pick<TrialFormValues, 'arms' | 'criteria' | 'assessmentPlan'>): string {
  return stableJson({
    arms: (values.arms ?? []).map((arm) => ({
      id: arm.id ?? null,
      label: arm.label,
      type: arm.type,
      allocationWeight: arm.allocationWeight,
      dosing: arm.dosing,
    })),
    criteria: (values.criteria ?? []).map((criterion) => ({
      kind: criterion.kind,
      text: criterion.text,
      rule: criterion.rule,
    })),
    assessmentPlan: values.assessmentPlan ?? [],
  });
}
