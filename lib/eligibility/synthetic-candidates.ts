import { DIAGNOSIS_CODES, FACT_CODES, LAB_CODES, MEDICATION_CLASSES, type Sex } from '@/lib/measures/vocabulary';
import { fromDayNumber, toDayNumber } from '@/lib/eligibility/day-number';
import type {
  CandidateLab,
  CandidateMeasurement,
  EligibilityCandidate,
  EligibilityCriterion,
} from '@/lib/eligibility/types';

// Fictional, seeded test data for the prescreen tests and the bench script. Nothing here resembles a real person:
// candidates have ids only (SYN-000001…), and values are drawn uniformly from plausible ranges.

export type SyntheticCandidate = { candidateId: string; candidate: EligibilityCandidate };

export type MakeSyntheticCandidatesOptions = {
  count: number;
  /** Same seed, same candidates. */
  seed: number;
  /** Dates are spread over the year before this day; defaults to 2026-11-23. */
  asOf?: string;
};

/** mulberry32: tiny, fast and good enough for test data. */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEXES: Sex[] = ['female', 'male', 'female', 'male', 'other', 'unknown'];

// [code, min, max, decimals, screen-positive min, screen-positive max]
const NUMERIC_RANGES: Array<[CandidateMeasurement['code'], number, number, number, number, number]> = [
  ['weight_kg', 45, 160, 1, 55, 100],
  ['height_cm', 150, 200, 1, 160, 190],
  ['sbp', 95, 185, 0, 105, 140],
  ['dbp', 55, 115, 0, 60, 90],
  ['heart_rate', 50, 120, 0, 55, 95],
  ['spo2', 88, 100, 0, 95, 100],
  ['phq9_total', 0, 27, 0, 15, 27],
  ['qids_sr_total', 0, 27, 0, 14, 27],
  ['madrs_total', 0, 60, 0, 22, 50],
  ['hamd17_total', 0, 52, 0, 18, 40],
  ['nrs_pain', 0, 10, 0, 4, 10],
  ['promis_pi_t', 40, 80, 1, 55, 80],
  ['gad7_total', 0, 21, 0, 0, 21],
  ['bpi_severity', 0, 10, 2, 4, 10],
  ['bpi_interference', 0, 10, 2, 4, 10],
  ['benzodiazepine_lorazepam_eq_mg_day', 0, 6, 2, 0, 1],
];

const LAB_LIMITS: Record<CandidateLab['code'], { uln: number; lln: number }> = {
  alt: { uln: 40, lln: 7 },
  ast: { uln: 40, lln: 8 },
  bilirubin_direct: { uln: 0.3, lln: 0 },
  alk_phos: { uln: 120, lln: 40 },
  creatinine: { uln: 1.2, lln: 0.6 },
  tsh: { uln: 4.5, lln: 0.4 },
};

const FAVOURABLE_FACTS: Record<(typeof FACT_CODES)[number], boolean> = {
  adult_driver_available: true,
  speaks_english: true,
  able_to_consent: true,
  in_another_trial: false,
  pregnant: false,
  breastfeeding: false,
  uses_birth_control: true,
  veteran: false,
};

export function makeSyntheticCandidates({
  count,
  seed,
  asOf = '2026-11-23',
}: MakeSyntheticCandidatesOptions): SyntheticCandidate[] {
  const random = makeRandom(seed);
  const asOfDay = toDayNumber(asOf);
  if (Number.isNaN(asOfDay)) throw new Error(`Invalid asOf "${asOf}"`);
  const between = (min: number, max: number, decimals: number) =>
    Number((min + random() * (max - min)).toFixed(decimals));
  const daysAgo = (maxDays: number) => fromDayNumber(asOfDay - Math.floor(random() * (maxDays + 1)));

  const out: SyntheticCandidate[] = [];
  for (let i = 0; i < count; i++) {
    // About half the pool is drawn from screen-positive ranges so every overall outcome shows up.
    const isScreenPositive = random() < 0.5;
    const gap = isScreenPositive ? 0.02 : 0.1;
    const measurements: CandidateMeasurement[] = [];
    for (const [code, min, max, decimals, goodMin, goodMax] of NUMERIC_RANGES) {
      if (random() < gap) continue;
      const value = isScreenPositive ? between(goodMin, goodMax, decimals) : between(min, max, decimals);
      measurements.push({ code, value, measuredAt: daysAgo(isScreenPositive ? 25 : 120) });
    }
    const labs: CandidateLab[] = [];
    for (const code of LAB_CODES) {
      if (random() < gap) continue;
      const limits = LAB_LIMITS[code];
      const value = isScreenPositive
        ? between(limits.lln + (limits.uln - limits.lln) * 0.3, limits.uln * 1.2, 2)
        : between(0, limits.uln * 3, 2);
      labs.push({
        code,
        value,
        uln: random() < gap / 2 ? null : limits.uln,
        lln: limits.lln,
        measuredAt: daysAgo(isScreenPositive ? 25 : 180),
      });
    }
    const isDepressed = (code: string) =>
      code === 'major_depressive_disorder' || code === 'treatment_resistant_depression';
    out.push({
      candidateId: `SYN-${String(i + 1).padStart(6, '0')}`,
      candidate: {
        dateOfBirth: fromDayNumber(
          asOfDay - Math.floor(between(isScreenPositive ? 20 : 16, isScreenPositive ? 60 : 80, 3) * 365.25),
        ),
        sex: isScreenPositive ? (random() < 0.5 ? 'male' : 'female') : SEXES[Math.floor(random() * SEXES.length)],
        measurements,
        labs,
        diagnoses: DIAGNOSIS_CODES.filter(() => random() >= gap).map((code) => ({
          code,
          isPresent: isScreenPositive ? isDepressed(code) : random() < 0.05,
          // Screen-positive histories are taken inside the 30-day screening window; the rest are often older.
          recordedAt: daysAgo(isScreenPositive ? 25 : 365),
        })),
        medications: MEDICATION_CLASSES.filter(() => random() >= gap).map((code) => {
          const roll = isScreenPositive ? 1 : random();
          const isCurrent = roll < 0.05;
          const lastDoseAt = roll < 0.15 ? daysAgo(60) : null;
          return {
            class: code,
            isCurrent,
            lastDoseAt,
            // One history in ten without a last dose leaves it unknown rather than saying "never taken".
            isNeverTaken: !isCurrent && lastDoseAt === null && (isScreenPositive || roll < 0.9),
            recordedAt: daysAgo(10),
          };
        }),
        facts: FACT_CODES.filter(() => random() >= gap).map((code) => ({
          code,
          value: isScreenPositive ? FAVOURABLE_FACTS[code] : random() < 0.5,
          recordedAt: daysAgo(isScreenPositive ? 25 : 60),
        })),
      },
    });
  }
  return out;
}

type Spec = [EligibilityCriterion['kind'], string, EligibilityCriterion['rule']];

const CRITERIA_SPECS: Spec[] = [
  ['INCLUSION', 'Age 18 to 65 years', { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 }],
  [
    'INCLUSION',
    'PHQ-9 of 15 or more within 30 days',
    { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15, withinDays: 30 },
  ],
  ['INCLUSION', 'MADRS of 20 or more', { kind: 'number', measure: 'madrs_total', op: 'gte', value: 20 }],
  [
    'INCLUSION',
    'Major depressive disorder',
    { kind: 'diagnosis', anyOf: ['major_depressive_disorder', 'treatment_resistant_depression'] },
  ],
  [
    'INCLUSION',
    'Adult driver available after each infusion',
    { kind: 'fact', fact: 'adult_driver_available', equals: true },
  ],
  [
    'INCLUSION',
    'Able to give informed consent',
    { kind: 'fact', fact: 'able_to_consent', equals: true, withinDays: 90 },
  ],
  ['INCLUSION', 'Speaks English', { kind: 'fact', fact: 'speaks_english', equals: true }],
  ['INCLUSION', 'Average pain 4 or more out of 10', { kind: 'number', measure: 'nrs_pain', op: 'gte', value: 4 }],
  [
    'INCLUSION',
    'Weight 45 to 150 kg within 30 days',
    { kind: 'number', measure: 'weight_kg', op: 'between', value: 45, max: 150, withinDays: 30 },
  ],
  ['INCLUSION', 'SpO2 at least 94%', { kind: 'number', measure: 'spo2', op: 'gte', value: 94 }],
  [
    'INCLUSION',
    'Women of childbearing potential use birth control',
    {
      kind: 'any',
      rules: [
        { kind: 'sex', anyOf: ['male'] },
        { kind: 'fact', fact: 'uses_birth_control', equals: true },
      ],
    },
  ],
  ['INCLUSION', 'Investigator judges participation appropriate', null],
  ['EXCLUSION', 'BMI over 40', { kind: 'number', measure: 'bmi', op: 'gt', value: 40 }],
  [
    'EXCLUSION',
    'Poorly controlled hypertension (SBP > 160 or DBP > 100)',
    {
      kind: 'any',
      rules: [
        { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
        { kind: 'number', measure: 'dbp', op: 'gt', value: 100 },
      ],
    },
  ],
  [
    'EXCLUSION',
    'ALT over 2 × ULN within 90 days',
    { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 2, withinDays: 90 },
  ],
  [
    'EXCLUSION',
    'AST over 2 × ULN within 90 days',
    { kind: 'lab', lab: 'ast', reference: 'uln', op: 'gt', value: 2, withinDays: 90 },
  ],
  [
    'EXCLUSION',
    'Direct bilirubin over 1.5 × ULN',
    { kind: 'lab', lab: 'bilirubin_direct', reference: 'uln', op: 'gt', value: 1.5 },
  ],
  [
    'EXCLUSION',
    'Creatinine over 1.5 × ULN',
    { kind: 'lab', lab: 'creatinine', reference: 'uln', op: 'gt', value: 1.5 },
  ],
  ['EXCLUSION', 'TSH below LLN', { kind: 'lab', lab: 'tsh', reference: 'lln', op: 'lt', value: 1 }],
  [
    'EXCLUSION',
    'Psychotic disorder',
    { kind: 'diagnosis', anyOf: ['schizophrenia', 'schizoaffective_disorder', 'psychotic_symptoms'] },
  ],
  ['EXCLUSION', 'Bipolar disorder', { kind: 'diagnosis', anyOf: ['bipolar_disorder'] }],
  ['EXCLUSION', 'Active suicidal ideation', { kind: 'diagnosis', anyOf: ['suicidal_ideation_active'] }],
  [
    'EXCLUSION',
    'Substance or alcohol use disorder',
    { kind: 'diagnosis', anyOf: ['substance_use_disorder', 'alcohol_use_disorder'] },
  ],
  ['EXCLUSION', 'Unstable cardiac condition', { kind: 'diagnosis', anyOf: ['unstable_cardiac_condition'] }],
  ['EXCLUSION', 'Raised intracranial pressure or aneurysm', { kind: 'diagnosis', anyOf: ['raised_icp_or_aneurysm'] }],
  ['EXCLUSION', 'Cirrhosis or hepatic impairment', { kind: 'diagnosis', anyOf: ['cirrhosis', 'hepatic_impairment'] }],
  ['EXCLUSION', 'Seizure disorder', { kind: 'diagnosis', anyOf: ['seizure_disorder'] }],
  [
    'EXCLUSION',
    'Benzodiazepine or MAOI within 14 days',
    { kind: 'medication', anyOf: ['benzodiazepine', 'maoi'], withinDays: 14 },
  ],
  [
    'EXCLUSION',
    'Ketamine or esketamine within 90 days',
    { kind: 'medication', anyOf: ['ketamine', 'esketamine'], withinDays: 90 },
  ],
  [
    'EXCLUSION',
    'Lamotrigine or memantine within 14 days',
    { kind: 'medication', anyOf: ['lamotrigine', 'memantine'], withinDays: 14 },
  ],
  [
    'EXCLUSION',
    'Pregnant or breastfeeding',
    {
      kind: 'any',
      rules: [
        { kind: 'fact', fact: 'pregnant', equals: true },
        { kind: 'fact', fact: 'breastfeeding', equals: true },
      ],
    },
  ],
  ['EXCLUSION', 'Enrolled in another interventional trial', { kind: 'fact', fact: 'in_another_trial', equals: true }],
  ['EXCLUSION', 'Resting heart rate over 110 bpm', { kind: 'number', measure: 'heart_rate', op: 'gt', value: 110 }],
  [
    'EXCLUSION',
    'Benzodiazepine dose over 2 mg/day lorazepam equivalent',
    { kind: 'number', measure: 'benzodiazepine_lorazepam_eq_mg_day', op: 'gt', value: 2 },
  ],
  [
    'EXCLUSION',
    'Older adult with high BMI and hypertension',
    {
      kind: 'all',
      rules: [
        { kind: 'number', measure: 'age_years', op: 'gte', value: 60 },
        {
          kind: 'any',
          rules: [
            { kind: 'number', measure: 'bmi', op: 'gte', value: 35 },
            { kind: 'number', measure: 'sbp', op: 'gte', value: 150 },
          ],
        },
      ],
    },
  ],
  ['EXCLUSION', 'Any condition that in the investigator’s opinion makes participation unsafe', null],
];

/** 36 criteria modelled on a ketamine depression protocol, for tests and the bench script. */
export function makeSyntheticCriteria(): EligibilityCriterion[] {
  return CRITERIA_SPECS.map(([kind, text, rule], index) => ({
    id: `crit-${String(index + 1).padStart(2, '0')}`,
    kind,
    text,
    rule,
  }));
}
