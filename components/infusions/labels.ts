import type { AeAction, AeOutcome, AeRelatedness, PregnancyTestResult } from '@/lib/infusions/codes';

// Display names for the infusion-day enums, in the order clinicians think of them.

/** CTCAE v5 grade meanings, short enough for a select option. */
export const CTCAE_GRADES = [
  {
    value: 1,
    label: 'Grade 1 — Mild',
    description: 'Mild; asymptomatic or mild symptoms; observation only; intervention not indicated',
  },
  {
    value: 2,
    label: 'Grade 2 — Moderate',
    description:
      'Moderate; minimal, local or non-invasive intervention indicated; limits instrumental activities of daily living',
  },
  {
    value: 3,
    label: 'Grade 3 — Severe',
    description:
      'Severe or medically significant but not immediately life-threatening; hospitalisation indicated; limits self-care',
  },
  {
    value: 4,
    label: 'Grade 4 — Life-threatening',
    description: 'Life-threatening consequences; urgent intervention indicated',
  },
  { value: 5, label: 'Grade 5 — Death', description: 'Death related to the adverse event' },
] as const;

export function gradeLabel(grade: number): string {
  return CTCAE_GRADES.find((item) => item.value === grade)?.label ?? `Grade ${grade}`;
}

export const AE_RELATEDNESS_LABELS: Record<AeRelatedness, string> = {
  NOT_RELATED: 'Not related',
  UNLIKELY: 'Unlikely related',
  POSSIBLE: 'Possibly related',
  PROBABLE: 'Probably related',
  DEFINITE: 'Definitely related',
};

export const AE_ACTION_LABELS: Record<AeAction, string> = {
  NONE: 'None',
  INFUSION_SLOWED: 'Infusion slowed',
  INFUSION_INTERRUPTED: 'Infusion interrupted',
  INFUSION_STOPPED: 'Infusion stopped',
  MEDICATION_GIVEN: 'Medication given',
  WITHDRAWN_FROM_STUDY: 'Withdrawn from study',
  OTHER: 'Other',
};

export const AE_OUTCOME_LABELS: Record<AeOutcome, string> = {
  RECOVERED: 'Recovered',
  RECOVERING: 'Recovering',
  NOT_RECOVERED: 'Not recovered',
  RECOVERED_WITH_SEQUELAE: 'Recovered with sequelae',
  FATAL: 'Fatal',
  UNKNOWN: 'Unknown',
};

export const PREGNANCY_TEST_LABELS: Record<PregnancyTestResult, string> = {
  NOT_REQUIRED: 'Not required',
  NEGATIVE: 'Negative',
  POSITIVE: 'Positive',
};

export function optionsOf<T extends string>(labels: Record<T, string>): Array<{ value: T; label: string }> {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** Timepoint codes as staff read them: PRE → "Pre-infusion", T+15 → "15 min after start". */
export function timepointLabel(code: string): string {
  if (code === 'PRE') return 'Pre-infusion';
  if (code === 'POST') return 'Post-infusion';
  if (code === 'DISCHARGE') return 'At discharge';
  const match = /^T\+(\d+)$/.exec(code);
  return match ? `${match[1]} min after start` : code;
}
