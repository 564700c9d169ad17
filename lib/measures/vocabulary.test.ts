import { describe, expect, it } from 'vitest';
import {
  DIAGNOSES,
  DIAGNOSIS_CODES,
  ENTERABLE_NUMERIC_MEASURE_CODES,
  FACT_CODES,
  FACTS,
  LAB_CODES,
  LABS,
  MEASURES,
  MEDICATION_CLASSES,
  MEDICATIONS,
  NUMERIC_MEASURE_CODES,
  NUMERIC_MEASURES,
} from '@/lib/measures/vocabulary';
import {
  diagnosisCodeSchema,
  factCodeSchema,
  labCodeSchema,
  medicationClassSchema,
  numericMeasureCodeSchema,
  sexSchema,
} from '@/lib/measures/vocabulary-schemas';

describe('measure vocabulary', () => {
  it('has the contract ranges for every numeric measure', () => {
    const ranges = Object.fromEntries(
      NUMERIC_MEASURE_CODES.map((code) => [code, [NUMERIC_MEASURES[code].min, NUMERIC_MEASURES[code].max]]),
    );
    expect(ranges).toEqual({
      age_years: [0, 120],
      weight_kg: [30, 300],
      height_cm: [100, 250],
      bmi: [10, 80],
      sbp: [60, 260],
      dbp: [30, 160],
      heart_rate: [30, 220],
      spo2: [50, 100],
      phq9_total: [0, 27],
      qids_sr_total: [0, 27],
      madrs_total: [0, 60],
      hamd17_total: [0, 52],
      nrs_pain: [0, 10],
      promis_pi_t: [30, 85],
      gad7_total: [0, 21],
      bpi_severity: [0, 10],
      bpi_interference: [0, 10],
      benzodiazepine_lorazepam_eq_mg_day: [0, 40],
    });
  });

  it('describes every code with a non-empty label and short label', () => {
    for (const code of NUMERIC_MEASURE_CODES) {
      expect(NUMERIC_MEASURES[code].code).toBe(code);
      expect(NUMERIC_MEASURES[code].label.length).toBeGreaterThan(0);
      expect(NUMERIC_MEASURES[code].shortLabel.length).toBeGreaterThan(0);
      expect(NUMERIC_MEASURES[code].step).toBeGreaterThan(0);
    }
    for (const code of LAB_CODES) {
      expect(LABS[code].units).toContain(LABS[code].defaultUnit);
      expect(MEASURES[code].kind).toBe('lab');
    }
    for (const code of DIAGNOSIS_CODES) expect(DIAGNOSES[code].label.length).toBeGreaterThan(0);
    for (const code of MEDICATION_CLASSES) expect(MEDICATIONS[code].label.length).toBeGreaterThan(0);
    for (const code of FACT_CODES) expect(FACTS[code].label.length).toBeGreaterThan(0);
  });

  it('uses the labels explanations rely on', () => {
    expect(NUMERIC_MEASURES.phq9_total.label).toBe('PHQ-9 total');
    expect(NUMERIC_MEASURES.phq9_total.shortLabel).toBe('PHQ-9');
    expect(NUMERIC_MEASURES.weight_kg.unit).toBe('kg');
    expect(LABS.alt.defaultUnit).toBe('U/L');
  });

  it('never lets age be entered, and everything else can be', () => {
    expect(NUMERIC_MEASURES.age_years.isEnterable).toBe(false);
    expect(ENTERABLE_NUMERIC_MEASURE_CODES).not.toContain('age_years');
    expect(ENTERABLE_NUMERIC_MEASURE_CODES).toHaveLength(NUMERIC_MEASURE_CODES.length - 1);
  });

  it('keeps codes unique across the value-carrying measures', () => {
    expect(Object.keys(MEASURES)).toHaveLength(NUMERIC_MEASURE_CODES.length + LAB_CODES.length);
  });

  it('zod enums accept known codes and reject unknown ones', () => {
    expect(numericMeasureCodeSchema.safeParse('bmi').success).toBe(true);
    expect(numericMeasureCodeSchema.safeParse('BMI').success).toBe(false);
    expect(labCodeSchema.safeParse('alt').success).toBe(true);
    expect(labCodeSchema.safeParse('ggt').success).toBe(false);
    expect(diagnosisCodeSchema.safeParse('bipolar_disorder').success).toBe(true);
    expect(diagnosisCodeSchema.safeParse('bipolar').success).toBe(false);
    expect(medicationClassSchema.safeParse('maoi').success).toBe(true);
    expect(medicationClassSchema.safeParse('ssri').success).toBe(false);
    expect(factCodeSchema.safeParse('pregnant').success).toBe(true);
    expect(factCodeSchema.safeParse('smoker').success).toBe(false);
    expect(sexSchema.options).toEqual(['female', 'male', 'other', 'unknown']);
  });
});
