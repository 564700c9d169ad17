import { describe, expect, it } from 'vitest';
import { calculateAdjustedBodyWeight, calculateIdealBodyWeight } from '@/lib/dosing/ideal-body-weight';

// Hand calculations (Devine): IBW = base + 2.3 × (cm ÷ 2.54 − 60), base 50 kg male / 45.5 kg female.
describe('calculateIdealBodyWeight', () => {
  it.each([
    // 180 cm = 70.866 in; 50 + 2.3 × 10.866 = 74.992 -> 75
    [180, 'male', 75],
    // 170 cm = 66.929 in; 50 + 2.3 × 6.929 = 65.937 -> 65.9
    [170, 'male', 65.9],
    // 177.8 cm = 70 in exactly; 50 + 2.3 × 10 = 73
    [177.8, 'male', 73],
    // 165 cm = 64.961 in; 45.5 + 2.3 × 4.961 = 56.909 -> 56.9
    [165, 'female', 56.9],
    // 160 cm = 62.992 in; 45.5 + 2.3 × 2.992 = 52.382 -> 52.4
    [160, 'female', 52.4],
    // 166.37 cm = 65.5 in exactly; 45.5 + 2.3 × 5.5 = 58.15 -> 58.2 (half up; floats give 58.149999…)
    [166.37, 'female', 58.2],
    // 152.4 cm = 60 in exactly: the base weight
    [152.4, 'male', 50],
    [152.4, 'female', 45.5],
  ] as const)('%s cm %s -> %s kg', (heightCm, sex, expectedKg) => {
    const result = calculateIdealBodyWeight({ heightCm, sex });
    expect(result).toMatchObject({ ok: true, idealKg: expectedKg, formulaSex: sex });
  });

  it('describes the formula in its step', () => {
    const result = calculateIdealBodyWeight({ heightCm: 180, sex: 'male' });
    expect(result.ok && result.step).toBe(
      'Ideal body weight (Devine, male formula): 50 kg + 2.3 kg × (180 cm ÷ 2.54 − 60 in) = 75 kg (to 0.1 kg)',
    );
  });

  it('refuses heights below 152.4 cm instead of clamping', () => {
    const result = calculateIdealBodyWeight({ heightCm: 152.3, sex: 'male' });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'heightCm', code: 'HEIGHT_BELOW_DEVINE_MINIMUM' })],
    });
  });

  it.each([99.9, 250.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses implausible height %s', (heightCm) => {
    const result = calculateIdealBodyWeight({ heightCm, sex: 'female' });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'HEIGHT_OUT_OF_RANGE' })] });
  });

  it('accepts 250 cm, the top of the plausible range', () => {
    // 250 / 2.54 = 98.425 in; 50 + 2.3 × 38.425 = 138.378 -> 138.4
    expect(calculateIdealBodyWeight({ heightCm: 250, sex: 'male' })).toMatchObject({ ok: true, idealKg: 138.4 });
  });

  it.each([null, undefined])('needs a height (%s)', (heightCm) => {
    const result = calculateIdealBodyWeight({ heightCm, sex: 'male' });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'heightCm', code: 'HEIGHT_MISSING' })],
    });
  });

  it.each(['other', 'unknown', null, undefined] as const)('asks a clinician to choose a formula for sex %s', (sex) => {
    const result = calculateIdealBodyWeight({ heightCm: 170, sex });
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'sex', code: 'SEX_REQUIRED_FOR_IBW' })],
    });
  });

  it('reports height and sex problems together', () => {
    const result = calculateIdealBodyWeight({ heightCm: null, sex: 'unknown' });
    expect(result.ok ? [] : result.errors.map((error) => error.code)).toEqual([
      'HEIGHT_MISSING',
      'SEX_REQUIRED_FOR_IBW',
    ]);
  });
});

describe('calculateAdjustedBodyWeight', () => {
  it('75 kg IBW, 120 kg actual: 75 + 0.4 × 45 = 93 kg', () => {
    expect(calculateAdjustedBodyWeight({ actualKg: 120, idealKg: 75 })).toMatchObject({
      adjustedKg: 93,
      isActualUsed: false,
      step: 'Adjusted body weight: 75 kg + 0.4 × (120 kg − 75 kg) = 93 kg (to 0.1 kg)',
    });
  });

  it('56.9 kg IBW, 63.4 kg actual: 56.9 + 0.4 × 6.5 = 59.5 kg', () => {
    expect(calculateAdjustedBodyWeight({ actualKg: 63.4, idealKg: 56.9 }).adjustedKg).toBe(59.5);
  });

  it('keeps the exact IBW: 58.15 + 0.4 × (63.4 − 58.15) = 60.25 kg, shown as 60.3 kg', () => {
    const ideal = calculateIdealBodyWeight({ heightCm: 166.37, sex: 'female' });
    if (!ideal.ok) throw new Error('expected an ideal body weight');
    const adjusted = calculateAdjustedBodyWeight({
      actualKg: 63.4,
      idealKg: ideal.idealKg,
      exactIdealKg: ideal.exactKg,
    });
    expect(adjusted.adjustedKg).toBe(60.3);
    expect(adjusted.step).toBe(
      'Adjusted body weight: 58.2 kg + 0.4 × (63.4 kg − 58.2 kg) = 60.3 kg (to 0.1 kg; the dose uses the unrounded 60.25 kg)',
    );
  });

  it('shows half up to 0.1 kg: 56.9 + 0.4 × 6.625 = 59.55 -> 59.6', () => {
    expect(calculateAdjustedBodyWeight({ actualKg: 63.525, idealKg: 56.9 }).adjustedKg).toBe(59.6);
  });

  it('equals IBW when actual equals IBW', () => {
    expect(calculateAdjustedBodyWeight({ actualKg: 75, idealKg: 75 })).toMatchObject({
      adjustedKg: 75,
      isActualUsed: false,
    });
  });

  it('uses actual weight when it is below IBW', () => {
    expect(calculateAdjustedBodyWeight({ actualKg: 74.9, idealKg: 75 })).toMatchObject({
      adjustedKg: 74.9,
      isActualUsed: true,
    });
  });
});
