import { describe, expect, it } from 'vitest';
import { isIsoDate, measurementInputSchema } from '@/lib/measures/measurement-input';
import { normalizeMeasurement } from '@/lib/measures/normalize-measurement';

const day = '2026-11-02';

function errorsOf(input: unknown, today?: string) {
  const result = normalizeMeasurement(input, { today });
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.measurement)}`);
  return result.errors;
}

function valueOf(input: unknown, today?: string) {
  const result = normalizeMeasurement(input, { today });
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.measurement;
}

describe('normalizeMeasurement: numeric measures', () => {
  it('keeps a value entered in the canonical unit', () => {
    expect(valueOf({ code: 'phq9_total', value: 14, measuredAt: day })).toEqual({
      type: 'number',
      code: 'phq9_total',
      value: 14,
      measuredAt: day,
      enteredValue: 14,
      enteredUnit: '',
    });
    expect(valueOf({ code: 'weight_kg', value: 70.4, unit: 'kg', measuredAt: day })).toMatchObject({
      value: 70.4,
      enteredUnit: 'kg',
    });
  });

  it('converts pounds to kilograms (1 lb = 0.45359237 kg), keeping two decimals', () => {
    expect(valueOf({ code: 'weight_kg', value: 154, unit: 'lb', measuredAt: day })).toMatchObject({
      value: 69.85,
      enteredValue: 154,
      enteredUnit: 'lb',
    });
    expect(valueOf({ code: 'weight_kg', value: 220.462262, unit: 'lb', measuredAt: day })).toMatchObject({
      value: 100,
    });
  });

  it('converts inches to centimetres', () => {
    expect(valueOf({ code: 'height_cm', value: 70, unit: 'in', measuredAt: day })).toMatchObject({ value: 177.8 });
  });

  it('checks the range after conversion, inclusive at both ends', () => {
    expect(valueOf({ code: 'weight_kg', value: 30, measuredAt: day })).toMatchObject({ value: 30 });
    expect(valueOf({ code: 'weight_kg', value: 300, measuredAt: day })).toMatchObject({ value: 300 });
    expect(errorsOf({ code: 'weight_kg', value: 29.9, measuredAt: day })).toEqual({
      value: ['Weight must be between 30 and 300 kg'],
    });
    expect(errorsOf({ code: 'weight_kg', value: 300.1, measuredAt: day })).toEqual({
      value: ['Weight must be between 30 and 300 kg'],
    });
    expect(errorsOf({ code: 'weight_kg', value: 700, unit: 'lb', measuredAt: day })).toEqual({
      value: ['Weight must be between 30 and 300 kg (700 lb = 317.51 kg)'],
    });
    expect(valueOf({ code: 'weight_kg', value: 66.14, unit: 'lb', measuredAt: day })).toMatchObject({ value: 30 });
    expect(errorsOf({ code: 'phq9_total', value: 28, measuredAt: day })).toEqual({
      value: ['PHQ-9 total must be between 0 and 27'],
    });
    expect(errorsOf({ code: 'phq9_total', value: -1, measuredAt: day })).toEqual({
      value: ['PHQ-9 total must be between 0 and 27'],
    });
    expect(errorsOf({ code: 'sbp', value: 261, measuredAt: day })).toEqual({
      value: ['SBP must be between 60 and 260 mmHg'],
    });
  });

  it('rejects fractions on whole-number scales but allows them on averaged scales', () => {
    expect(errorsOf({ code: 'phq9_total', value: 14.5, measuredAt: day })).toEqual({
      value: ['PHQ-9 total must be a whole number'],
    });
    expect(valueOf({ code: 'bpi_severity', value: 6.25, measuredAt: day })).toMatchObject({ value: 6.25 });
  });

  it('rejects units the measure does not accept', () => {
    expect(errorsOf({ code: 'weight_kg', value: 70, unit: 'stone', measuredAt: day })).toEqual({
      unit: ['Weight unit must be kg or lb'],
    });
    expect(errorsOf({ code: 'phq9_total', value: 10, unit: 'kg', measuredAt: day })).toEqual({
      unit: ['PHQ-9 total has no unit'],
    });
  });

  it('refuses age, unknown codes and missing codes', () => {
    expect(errorsOf({ code: 'age_years', value: 40, measuredAt: day })).toEqual({
      code: ['Age is computed from the date of birth and cannot be entered'],
    });
    expect(errorsOf({ code: 'ggt', value: 40, measuredAt: day })).toEqual({ code: ['Unknown measure code "ggt"'] });
    expect(errorsOf({ code: 'dx:flu', isPresent: true, measuredAt: day })).toEqual({
      code: ['Unknown measure code "dx:flu"'],
    });
    expect(errorsOf({ value: 40, measuredAt: day })).toEqual({ code: ['Choose what is being entered'] });
    expect(errorsOf(null)).toEqual({ form: ['Enter a measurement'] });
  });

  it('rejects non-numbers, bad dates and unexpected fields', () => {
    expect(errorsOf({ code: 'sbp', value: '120', measuredAt: day }).value).toEqual(['Enter a number']);
    expect(errorsOf({ code: 'sbp', value: Number.NaN, measuredAt: day }).value).toBeDefined();
    expect(errorsOf({ code: 'sbp', value: 120, measuredAt: '2026-02-30' })).toEqual({
      measuredAt: ['Enter a valid date (YYYY-MM-DD)'],
    });
    expect(errorsOf({ code: 'sbp', value: 120, measuredAt: '02/11/2026' })).toEqual({
      measuredAt: ['Enter a valid date (YYYY-MM-DD)'],
    });
    expect(errorsOf({ code: 'sbp', value: 120, measuredAt: day, note: 'x' }).form).toHaveLength(1);
  });

  it('rejects dates after today only when today is given', () => {
    expect(errorsOf({ code: 'sbp', value: 120, measuredAt: '2026-11-03' }, '2026-11-02')).toEqual({
      measuredAt: ['Date cannot be in the future'],
    });
    expect(valueOf({ code: 'sbp', value: 120, measuredAt: '2026-11-02' }, '2026-11-02')).toMatchObject({ value: 120 });
    expect(valueOf({ code: 'sbp', value: 120, measuredAt: '2026-11-03' })).toMatchObject({ value: 120 });
    expect(() => normalizeMeasurement({ code: 'sbp', value: 120, measuredAt: day }, { today: 'yesterday' })).toThrow(
      /invalid today/,
    );
  });
});

describe('normalizeMeasurement: labs', () => {
  it('keeps value and reference limits, defaulting the unit', () => {
    expect(valueOf({ code: 'alt', value: 81, uln: 40, measuredAt: day })).toEqual({
      type: 'lab',
      code: 'alt',
      value: 81,
      uln: 40,
      lln: null,
      unit: 'U/L',
      measuredAt: day,
    });
    expect(
      valueOf({ code: 'creatinine', value: 90, uln: 110, lln: 60, unit: 'µmol/L', measuredAt: day }),
    ).toMatchObject({ unit: 'µmol/L', lln: 60 });
  });

  it('needs a reference limit to compare against', () => {
    expect(errorsOf({ code: 'alt', value: 81, measuredAt: day })).toEqual({
      uln: ['Enter the ALT reference limit (ULN or LLN) from the lab report'],
    });
    expect(errorsOf({ code: 'alt', value: 81, uln: null, lln: null, measuredAt: day }).uln).toHaveLength(1);
    expect(valueOf({ code: 'tsh', value: 0.2, lln: 0.4, measuredAt: day })).toMatchObject({ uln: null, lln: 0.4 });
  });

  it('rejects impossible limits, negative values and foreign units', () => {
    expect(errorsOf({ code: 'alt', value: 81, uln: 0, measuredAt: day })).toEqual({
      uln: ['ALT ULN must be above 0 and at most 10000'],
    });
    expect(errorsOf({ code: 'alt', value: 81, uln: 40, lln: 40, measuredAt: day })).toEqual({
      lln: ['ALT LLN must be below the ULN'],
    });
    expect(errorsOf({ code: 'alt', value: -1, uln: 40, measuredAt: day })).toEqual({
      value: ['ALT must be between 0 and 10000'],
    });
    expect(errorsOf({ code: 'alt', value: 81, uln: 40, unit: 'mg/dL', measuredAt: day })).toEqual({
      unit: ['ALT unit must be U/L'],
    });
  });
});

describe('normalizeMeasurement: diagnoses, medications and facts', () => {
  it('maps prefixed codes to the candidate shapes', () => {
    expect(valueOf({ code: 'dx:bipolar_disorder', isPresent: false, measuredAt: day })).toEqual({
      type: 'diagnosis',
      code: 'bipolar_disorder',
      isPresent: false,
      recordedAt: day,
    });
    expect(
      valueOf({ code: 'med:benzodiazepine', isCurrent: false, lastDoseAt: '2026-10-01', measuredAt: day }),
    ).toEqual({
      type: 'medication',
      class: 'benzodiazepine',
      isCurrent: false,
      lastDoseAt: '2026-10-01',
      isNeverTaken: false,
      recordedAt: day,
    });
    expect(valueOf({ code: 'med:opioid', isCurrent: true, measuredAt: day })).toMatchObject({ lastDoseAt: null });
    expect(valueOf({ code: 'med:maoi', isCurrent: false, isNeverTaken: true, measuredAt: day })).toMatchObject({
      lastDoseAt: null,
      isNeverTaken: true,
    });
    expect(valueOf({ code: 'fact:pregnant', value: false, measuredAt: day })).toEqual({
      type: 'fact',
      code: 'pregnant',
      value: false,
      recordedAt: day,
    });
  });

  it('rejects "never taken" together with current use or a last dose', () => {
    const contradiction = { isNeverTaken: ['Never taken contradicts current use or a last dose; choose one'] };
    expect(errorsOf({ code: 'med:maoi', isCurrent: true, isNeverTaken: true, measuredAt: day })).toEqual(contradiction);
    expect(
      errorsOf({ code: 'med:maoi', isCurrent: false, isNeverTaken: true, lastDoseAt: '2026-10-01', measuredAt: day }),
    ).toEqual(contradiction);
  });

  it('rejects a last dose after the day it was recorded and missing answers', () => {
    expect(errorsOf({ code: 'med:maoi', isCurrent: false, lastDoseAt: '2026-11-03', measuredAt: day })).toEqual({
      lastDoseAt: ['Last dose cannot be after the date it was recorded'],
    });
    expect(errorsOf({ code: 'dx:glaucoma', measuredAt: day })).toEqual({ isPresent: ['Choose present or absent'] });
    expect(errorsOf({ code: 'fact:veteran', value: 'yes', measuredAt: day })).toEqual({ value: ['Choose yes or no'] });
  });
});

describe('measurement input schema', () => {
  it('parses every entry family and rejects an unknown code', () => {
    expect(measurementInputSchema.safeParse({ code: 'alt', value: 1, uln: 40, measuredAt: day }).success).toBe(true);
    expect(measurementInputSchema.safeParse({ code: 'fact:veteran', value: true, measuredAt: day }).success).toBe(true);
    expect(measurementInputSchema.safeParse({ code: 'age_years', value: 40, measuredAt: day }).success).toBe(false);
  });

  it('validates real calendar days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
  });
});
