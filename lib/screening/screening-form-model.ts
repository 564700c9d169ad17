import { applicableWindow } from '@/lib/eligibility/screening-window';
import { toDayNumber } from '@/lib/eligibility/day-number';
import type { EligibilityCandidate, EligibilityCriterion } from '@/lib/eligibility/types';
import {
  BLOOD_PRESSURE_CODE,
  BLOOD_PRESSURE_LABEL,
  BLOOD_PRESSURE_UNIT,
  formatBloodPressure,
} from '@/lib/measures/blood-pressure';
import {
  DIAGNOSES,
  FACTS,
  LAB_CODES,
  LABS,
  MEDICATIONS,
  NUMERIC_MEASURE_CODES,
  NUMERIC_MEASURES,
  type DiagnosisCode,
  type FactCode,
  type LabCode,
  type MedicationClass,
  type NumericMeasureCode,
} from '@/lib/measures/vocabulary';
import { PHQ9_ITEM_LABELS, PHQ9_ITEM_MAX, PHQ9_ITEM_MIN, PHQ9_TOTAL_CODE } from '@/lib/measures/phq9-items';
import type { RuleNode } from '@/lib/validations/eligibility';

// The screening form of one trial for one candidate, built from the trial's rules: one field per
// value a rule reads (BMI as weight and height, from which the engine computes it; SBP and DBP as
// one blood pressure reading; age and sex come from the record), each with its unit, plausible
// range and the window it must be measured in, and the candidate's latest value marked current,
// stale (older than that window, so the check will read it as unknown) or missing.

export type ScreeningFieldKind = 'number' | 'bp' | 'lab' | 'diagnosis' | 'medication' | 'fact';
export type ScreeningFieldStatus = 'missing' | 'stale' | 'current';
export type PlausibleRange = { label: string; min: number; max: number; unit: string };

export type ScreeningField = {
  /** The entry code the form posts: weight_kg, bp, alt, dx:bipolar_disorder, med:maoi, fact:pregnant. */
  code: string;
  kind: ScreeningFieldKind;
  label: string;
  /** The unit values are stored in; '' for scores, answers and dates. */
  unit: string;
  /** Units that may be entered (the stored one first); empty when there is nothing to choose. */
  units: string[];
  ranges: PlausibleRange[];
  step: number | null;
  /** The shortest window any rule gives this value: its own `withinDays`, else the trial's screening window. */
  windowDays: number;
  isRuleOwnWindow: boolean;
  status: ScreeningFieldStatus;
  latest: { value: string; measuredOn: string; ageDays: number } | null;
  /** Why the field is there when the rule names something else (BMI). */
  note: string | null;
  /** A score that may be entered item by item instead (the PHQ-9: stored as its total with the items, decision 0040). */
  itemEntry: { labels: readonly string[]; min: number; max: number } | null;
};

type Need = { windowDays: number; isRuleOwnWindow: boolean; note: string | null };

const BMI_NOTE = 'BMI is computed from weight and height on the day of the check.';

function need(
  needs: Map<string, Need>,
  code: string,
  ruleWithinDays: number | undefined,
  windowDays: number,
  note: string | null = null,
) {
  const window = applicableWindow(ruleWithinDays, windowDays);
  const existing = needs.get(code);
  if (existing && existing.windowDays <= window.days) return;
  needs.set(code, { windowDays: window.days, isRuleOwnWindow: window.isRuleOwn, note: existing?.note ?? note });
}

function collect(rule: RuleNode, windowDays: number, needs: Map<string, Need>): void {
  switch (rule.kind) {
    case 'all':
    case 'any':
      for (const child of rule.rules) collect(child, windowDays, needs);
      return;
    case 'number':
      if (rule.measure === 'age_years') return;
      if (rule.measure === 'bmi') {
        need(needs, 'weight_kg', rule.withinDays, windowDays, BMI_NOTE);
        need(needs, 'height_cm', rule.withinDays, windowDays, BMI_NOTE);
        return;
      }
      if (rule.measure === 'sbp' || rule.measure === 'dbp')
        need(needs, BLOOD_PRESSURE_CODE, rule.withinDays, windowDays);
      else need(needs, rule.measure, rule.withinDays, windowDays);
      return;
    case 'lab':
      need(needs, rule.lab, rule.withinDays, windowDays);
      return;
    case 'diagnosis':
      for (const code of rule.anyOf) need(needs, `dx:${code}`, rule.withinDays, windowDays);
      return;
    case 'medication':
      for (const code of rule.anyOf) need(needs, `med:${code}`, rule.withinDays, windowDays);
      return;
    case 'fact':
      need(needs, `fact:${rule.fact}`, rule.withinDays, windowDays);
      return;
    case 'sex':
      return;
  }
}

/** Entry code → the window it must be measured in, for every value the trial's rules read. */
export function collectScreeningNeeds(
  criteria: readonly EligibilityCriterion[],
  screeningWindowDays: number,
): Map<string, Need> {
  const needs = new Map<string, Need>();
  for (const criterion of criteria) if (criterion.rule) collect(criterion.rule, screeningWindowDays, needs);
  return needs;
}

type Latest = { value: string; measuredOn: string };

/** The latest record per entry code, as staff read it ("80 kg", "130/85 mmHg", "Absent", "Never taken"). */
function latestValues(candidate: EligibilityCandidate): Map<string, Latest> {
  const latest = new Map<string, Latest>();
  const keep = (code: string, value: string, measuredOn: string) => {
    const existing = latest.get(code);
    // Same day: the later record wins, as in the engine (callers list records in the order they were made).
    if (!existing || existing.measuredOn <= measuredOn) latest.set(code, { value, measuredOn });
  };
  const numbers = new Map<NumericMeasureCode, { value: number; measuredOn: string }>();
  for (const m of candidate.measurements) {
    const existing = numbers.get(m.code);
    if (!existing || existing.measuredOn <= m.measuredAt)
      numbers.set(m.code, { value: m.value, measuredOn: m.measuredAt });
    const { unit } = NUMERIC_MEASURES[m.code];
    keep(m.code, `${m.value}${unit ? ` ${unit}` : ''}`, m.measuredAt);
  }
  const sbp = numbers.get('sbp');
  const dbp = numbers.get('dbp');
  // A reading is as old as its older half.
  if (sbp && dbp)
    keep(
      BLOOD_PRESSURE_CODE,
      formatBloodPressure({ sbp: sbp.value, dbp: dbp.value }),
      sbp.measuredOn < dbp.measuredOn ? sbp.measuredOn : dbp.measuredOn,
    );
  for (const lab of candidate.labs) {
    const limits = [lab.uln !== null ? `ULN ${lab.uln}` : null, lab.lln !== null ? `LLN ${lab.lln}` : null].filter(
      Boolean,
    );
    keep(lab.code, `${lab.value}${limits.length > 0 ? ` (${limits.join(', ')})` : ''}`, lab.measuredAt);
  }
  for (const dx of candidate.diagnoses) keep(`dx:${dx.code}`, dx.isPresent ? 'Present' : 'Absent', dx.recordedAt);
  for (const med of candidate.medications) {
    const value = med.isCurrent
      ? 'Taking now'
      : med.lastDoseAt
        ? `Not taking now, last dose ${med.lastDoseAt}`
        : med.isNeverTaken
          ? 'Never taken'
          : 'Last dose unknown';
    keep(`med:${med.class}`, value, med.recordedAt);
  }
  for (const fact of candidate.facts) keep(`fact:${fact.code}`, fact.value ? 'Yes' : 'No', fact.recordedAt);
  return latest;
}

type FieldShape = Pick<ScreeningField, 'kind' | 'label' | 'unit' | 'units' | 'ranges' | 'step'>;

const PHQ9_ITEM_ENTRY = { labels: PHQ9_ITEM_LABELS, min: PHQ9_ITEM_MIN, max: PHQ9_ITEM_MAX };

function shapeOf(code: string): FieldShape {
  if (code === BLOOD_PRESSURE_CODE) {
    const ranges = (['sbp', 'dbp'] as const).map((c) => {
      const def = NUMERIC_MEASURES[c];
      return { label: def.description, min: def.min, max: def.max, unit: def.unit };
    });
    return {
      kind: 'bp',
      label: BLOOD_PRESSURE_LABEL,
      unit: BLOOD_PRESSURE_UNIT,
      units: [BLOOD_PRESSURE_UNIT],
      ranges,
      step: 1,
    };
  }
  if (code in NUMERIC_MEASURES) {
    const def = NUMERIC_MEASURES[code as NumericMeasureCode];
    const units = [def.unit, ...Object.keys(def.alternateUnits)].filter((unit) => unit !== '');
    return {
      kind: 'number',
      label: def.label,
      unit: def.unit,
      units,
      ranges: [{ label: def.label, min: def.min, max: def.max, unit: def.unit }],
      step: def.step,
    };
  }
  if (code in LABS) {
    const def = LABS[code as LabCode];
    return {
      kind: 'lab',
      label: def.label,
      unit: def.defaultUnit,
      units: [...def.units],
      ranges: [{ label: def.label, min: def.min, max: def.max, unit: def.defaultUnit }],
      step: def.step,
    };
  }
  const [prefix, rest] = code.split(':');
  const none = { unit: '', units: [], ranges: [], step: null };
  if (prefix === 'dx') return { kind: 'diagnosis', label: DIAGNOSES[rest as DiagnosisCode].label, ...none };
  if (prefix === 'med')
    return { kind: 'medication', label: `${MEDICATIONS[rest as MedicationClass].label} use`, ...none };
  return { kind: 'fact', label: FACTS[rest as FactCode].label, ...none };
}

const KIND_ORDER: readonly ScreeningFieldKind[] = ['number', 'bp', 'lab', 'diagnosis', 'medication', 'fact'];
const VOCABULARY_ORDER: readonly string[] = [...NUMERIC_MEASURE_CODES, BLOOD_PRESSURE_CODE, ...LAB_CODES];

function compareFields(a: ScreeningField, b: ScreeningField): number {
  // Blood pressure sits with the vitals, right after the numbers it stands for.
  const kindOf = (field: ScreeningField) => KIND_ORDER.indexOf(field.kind === 'bp' ? 'number' : field.kind);
  if (kindOf(a) !== kindOf(b)) return kindOf(a) - kindOf(b);
  const order = (field: ScreeningField) =>
    VOCABULARY_ORDER.indexOf(field.code === BLOOD_PRESSURE_CODE ? 'sbp' : field.code);
  if (order(a) !== order(b)) return order(a) - order(b);
  return a.label.localeCompare(b.label);
}

/** The fields of a trial's screening form, with the candidate's latest value and whether it is still usable on `asOf`. */
export function buildScreeningFields({
  criteria,
  screeningWindowDays,
  candidate,
  asOf,
}: {
  criteria: readonly EligibilityCriterion[];
  screeningWindowDays: number;
  candidate: EligibilityCandidate;
  asOf: string;
}): ScreeningField[] {
  const asOfDay = toDayNumber(asOf);
  if (Number.isNaN(asOfDay)) throw new Error(`Invalid form date "${asOf}"`);
  const latest = latestValues(candidate);
  const fields: ScreeningField[] = [];
  for (const [code, { windowDays, isRuleOwnWindow, note }] of collectScreeningNeeds(criteria, screeningWindowDays)) {
    const found = latest.get(code);
    const ageDays = found ? asOfDay - toDayNumber(found.measuredOn) : null;
    const status: ScreeningFieldStatus = ageDays === null ? 'missing' : ageDays > windowDays ? 'stale' : 'current';
    fields.push({
      code,
      ...shapeOf(code),
      windowDays,
      isRuleOwnWindow,
      status,
      latest: found && ageDays !== null ? { ...found, ageDays } : null,
      note,
      itemEntry: code === PHQ9_TOTAL_CODE ? PHQ9_ITEM_ENTRY : null,
    });
  }
  return fields.sort(compareFields);
}
