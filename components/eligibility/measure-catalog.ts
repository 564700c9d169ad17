import {
  DIAGNOSES,
  DIAGNOSIS_CODES,
  ENTERABLE_NUMERIC_MEASURE_CODES,
  FACT_CODES,
  FACTS,
  LAB_CODES,
  LABS,
  MEDICATION_CLASSES,
  MEDICATIONS,
  NUMERIC_MEASURES,
  type NumericMeasureCode,
} from '@/lib/measures/vocabulary';

// The screening vocabulary arranged the way staff read it: the entry form's
// measure picker and the candidate page's "latest values" use the same groups.

export type MeasureGroupId = 'body' | 'vitals' | 'scores' | 'labs' | 'diagnoses' | 'medications' | 'facts';

export const MEASURE_GROUP_LABELS: Record<MeasureGroupId, string> = {
  body: 'Body',
  vitals: 'Vitals',
  scores: 'Scores',
  labs: 'Labs (× ULN)',
  diagnoses: 'Diagnoses',
  medications: 'Medications',
  facts: 'Facts',
};

export const MEASURE_GROUP_ORDER: readonly MeasureGroupId[] = [
  'body',
  'vitals',
  'scores',
  'labs',
  'diagnoses',
  'medications',
  'facts',
];

export type EntryKind = 'number' | 'lab' | 'diagnosis' | 'medication' | 'fact';

export function numericGroup(code: NumericMeasureCode): MeasureGroupId {
  switch (NUMERIC_MEASURES[code].category) {
    case 'demographic':
    case 'anthropometric':
      return 'body';
    case 'vital':
      return 'vitals';
    case 'medication_dose':
      return 'medications';
    default:
      return 'scores';
  }
}

export type MeasureOption = { value: string; label: string; kind: EntryKind };

/** Every code a person can enter, grouped for the picker's <optgroup>s. */
export const MEASURE_OPTION_GROUPS: ReadonlyArray<{ id: MeasureGroupId; label: string; options: MeasureOption[] }> =
  MEASURE_GROUP_ORDER.map((id) => {
    const options: MeasureOption[] = [];
    for (const code of ENTERABLE_NUMERIC_MEASURE_CODES) {
      if (numericGroup(code) !== id) continue;
      const def = NUMERIC_MEASURES[code];
      options.push({ value: code, label: def.unit ? `${def.label} (${def.unit})` : def.label, kind: 'number' });
    }
    if (id === 'labs')
      for (const code of LAB_CODES) options.push({ value: code, label: LABS[code].label, kind: 'lab' });
    if (id === 'diagnoses')
      for (const code of DIAGNOSIS_CODES)
        options.push({ value: `dx:${code}`, label: DIAGNOSES[code].label, kind: 'diagnosis' });
    if (id === 'medications')
      for (const code of MEDICATION_CLASSES)
        options.push({ value: `med:${code}`, label: `${MEDICATIONS[code].label} use`, kind: 'medication' });
    if (id === 'facts')
      for (const code of FACT_CODES) options.push({ value: `fact:${code}`, label: FACTS[code].label, kind: 'fact' });
    return { id, label: MEASURE_GROUP_LABELS[id], options };
  });

const KIND_BY_CODE = new Map(
  MEASURE_OPTION_GROUPS.flatMap((group) => group.options.map((option) => [option.value, option.kind] as const)),
);

export function entryKind(code: string): EntryKind | null {
  return KIND_BY_CODE.get(code) ?? null;
}
