import { describe, expect, it } from 'vitest';
import type { RuleNode } from '@/lib/validations/eligibility';
import { suggestRule } from './suggest-rule';

const num = (measure: string, op: string, value: number, max?: number) =>
  (max === undefined
    ? { kind: 'number', measure, op, value }
    : { kind: 'number', measure, op, value, max }) as RuleNode;
const lab = (name: string, op: string, value: number, reference = 'uln') =>
  ({ kind: 'lab', lab: name, reference, op, value }) as RuleNode;

describe('suggestRule: depression scores', () => {
  it.each([
    ['PHQ-9 total score ≥ 15', num('phq9_total', 'gte', 15)],
    ['PHQ-9 >= 10', num('phq9_total', 'gte', 10)],
    ['PHQ-9 \\>= 10 at screening', num('phq9_total', 'gte', 10)],
    ['Patient Health Questionnaire-9 (PHQ-9) score of 10 or higher', num('phq9_total', 'gte', 10)],
    ['MADRS score of at least 20', num('madrs_total', 'gte', 20)],
    ['Montgomery-Åsberg Depression Rating Scale (MADRS) total score greater than 22', num('madrs_total', 'gt', 22)],
    ['QIDS-SR ≥ 11', num('qids_sr_total', 'gte', 11)],
    ['QIDS-SR16 score of more than 10', num('qids_sr_total', 'gt', 10)],
    ['HAM-D 17 > 18', num('hamd17_total', 'gt', 18)],
    ['HAM-D17 score ≥ 18', num('hamd17_total', 'gte', 18)],
    ['GAD-7 < 10', num('gad7_total', 'lt', 10)],
    [
      'PHQ-9 score \\> 4 and \\< 20',
      { kind: 'all', rules: [num('phq9_total', 'gt', 4), num('phq9_total', 'lt', 20)] } as RuleNode,
    ],
  ])('%s', (text, expected) => {
    expect(suggestRule(text, 'INCLUSION')).toEqual(expected);
  });

  it.each([
    'PHQ-9 item 9 score ≥ 1', // item 9 is the suicidality item, not the total
    'QIDS ≥ 11', // clinician or self-report version unknown
    'HAM-D 24-item score ≥ 20',
    'PHQ-9 ≥ 10 or clinician judgment of depression',
    'No PHQ-9 > 20',
    'PHQ-9 of 10', // no comparator
    'PHQ-9 ≥ 30', // outside the scale: a typo, not a rule
  ])('returns null for %s', (text) => {
    expect(suggestRule(text, 'INCLUSION')).toBeNull();
  });
});

describe('suggestRule: BMI, weight and vitals', () => {
  it.each([
    ['BMI > 40 kg/m2', num('bmi', 'gt', 40)],
    ['BMI ≥ 18 and ≤ 35', num('bmi', 'between', 18, 35)],
    ['Body mass index (BMI) between 18.5 and 35 kg/m²', num('bmi', 'between', 18.5, 35)],
    ['BMI of 40 or greater', num('bmi', 'gte', 40)],
    ['Body weight < 45 kg', num('weight_kg', 'lt', 45)],
    ['Weight more than 150 kg', num('weight_kg', 'gt', 150)],
    ['Weight between 45 and 150 kg', num('weight_kg', 'between', 45, 150)],
    ['Resting heart rate > 110 bpm', num('heart_rate', 'gt', 110)],
    ['SpO2 < 92% on room air', num('spo2', 'lt', 92)],
  ])('%s', (text, expected) => {
    expect(suggestRule(text, 'EXCLUSION')).toEqual(expected);
  });

  it.each([
    'Morbid obesity or BMI > 40 with sleep apnea',
    'Weight < 100 lb', // pounds are not converted by guesswork
    'Weight must be stable within 5% for 3 months prior to initiation visit',
    'BMI > 400', // implausible threshold
  ])('returns null for %s', (text) => {
    expect(suggestRule(text, 'EXCLUSION')).toBeNull();
  });
});

describe('suggestRule: blood pressure', () => {
  const anyHigh: RuleNode = { kind: 'any', rules: [num('sbp', 'gt', 160), num('dbp', 'gt', 100)] };
  it.each([
    ['SBP > 160 or DBP > 100', anyHigh],
    ['blood pressure > 160/100', anyHigh],
    ['Blood pressure \\> 160/100 mmHg', anyHigh],
    ['uncontrolled hypertension (SBP>160 mmHg or DBP > 100)', anyHigh],
    [
      'Poorly controlled hypertension (systolic blood pressure greater than 160 mmHg or diastolic blood pressure greater than 100 mmHg)',
      anyHigh,
    ],
    ['Systolic blood pressure ≥ 140 mmHg', num('sbp', 'gte', 140)],
  ])('%s', (text, expected) => {
    expect(suggestRule(text, 'EXCLUSION')).toEqual(expected);
  });

  it('reads "BP < 140/90" as both limits (an upper limit holds only if both numbers are under it)', () => {
    expect(suggestRule('BP < 140/90', 'INCLUSION')).toEqual({
      kind: 'all',
      rules: [num('sbp', 'lt', 140), num('dbp', 'lt', 90)],
    });
  });

  it.each([
    'SBP > 160, DBP > 100', // no connector: and or or?
    'SBP > 160 or DBP > 100 or history of stroke',
    'SBP > 160 and DBP > 100 or heart rate > 100',
  ])('returns null for %s', (text) => {
    expect(suggestRule(text, 'EXCLUSION')).toBeNull();
  });
});

describe('suggestRule: labs', () => {
  it.each([
    ['ALT or AST > 2x upper limit of normal', { kind: 'any', rules: [lab('alt', 'gt', 2), lab('ast', 'gt', 2)] }],
    ['AST > 3 times ULN', lab('ast', 'gt', 3)],
    ['ALT \\> 3 times the ULN', lab('alt', 'gt', 3)],
    [
      'Alanine Aminotransferase (ALT) or aspartate aminotransferase (AST) \\> 5 X upper limit of normal (ULN).',
      { kind: 'any', rules: [lab('alt', 'gt', 5), lab('ast', 'gt', 5)] },
    ],
    ['AST and ALT ≤ 1.5 × institutional ULN', { kind: 'all', rules: [lab('ast', 'lte', 1.5), lab('alt', 'lte', 1.5)] }],
    [
      'ALT/AST more than twice the upper limit of normal',
      { kind: 'any', rules: [lab('alt', 'gt', 2), lab('ast', 'gt', 2)] },
    ],
    ['Serum creatinine > 1.5 x ULN', lab('creatinine', 'gt', 1.5)],
    ['TSH below the lower limit of normal', lab('tsh', 'lt', 1, 'lln')],
  ])('%s', (text, expected) => {
    expect(suggestRule(text, 'EXCLUSION')).toEqual(expected);
  });

  it.each([
    'ALT > 100 U/L', // absolute units, not a multiple of ULN
    'Total bilirubin > 1.5 x ULN', // total, not direct
    'Creatinine clearance < 60 mL/min',
    'ALT or AST > 2x ULN, unless due to Gilbert syndrome',
  ])('returns null for %s', (text) => {
    expect(suggestRule(text, 'EXCLUSION')).toBeNull();
  });
});

describe('suggestRule: age', () => {
  it.each([
    ['aged 18-65', num('age_years', 'between', 18, 65)],
    ['Adults aged 18 to 65 years', num('age_years', 'between', 18, 65)],
    ['between 18 and 65 years', num('age_years', 'between', 18, 65)],
    ['Age between 18 years and 65 years, inclusive', num('age_years', 'between', 18, 65)],
    ['≥ 18 years', num('age_years', 'gte', 18)],
    ['18 years of age or older', num('age_years', 'gte', 18)],
    ['Age ≥ 3 years and ≤ 18 years at the time of registration', num('age_years', 'between', 3, 18)],
    ['At least 18 years old at the start of Screening Visit', num('age_years', 'gte', 18)],
    ['Male or female, age 18 years and older.', num('age_years', 'gte', 18)],
    ["Patients' age must be \\>= 18 years", num('age_years', 'gte', 18)],
    ['Age over 18 years.', num('age_years', 'gt', 18)],
    ['Over the age of 21', num('age_years', 'gt', 21)],
    ['Male or females 12 -24 years old', num('age_years', 'between', 12, 24)],
    ['≥ 18 and ≤ 65 years of age', num('age_years', 'between', 18, 65)],
    ['Adults (≥18 years)', num('age_years', 'gte', 18)],
  ])('%s', (text, expected) => {
    expect(suggestRule(text, 'INCLUSION')).toEqual(expected);
  });

  it.each([
    'Healthy adults under age 60', // "healthy" is a second condition
    'Age ≥18 years (or per national guidelines).',
    'Male participants aged 18-65', // a sex restriction would be dropped
    'Female, 18 to 45 years',
    '≥ 28 days to < 18 years of age', // days cannot be expressed in years
    'Chronic AD present for at least 3 years before the screening visit',
    'age 65 to 18 years', // reversed range
    'Females aged 18-65',
    'Duration of current depressive episode ≥ 2 years',
    'Chronic pain for at least 6 months with average pain ≥ 4 on a 0-10 NRS',
  ])('returns null for %s', (text) => {
    expect(suggestRule(text, 'INCLUSION')).toBeNull();
  });
});

describe('suggestRule: pain NRS', () => {
  it.each([
    ['average pain ≥ 4 on a 0-10 NRS', num('nrs_pain', 'gte', 4)],
    [
      'Average pain intensity of at least 4 on the 0 to 10 Numeric Rating Scale over the past week',
      num('nrs_pain', 'gte', 4),
    ],
    ['Pain score \\>= 5 on a 0-10 numerical rating scale (NRS)', num('nrs_pain', 'gte', 5)],
  ])('%s', (text, expected) => {
    expect(suggestRule(text, 'INCLUSION')).toEqual(expected);
  });

  it.each([
    'average pain ≥ 40 on a 0-100 VAS',
    'pain ≥ 4', // scale not stated
    'Spinal pain \\>= 4 on a 0 to 10 Numerical Rating Scale (NRS)', // a specific pain site, not average pain
    'Worst pain ≥ 7 on a 0-10 NRS',
  ])('returns null for %s', (text) => {
    expect(suggestRule(text, 'INCLUSION')).toBeNull();
  });
});

describe('suggestRule: diagnoses, medications and pregnancy (exclusions only)', () => {
  it.each([
    [
      'history of schizophrenia or bipolar disorder',
      { kind: 'diagnosis', anyOf: ['schizophrenia', 'bipolar_disorder'] },
    ],
    [
      'Lifetime diagnosis of schizophrenia, schizoaffective disorder, or bipolar I or II disorder',
      { kind: 'diagnosis', anyOf: ['schizophrenia', 'schizoaffective_disorder', 'bipolar_disorder'] },
    ],
    ['History of seizure disorder or epilepsy', { kind: 'diagnosis', anyOf: ['seizure_disorder'] }],
    ['Uncontrolled hypertension', { kind: 'diagnosis', anyOf: ['uncontrolled_hypertension'] }],
    ['Use of MAOIs within 14 days', { kind: 'medication', anyOf: ['maoi'], withinDays: 14 }],
    [
      'Treatment with ketamine or esketamine within the past 4 weeks',
      { kind: 'medication', anyOf: ['ketamine', 'esketamine'], withinDays: 28 },
    ],
    [
      'Pregnant or breastfeeding women',
      {
        kind: 'any',
        rules: [
          { kind: 'fact', fact: 'pregnant', equals: true },
          { kind: 'fact', fact: 'breastfeeding', equals: true },
        ],
      },
    ],
  ])('%s', (text, expected) => {
    expect(suggestRule(text, 'EXCLUSION')).toEqual(expected);
  });

  it.each([
    'Family history of schizophrenia',
    'History of schizophrenia in a first-degree relative',
    'Current use of benzodiazepines', // no time window
    'Use of benzodiazepines within 3 months', // months are not a whole number of days
    'Pregnant, nursing, or planning to become pregnant during the study',
    'History of seizure disorders due to light (Group D).',
    'Patients receiving any medications or substances that are potent inhibitors or inducers of CYP3A4 within 7 days',
    'Schizophrenia and bipolar disorder', // "and" in an exclusion list is ambiguous
  ])('returns null for %s', (text) => {
    expect(suggestRule(text, 'EXCLUSION')).toBeNull();
  });

  it('does not read diagnoses in inclusion criteria', () => {
    expect(suggestRule('Diagnosis of bipolar disorder', 'INCLUSION')).toBeNull();
  });
});

describe('suggestRule: unrelated or empty text', () => {
  it.each([
    '',
    'Able to give informed consent',
    'Eczema Area and Severity Index (EASI) score ≥16',
    'ECOG performance status 0-1.',
  ])('returns null for %j', (text) => {
    expect(suggestRule(text, 'INCLUSION')).toBeNull();
  });
});
