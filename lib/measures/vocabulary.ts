// Single source of truth for every screening code. Rules, forms, explanations and
// the seed all read labels, units and plausible ranges from here so they cannot drift.

export const NUMERIC_MEASURE_CODES = [
  'age_years',
  'weight_kg',
  'height_cm',
  'bmi',
  'sbp',
  'dbp',
  'heart_rate',
  'spo2',
  'phq9_total',
  'qids_sr_total',
  'madrs_total',
  'hamd17_total',
  'nrs_pain',
  'promis_pi_t',
  'gad7_total',
  'bpi_severity',
  'bpi_interference',
  'benzodiazepine_lorazepam_eq_mg_day',
] as const;

export const LAB_CODES = ['alt', 'ast', 'bilirubin_direct', 'alk_phos', 'creatinine', 'tsh'] as const;

export const SEX_VALUES = ['female', 'male', 'other', 'unknown'] as const;

export const DIAGNOSIS_CODES = [
  'schizophrenia',
  'schizoaffective_disorder',
  'bipolar_disorder',
  'psychotic_symptoms',
  'ptsd_active',
  'personality_disorder_primary',
  'cirrhosis',
  'unstable_cardiac_condition',
  'raised_icp_or_aneurysm',
  'seizure_disorder',
  'substance_use_disorder',
  'alcohol_use_disorder',
  'crps',
  'neurocognitive_disorder',
  'major_depressive_disorder',
  'treatment_resistant_depression',
  'chronic_low_back_pain',
  'chronic_pain',
  'neuropathic_pain',
  'brachial_plexus_injury',
  'uncontrolled_hypertension',
  'suicidal_ideation_active',
  'hepatic_impairment',
  'renal_impairment',
  'glaucoma',
  'hyperthyroidism',
] as const;

export const MEDICATION_CLASSES = [
  'benzodiazepine',
  'maoi',
  'opioid_antagonist',
  'glutamate_gaba_modulator',
  'cyp3a4_inducer',
  'ketamine',
  'esketamine',
  'opioid',
  'lamotrigine',
  'memantine',
  'stimulant',
] as const;

export const FACT_CODES = [
  'adult_driver_available',
  'speaks_english',
  'able_to_consent',
  'in_another_trial',
  'pregnant',
  'breastfeeding',
  'uses_birth_control',
  'veteran',
] as const;

export type NumericMeasureCode = (typeof NUMERIC_MEASURE_CODES)[number];
export type LabCode = (typeof LAB_CODES)[number];
export type Sex = (typeof SEX_VALUES)[number];
export type DiagnosisCode = (typeof DIAGNOSIS_CODES)[number];
export type MedicationClass = (typeof MEDICATION_CLASSES)[number];
export type FactCode = (typeof FACT_CODES)[number];

/** Grouping for forms; has no effect on evaluation. */
export type NumericMeasureCategory =
  | 'demographic'
  | 'anthropometric'
  | 'vital'
  | 'depression_scale'
  | 'pain_scale'
  | 'anxiety_scale'
  | 'medication_dose';

export type NumericMeasureDefinition = {
  code: NumericMeasureCode;
  kind: 'number';
  category: NumericMeasureCategory;
  /** Form and rule label, e.g. "PHQ-9 total". */
  label: string;
  /** Compact label for one-line explanations, e.g. "PHQ-9". */
  shortLabel: string;
  description: string;
  /** Canonical unit the value is stored and compared in; '' for unitless scores. */
  unit: string;
  min: number;
  max: number;
  step: number;
  /** Display decimals; 0 also means only whole numbers may be entered. */
  decimals: number;
  /** Age is derived from date of birth, so it can appear in rules but never be entered. */
  isEnterable: boolean;
  /** Other units accepted on entry, with the factor converting them to the canonical unit. */
  alternateUnits: Readonly<Record<string, number>>;
};

export type LabDefinition = {
  code: LabCode;
  kind: 'lab';
  label: string;
  shortLabel: string;
  description: string;
  /** Unit assumed when none is entered. Value and reference limits must share a unit. */
  defaultUnit: string;
  /** Units accepted on entry; ratios to ULN/LLN make conversion unnecessary. */
  units: readonly string[];
  /** Plausible range for the value in the default unit (loose: used only to catch typos). */
  min: number;
  max: number;
  step: number;
  decimals: number;
};

export const LB_TO_KG = 0.45359237;
export const IN_TO_CM = 2.54;

type NumericSpec = Omit<NumericMeasureDefinition, 'code' | 'kind' | 'isEnterable' | 'alternateUnits'> &
  Partial<Pick<NumericMeasureDefinition, 'isEnterable' | 'alternateUnits'>>;

const NUMERIC_SPECS: Record<NumericMeasureCode, NumericSpec> = {
  age_years: {
    category: 'demographic',
    label: 'Age',
    shortLabel: 'Age',
    description: 'Age in whole years, derived from date of birth on the check date',
    unit: 'years',
    min: 0,
    max: 120,
    step: 1,
    decimals: 0,
    isEnterable: false,
  },
  weight_kg: {
    category: 'anthropometric',
    label: 'Weight',
    shortLabel: 'Weight',
    description: 'Body weight',
    unit: 'kg',
    min: 30,
    max: 300,
    step: 0.1,
    decimals: 1,
    alternateUnits: { lb: LB_TO_KG },
  },
  height_cm: {
    category: 'anthropometric',
    label: 'Height',
    shortLabel: 'Height',
    description: 'Standing height',
    unit: 'cm',
    min: 100,
    max: 250,
    step: 0.1,
    decimals: 1,
    alternateUnits: { in: IN_TO_CM },
  },
  bmi: {
    category: 'anthropometric',
    label: 'BMI',
    shortLabel: 'BMI',
    description: 'Body mass index',
    unit: 'kg/m²',
    min: 10,
    max: 80,
    step: 0.1,
    decimals: 1,
  },
  sbp: {
    category: 'vital',
    label: 'SBP',
    shortLabel: 'SBP',
    description: 'Systolic blood pressure',
    unit: 'mmHg',
    min: 60,
    max: 260,
    step: 1,
    decimals: 0,
  },
  dbp: {
    category: 'vital',
    label: 'DBP',
    shortLabel: 'DBP',
    description: 'Diastolic blood pressure',
    unit: 'mmHg',
    min: 30,
    max: 160,
    step: 1,
    decimals: 0,
  },
  heart_rate: {
    category: 'vital',
    label: 'Heart rate',
    shortLabel: 'HR',
    description: 'Resting heart rate',
    unit: 'bpm',
    min: 30,
    max: 220,
    step: 1,
    decimals: 0,
  },
  spo2: {
    category: 'vital',
    label: 'SpO₂',
    shortLabel: 'SpO₂',
    description: 'Peripheral oxygen saturation',
    unit: '%',
    min: 50,
    max: 100,
    step: 1,
    decimals: 0,
  },
  phq9_total: {
    category: 'depression_scale',
    label: 'PHQ-9 total',
    shortLabel: 'PHQ-9',
    description: 'Patient Health Questionnaire-9 total score',
    unit: '',
    min: 0,
    max: 27,
    step: 1,
    decimals: 0,
  },
  qids_sr_total: {
    category: 'depression_scale',
    label: 'QIDS-SR total',
    shortLabel: 'QIDS-SR',
    description: 'Quick Inventory of Depressive Symptomatology (self-report) total score',
    unit: '',
    min: 0,
    max: 27,
    step: 1,
    decimals: 0,
  },
  madrs_total: {
    category: 'depression_scale',
    label: 'MADRS total',
    shortLabel: 'MADRS',
    description: 'Montgomery–Åsberg Depression Rating Scale total score',
    unit: '',
    min: 0,
    max: 60,
    step: 1,
    decimals: 0,
  },
  hamd17_total: {
    category: 'depression_scale',
    label: 'HAM-D17 total',
    shortLabel: 'HAM-D17',
    description: 'Hamilton Depression Rating Scale (17-item) total score',
    unit: '',
    min: 0,
    max: 52,
    step: 1,
    decimals: 0,
  },
  nrs_pain: {
    category: 'pain_scale',
    label: 'Pain NRS',
    shortLabel: 'NRS',
    description: 'Numeric rating scale for average pain intensity',
    unit: '',
    min: 0,
    max: 10,
    step: 1,
    decimals: 0,
  },
  promis_pi_t: {
    category: 'pain_scale',
    label: 'PROMIS Pain Interference T-score',
    shortLabel: 'PROMIS-PI',
    description: 'PROMIS Pain Interference T-score',
    unit: '',
    min: 30,
    max: 85,
    step: 0.1,
    decimals: 1,
  },
  gad7_total: {
    category: 'anxiety_scale',
    label: 'GAD-7 total',
    shortLabel: 'GAD-7',
    description: 'Generalized Anxiety Disorder-7 total score',
    unit: '',
    min: 0,
    max: 21,
    step: 1,
    decimals: 0,
  },
  bpi_severity: {
    category: 'pain_scale',
    label: 'BPI pain severity',
    shortLabel: 'BPI severity',
    description: 'Brief Pain Inventory severity (mean of 4 items)',
    unit: '',
    min: 0,
    max: 10,
    step: 0.01,
    decimals: 2,
  },
  bpi_interference: {
    category: 'pain_scale',
    label: 'BPI pain interference',
    shortLabel: 'BPI interference',
    description: 'Brief Pain Inventory interference (mean of 7 items)',
    unit: '',
    min: 0,
    max: 10,
    step: 0.01,
    decimals: 2,
  },
  benzodiazepine_lorazepam_eq_mg_day: {
    category: 'medication_dose',
    label: 'Benzodiazepine dose (lorazepam eq.)',
    shortLabel: 'Benzodiazepine dose',
    description: 'Total daily benzodiazepine dose in lorazepam-equivalent mg',
    unit: 'mg/day',
    min: 0,
    max: 40,
    step: 0.25,
    decimals: 2,
  },
};

type LabSpec = Omit<LabDefinition, 'code' | 'kind'>;

const LAB_SPECS: Record<LabCode, LabSpec> = {
  alt: {
    label: 'ALT',
    shortLabel: 'ALT',
    description: 'Alanine aminotransferase',
    defaultUnit: 'U/L',
    units: ['U/L'],
    min: 0,
    max: 10000,
    step: 1,
    decimals: 0,
  },
  ast: {
    label: 'AST',
    shortLabel: 'AST',
    description: 'Aspartate aminotransferase',
    defaultUnit: 'U/L',
    units: ['U/L'],
    min: 0,
    max: 10000,
    step: 1,
    decimals: 0,
  },
  bilirubin_direct: {
    label: 'Direct bilirubin',
    shortLabel: 'Direct bilirubin',
    description: 'Direct (conjugated) bilirubin',
    defaultUnit: 'mg/dL',
    units: ['mg/dL', 'µmol/L'],
    min: 0,
    max: 500,
    step: 0.01,
    decimals: 2,
  },
  alk_phos: {
    label: 'Alkaline phosphatase',
    shortLabel: 'ALP',
    description: 'Alkaline phosphatase',
    defaultUnit: 'U/L',
    units: ['U/L'],
    min: 0,
    max: 5000,
    step: 1,
    decimals: 0,
  },
  creatinine: {
    label: 'Creatinine',
    shortLabel: 'Creatinine',
    description: 'Serum creatinine',
    defaultUnit: 'mg/dL',
    units: ['mg/dL', 'µmol/L'],
    min: 0,
    max: 2000,
    step: 0.01,
    decimals: 2,
  },
  tsh: {
    label: 'TSH',
    shortLabel: 'TSH',
    description: 'Thyroid-stimulating hormone',
    defaultUnit: 'mIU/L',
    units: ['mIU/L'],
    min: 0,
    max: 500,
    step: 0.01,
    decimals: 2,
  },
};

function buildNumeric(): Readonly<Record<NumericMeasureCode, NumericMeasureDefinition>> {
  const out = {} as Record<NumericMeasureCode, NumericMeasureDefinition>;
  for (const code of NUMERIC_MEASURE_CODES) {
    const spec = NUMERIC_SPECS[code];
    out[code] = {
      ...spec,
      code,
      kind: 'number',
      isEnterable: spec.isEnterable ?? true,
      alternateUnits: spec.alternateUnits ?? {},
    };
  }
  return out;
}

function buildLabs(): Readonly<Record<LabCode, LabDefinition>> {
  const out = {} as Record<LabCode, LabDefinition>;
  for (const code of LAB_CODES) out[code] = { ...LAB_SPECS[code], code, kind: 'lab' };
  return out;
}

export const NUMERIC_MEASURES = buildNumeric();
export const LABS = buildLabs();

export type MeasureDefinition = NumericMeasureDefinition | LabDefinition;
export type MeasureCode = NumericMeasureCode | LabCode;

/** Every measure that carries a value (numeric measures and labs), keyed by code. */
export const MEASURES: Readonly<Record<MeasureCode, MeasureDefinition>> = { ...NUMERIC_MEASURES, ...LABS };

export type CodedLabel = { label: string; shortLabel: string };

export const DIAGNOSES: Readonly<Record<DiagnosisCode, CodedLabel>> = {
  schizophrenia: { label: 'Schizophrenia', shortLabel: 'Schizophrenia' },
  schizoaffective_disorder: { label: 'Schizoaffective disorder', shortLabel: 'Schizoaffective disorder' },
  bipolar_disorder: { label: 'Bipolar disorder', shortLabel: 'Bipolar disorder' },
  psychotic_symptoms: { label: 'Psychotic symptoms', shortLabel: 'Psychotic symptoms' },
  ptsd_active: { label: 'PTSD (active)', shortLabel: 'Active PTSD' },
  personality_disorder_primary: {
    label: 'Personality disorder (primary diagnosis)',
    shortLabel: 'Primary personality disorder',
  },
  cirrhosis: { label: 'Cirrhosis', shortLabel: 'Cirrhosis' },
  unstable_cardiac_condition: { label: 'Unstable cardiac condition', shortLabel: 'Unstable cardiac condition' },
  raised_icp_or_aneurysm: { label: 'Raised intracranial pressure or aneurysm', shortLabel: 'Raised ICP or aneurysm' },
  seizure_disorder: { label: 'Seizure disorder', shortLabel: 'Seizure disorder' },
  substance_use_disorder: { label: 'Substance use disorder', shortLabel: 'Substance use disorder' },
  alcohol_use_disorder: { label: 'Alcohol use disorder', shortLabel: 'Alcohol use disorder' },
  crps: { label: 'CRPS (complex regional pain syndrome)', shortLabel: 'CRPS' },
  neurocognitive_disorder: { label: 'Neurocognitive disorder', shortLabel: 'Neurocognitive disorder' },
  major_depressive_disorder: { label: 'Major depressive disorder', shortLabel: 'MDD' },
  treatment_resistant_depression: { label: 'Treatment-resistant depression', shortLabel: 'TRD' },
  chronic_low_back_pain: { label: 'Chronic low back pain', shortLabel: 'Chronic low back pain' },
  chronic_pain: { label: 'Chronic pain', shortLabel: 'Chronic pain' },
  neuropathic_pain: { label: 'Neuropathic pain', shortLabel: 'Neuropathic pain' },
  brachial_plexus_injury: { label: 'Brachial plexus injury', shortLabel: 'Brachial plexus injury' },
  uncontrolled_hypertension: { label: 'Uncontrolled hypertension', shortLabel: 'Uncontrolled hypertension' },
  suicidal_ideation_active: { label: 'Active suicidal ideation', shortLabel: 'Active suicidal ideation' },
  hepatic_impairment: { label: 'Hepatic impairment', shortLabel: 'Hepatic impairment' },
  renal_impairment: { label: 'Renal impairment', shortLabel: 'Renal impairment' },
  glaucoma: { label: 'Glaucoma', shortLabel: 'Glaucoma' },
  hyperthyroidism: { label: 'Hyperthyroidism', shortLabel: 'Hyperthyroidism' },
};

export const MEDICATIONS: Readonly<Record<MedicationClass, CodedLabel>> = {
  benzodiazepine: { label: 'Benzodiazepine', shortLabel: 'Benzodiazepine' },
  maoi: { label: 'MAOI', shortLabel: 'MAOI' },
  opioid_antagonist: { label: 'Opioid antagonist', shortLabel: 'Opioid antagonist' },
  glutamate_gaba_modulator: { label: 'Glutamate/GABA modulator', shortLabel: 'Glutamate/GABA modulator' },
  cyp3a4_inducer: { label: 'CYP3A4 inducer', shortLabel: 'CYP3A4 inducer' },
  ketamine: { label: 'Ketamine', shortLabel: 'Ketamine' },
  esketamine: { label: 'Esketamine', shortLabel: 'Esketamine' },
  opioid: { label: 'Opioid', shortLabel: 'Opioid' },
  lamotrigine: { label: 'Lamotrigine', shortLabel: 'Lamotrigine' },
  memantine: { label: 'Memantine', shortLabel: 'Memantine' },
  stimulant: { label: 'Stimulant', shortLabel: 'Stimulant' },
};

export const FACTS: Readonly<Record<FactCode, CodedLabel>> = {
  adult_driver_available: { label: 'Adult driver available', shortLabel: 'Adult driver available' },
  speaks_english: { label: 'Speaks English', shortLabel: 'Speaks English' },
  able_to_consent: { label: 'Able to consent', shortLabel: 'Able to consent' },
  in_another_trial: { label: 'In another trial', shortLabel: 'In another trial' },
  pregnant: { label: 'Pregnant', shortLabel: 'Pregnant' },
  breastfeeding: { label: 'Breastfeeding', shortLabel: 'Breastfeeding' },
  uses_birth_control: { label: 'Uses birth control', shortLabel: 'Uses birth control' },
  veteran: { label: 'Veteran', shortLabel: 'Veteran' },
};

export const SEX_LABELS: Readonly<Record<Sex, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

/** Codes a person can enter on a screening form (age is derived, never entered). */
export const ENTERABLE_NUMERIC_MEASURE_CODES = NUMERIC_MEASURE_CODES.filter(
  (code) => NUMERIC_MEASURES[code].isEnterable,
);
