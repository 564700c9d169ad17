import { describe, expect, it } from 'vitest';
import { calculateDose, type CalculateDoseInput, type DoseResult } from '@/lib/dosing/calculate-dose';
import { NCT06419439_DOSING, NCT06668571_DOSING } from '@/lib/dosing/seed-protocols';
import type { DosingProtocol } from '@/lib/validations/dosing';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';

const today = new Date('2026-11-22');
const measuredAt = new Date('2026-11-20');

function dose(protocol: DosingProtocol, kg: number, extra: Partial<CalculateDoseInput> = {}): DoseResult {
  return calculateDose({ protocol, weight: { kg, measuredAt }, today, ...extra });
}

function okDose(protocol: DosingProtocol, kg: number, extra: Partial<CalculateDoseInput> = {}) {
  const result = dose(protocol, kg, extra);
  if (!result.ok) throw new Error(`expected a dose, got ${JSON.stringify(result.errors)}`);
  return result;
}

function errorCodes(result: DoseResult): string[] {
  return result.ok ? [] : result.errors.map((error) => error.code);
}

const weightBased = (patch: Partial<DosingProtocol>): DosingProtocol => ({ ...defaultDosingProtocol(), ...patch });

describe('worked examples: 0.5 mg/kg capped at 50 mg (NCT06668571)', () => {
  it('80 kg -> 40 mg, not capped', () => {
    expect(okDose(NCT06668571_DOSING, 80, { sessionNumber: 1 })).toMatchObject({
      doseMg: 40,
      capped: false,
      uncappedDoseMg: 40,
      basisWeightKg: 80,
    });
  });

  it('100 kg -> 50 mg exactly at the cap: given in full, not flagged as capped', () => {
    const result = okDose(NCT06668571_DOSING, 100, { sessionNumber: 1 });
    expect(result).toMatchObject({ doseMg: 50, capped: false, uncappedDoseMg: 50 });
    expect(result.steps).toContain('Cap 50 mg: calculated dose equals the cap and is given in full');
  });

  it('120 kg -> 50 mg, capped (calculated 60 mg)', () => {
    const result = okDose(NCT06668571_DOSING, 120, { sessionNumber: 1 });
    expect(result).toMatchObject({ doseMg: 50, capped: true, uncappedDoseMg: 60 });
    expect(result.steps).toContain('Capped at 50 mg (calculated 60 mg)');
  });

  it('rounding happens before the cap: 100.1 kg -> 50.05 -> 50.1 -> capped to 50', () => {
    const result = okDose(NCT06668571_DOSING, 100.1, { sessionNumber: 1 });
    expect(result).toMatchObject({ doseMg: 50, capped: true, uncappedDoseMg: 50.1 });
    expect(result.steps).toEqual(
      expect.arrayContaining([
        '0.5 mg/kg × 100.1 kg = 50.05 mg',
        'Rounded to 0.1 mg: 50.1 mg',
        'Capped at 50 mg (calculated 50.1 mg)',
      ]),
    );
  });

  it('99.9 kg -> 49.95 -> 50 mg: reaches the cap by rounding, not capped', () => {
    expect(okDose(NCT06668571_DOSING, 99.9, { sessionNumber: 1 })).toMatchObject({ doseMg: 50, capped: false });
  });

  it('has no volume or rate without a concentration or bag volume', () => {
    expect(okDose(NCT06668571_DOSING, 80)).toMatchObject({ volumeMl: null, rateMlPerH: null });
  });
});

describe('worked examples: 0.5 mg/kg, no cap (NCT06419439)', () => {
  it('63.4 kg -> exactly 31.7 mg', () => {
    const result = okDose(NCT06419439_DOSING, 63.4, { sessionNumber: 2 });
    expect(result).toMatchObject({ doseMg: 31.7, capped: false, uncappedDoseMg: 31.7 });
    expect(result.steps).toEqual([
      'Session 2 of 4',
      'Arm dose: 0.5 mg/kg',
      'Basis weight: actual body weight 63.4 kg (measured 2026-11-20)',
      '0.5 mg/kg × 63.4 kg = 31.7 mg',
      'Rounded to 0.1 mg: 31.7 mg',
      'No cap in this protocol',
      'Volume and rate: not calculated (the protocol gives no concentration or diluent volume)',
    ]);
  });

  it('300 kg -> 150 mg: no cap means no cap', () => {
    expect(okDose(NCT06419439_DOSING, 300, { sessionNumber: 1 })).toMatchObject({ doseMg: 150, capped: false });
  });

  it('rejects session 5 of a four-session protocol', () => {
    expect(errorCodes(dose(NCT06419439_DOSING, 80, { sessionNumber: 5 }))).toEqual(['SESSION_OUT_OF_RANGE']);
  });
});

describe('rounding increments', () => {
  it.each([
    [0.1, 31.7],
    [0.5, 31.5],
    [1, 32],
    [2.5, 32.5],
  ])('0.5 mg/kg × 63.4 kg = 31.7 mg, increment %s -> %s mg', (roundingIncrementMg, expected) => {
    expect(okDose(weightBased({ roundingIncrementMg }), 63.4).doseMg).toBe(expected);
  });

  it.each([
    [0.1, 63.5, 31.8],
    [0.5, 63.5, 32],
    [1, 65, 33],
    [2.5, 67.5, 35],
  ])('rounds half up at increment %s: %s kg -> %s mg', (roundingIncrementMg, kg, expected) => {
    expect(okDose(weightBased({ roundingIncrementMg }), kg).doseMg).toBe(expected);
  });

  it('avoids float artefacts: 0.7 mg/kg × 42.5 kg = 29.75 -> 29.8 (floats give 29.749999… -> 29.7)', () => {
    expect(okDose(weightBased({ mgPerKg: 0.7 }), 42.5).doseMg).toBe(29.8);
  });

  it.each([
    // 49.5 / 2.5 = 19.8 -> 20 × 2.5 = 50: reaches the cap by rounding
    [99, 50, false, 50],
    // 50.75 / 2.5 = 20.3 -> 20 × 2.5 = 50: rounds down onto the cap
    [101.5, 50, false, 50],
    // 51.25 / 2.5 = 20.5 -> 21 × 2.5 = 52.5: rounds over the cap, capped to 50
    [102.5, 50, true, 52.5],
  ])(
    '2.5 mg increment with a 50 mg cap: %s kg -> %s mg (capped: %s, uncapped %s mg)',
    (kg, expected, isCapped, uncapped) => {
      const result = okDose(weightBased({ roundingIncrementMg: 2.5, maxMgPerSession: 50 }), kg);
      expect(result).toMatchObject({ doseMg: expected, capped: isCapped, uncappedDoseMg: uncapped });
    },
  );

  it('returns an error when the dose rounds to 0 mg', () => {
    expect(errorCodes(dose(weightBased({ mgPerKg: 0.01, roundingIncrementMg: 1 }), 30))).toEqual([
      'DOSE_ROUNDS_TO_ZERO',
    ]);
  });
});

describe('weight basis', () => {
  const male180 = { heightCm: 180, sex: 'male' as const };

  it('IDEAL: male 180 cm, 120 kg -> IBW 75 kg -> 37.5 mg', () => {
    const result = okDose(weightBased({ weightBasis: 'IDEAL' }), 120, male180);
    expect(result).toMatchObject({ doseMg: 37.5, basisWeightKg: 75 });
    expect(result.steps).toContain('Basis weight: ideal body weight 75 kg (actual 120 kg, measured 2026-11-20)');
  });

  it('IDEAL: actual weight below IBW is used as is (60 kg < 75 kg -> 30 mg)', () => {
    expect(okDose(weightBased({ weightBasis: 'IDEAL' }), 60, male180)).toMatchObject({ doseMg: 30, basisWeightKg: 60 });
  });

  it('ADJUSTED: male 180 cm, 120 kg -> 75 + 0.4 × 45 = 93 kg -> 46.5 mg', () => {
    expect(okDose(weightBased({ weightBasis: 'ADJUSTED' }), 120, male180)).toMatchObject({
      doseMg: 46.5,
      basisWeightKg: 93,
    });
  });

  it('ADJUSTED: female 165 cm, 63.4 kg -> IBW 56.9, AdjBW 59.5 kg -> 29.75 -> 29.8 mg', () => {
    expect(okDose(weightBased({ weightBasis: 'ADJUSTED' }), 63.4, { heightCm: 165, sex: 'female' })).toMatchObject({
      doseMg: 29.8,
      basisWeightKg: 59.5,
    });
  });

  it('ADJUSTED: actual weight below IBW is used as is', () => {
    expect(okDose(weightBased({ weightBasis: 'ADJUSTED' }), 70, male180)).toMatchObject({
      doseMg: 35,
      basisWeightKg: 70,
    });
  });

  // The eight ideal-body-weight worked heights, 63.4 kg, 0.5 mg/kg on adjusted weight, exact fractions by
  // hand. Rounding IBW and AdjBW to 0.1 kg before the dose gave 30.2 mg and 26.4 mg for the two female cases.
  it.each([
    [180, 'male', 31.7], // IBW 74.99 kg > 63.4: actual weight used
    [170, 'male', 31.7], // IBW 65.94 kg > 63.4
    [177.8, 'male', 31.7], // IBW 73 kg > 63.4
    [165, 'female', 29.8], // 0.6 × 56.9094… + 25.36 = 59.5057 kg -> 29.7528 mg
    [160, 'female', 28.4], // 0.6 × 52.3819… + 25.36 = 56.7891 kg -> 28.3946 mg
    [166.37, 'female', 30.1], // 0.6 × 58.15 + 25.36 = 60.25 kg -> 30.125 mg (rounded twice: 30.2)
    [152.4, 'male', 27.7], // 0.6 × 50 + 25.36 = 55.36 kg -> 27.68 mg
    [152.4, 'female', 26.3], // 0.6 × 45.5 + 25.36 = 52.66 kg -> 26.33 mg (rounded twice: 26.4)
  ] as const)('ADJUSTED worked case: %s cm %s, 63.4 kg -> %s mg (one rounding, the dose)', (heightCm, sex, doseMg) => {
    expect(okDose(weightBased({ weightBasis: 'ADJUSTED' }), 63.4, { heightCm, sex }).doseMg).toBe(doseMg);
  });

  it('ADJUSTED steps show weights to 0.1 kg and the exact product the dose is rounded from', () => {
    const result = okDose(weightBased({ weightBasis: 'ADJUSTED' }), 63.4, { heightCm: 152.4, sex: 'female' });
    expect(result.basisWeightKg).toBe(52.7);
    expect(result.steps).toEqual(
      expect.arrayContaining([
        'Basis weight: adjusted body weight 52.7 kg (actual 63.4 kg, measured 2026-11-20)',
        '0.5 mg/kg × 52.66 kg = 26.33 mg',
        'Rounded to 0.1 mg: 26.3 mg',
      ]),
    );
  });

  it('IDEAL uses the exact IBW: male 180 cm is 74.9921… kg, shown as ≈', () => {
    const result = okDose(weightBased({ weightBasis: 'IDEAL' }), 120, { heightCm: 180, sex: 'male' });
    expect(result.steps).toContain('0.5 mg/kg × ≈74.9921 kg = ≈37.4961 mg');
  });

  it.each(['IDEAL', 'ADJUSTED'] as const)('%s without height is an error', (weightBasis) => {
    expect(errorCodes(dose(weightBased({ weightBasis }), 80, { sex: 'male' }))).toEqual(['HEIGHT_MISSING']);
  });

  it('IDEAL with sex "other" asks for a formula choice', () => {
    expect(errorCodes(dose(weightBased({ weightBasis: 'IDEAL' }), 80, { heightCm: 170, sex: 'other' }))).toEqual([
      'SEX_REQUIRED_FOR_IBW',
    ]);
  });

  it('IDEAL below 152.4 cm is an error', () => {
    expect(errorCodes(dose(weightBased({ weightBasis: 'IDEAL' }), 50, { heightCm: 150, sex: 'female' }))).toEqual([
      'HEIGHT_BELOW_DEVINE_MINIMUM',
    ]);
  });

  it('ACTUAL needs neither height nor sex', () => {
    expect(okDose(weightBased({ weightBasis: 'ACTUAL' }), 80).doseMg).toBe(40);
  });
});

describe('weight checks', () => {
  it('missing weight is an error', () => {
    expect(errorCodes(calculateDose({ protocol: NCT06668571_DOSING, weight: null, today }))).toEqual([
      'WEIGHT_MISSING',
    ]);
  });

  it('accepts a weight exactly 7 days old and rejects one 8 days old', () => {
    const base = { protocol: NCT06668571_DOSING, today: new Date('2026-11-27') };
    expect(calculateDose({ ...base, weight: { kg: 80, measuredAt: new Date('2026-11-20') } }).ok).toBe(true);
    expect(errorCodes(calculateDose({ ...base, weight: { kg: 80, measuredAt: new Date('2026-11-19') } }))).toEqual([
      'WEIGHT_STALE',
    ]);
  });

  it('uses the protocol weight window', () => {
    const protocol = weightBased({ weightWindowDays: 1 });
    expect(
      errorCodes(calculateDose({ protocol, weight: { kg: 80, measuredAt: new Date('2026-11-20') }, today })),
    ).toEqual(['WEIGHT_STALE']);
  });

  it('rejects a weight dated in the future', () => {
    expect(
      errorCodes(
        calculateDose({ protocol: NCT06668571_DOSING, weight: { kg: 80, measuredAt: new Date('2026-11-23') }, today }),
      ),
    ).toEqual(['WEIGHT_IN_FUTURE']);
  });

  it.each([30, 300])('accepts %s kg', (kg) => {
    expect(dose(NCT06419439_DOSING, kg).ok).toBe(true);
  });

  it.each([29.9, 300.1])('rejects %s kg', (kg) => {
    expect(errorCodes(dose(NCT06419439_DOSING, kg))).toEqual(['WEIGHT_OUT_OF_RANGE']);
  });

  it('rejects an invalid today', () => {
    expect(errorCodes(dose(NCT06419439_DOSING, 80, { today: new Date('nope') }))).toEqual(['DATE_INVALID']);
  });
});

describe('placebo and fixed doses', () => {
  const placebo = weightBased({
    doseMode: 'PLACEBO',
    mgPerKg: null,
    weightBasis: null,
    diluentVolumeMl: 100,
    infusionMinutes: 40,
  });

  it('placebo: 0 mg with the same bag volume and rate', () => {
    const result = okDose(placebo, 80);
    expect(result).toMatchObject({
      doseMg: 0,
      capped: false,
      uncappedDoseMg: 0,
      basisWeightKg: 80,
      volumeMl: 100,
      rateMlPerH: 150,
    });
    expect(result.steps).toContain('Placebo session: no active drug (0 mg)');
    expect(result.steps).toContain('Rate: 100 mL over 40 min = 150 mL/h');
  });

  it('placebo still needs a current weight, so every arm follows the same workflow', () => {
    expect(errorCodes(calculateDose({ protocol: placebo, weight: null, today }))).toEqual(['WEIGHT_MISSING']);
  });

  it('placebo without a bag volume has no volume', () => {
    expect(okDose(weightBased({ doseMode: 'PLACEBO', mgPerKg: null, weightBasis: null }), 80)).toMatchObject({
      doseMg: 0,
      volumeMl: null,
    });
  });

  it('fixed: 25 mg whatever the weight', () => {
    const fixed = weightBased({ doseMode: 'FIXED', mgPerKg: null, weightBasis: null, fixedMg: 25 });
    expect(okDose(fixed, 40)).toMatchObject({ doseMg: 25, capped: false, basisWeightKg: 40 });
    expect(okDose(fixed, 140).doseMg).toBe(25);
  });

  it('fixed: the cap still applies', () => {
    const fixed = weightBased({
      doseMode: 'FIXED',
      mgPerKg: null,
      weightBasis: null,
      fixedMg: 60,
      maxMgPerSession: 50,
    });
    expect(okDose(fixed, 80)).toMatchObject({ doseMg: 50, capped: true, uncappedDoseMg: 60 });
  });
});

describe('dose steps and extension', () => {
  const escalating = weightBased({
    sessionCount: 4,
    doseSteps: [
      { sessionNumber: 2, mgPerKg: null, fixedMg: 30 },
      { sessionNumber: 3, mgPerKg: 0.75, fixedMg: null },
      { sessionNumber: 4, mgPerKg: 1, fixedMg: null },
    ],
    maxMgPerSession: 70,
  });

  it.each([
    [1, 40, false],
    [2, 30, false],
    [3, 60, false],
    [4, 70, true],
  ])('80 kg, session %s -> %s mg (capped: %s)', (sessionNumber, expected, isCapped) => {
    expect(okDose(escalating, 80, { sessionNumber })).toMatchObject({ doseMg: expected, capped: isCapped });
  });

  it('names the dose step in the steps', () => {
    expect(okDose(escalating, 80, { sessionNumber: 3 }).steps).toContain('Dose step for session 3: 0.75 mg/kg');
  });

  it('needs a session number when sessions differ', () => {
    expect(errorCodes(dose(escalating, 80))).toEqual(['SESSION_REQUIRED']);
  });

  it.each([0, 5, 1.5, -1])('rejects session %s', (sessionNumber) => {
    expect(errorCodes(dose(escalating, 80, { sessionNumber }))).toEqual(['SESSION_OUT_OF_RANGE']);
  });

  it('extension session (sessionCount + 1) uses its own dose and the cap', () => {
    const result = okDose(NCT06668571_DOSING, 120, { sessionNumber: 2 });
    expect(result).toMatchObject({ doseMg: 50, capped: true });
    expect(result.steps[0]).toBe('Session 2: Optional open-label ketamine infusion (extension, open label)');
    expect(result.steps[1]).toBe('Extension dose: 0.5 mg/kg');
  });

  it('extension without its own dose uses the arm dose', () => {
    const protocol = weightBased({
      mgPerKg: 0.8,
      extension: { ...NCT06668571_DOSING.extension!, mgPerKg: null },
    });
    const result = okDose(protocol, 50, { sessionNumber: 2 });
    expect(result.doseMg).toBe(40);
    expect(result.steps[1]).toBe('Arm dose (extension has no dose of its own): 0.8 mg/kg');
  });

  it('extension with a fixed dose', () => {
    const protocol = weightBased({ extension: { ...NCT06668571_DOSING.extension!, mgPerKg: null, fixedMg: 35 } });
    expect(okDose(protocol, 80, { sessionNumber: 2 }).doseMg).toBe(35);
  });

  it('placebo arm: blinded session is 0 mg, open-label extension is active', () => {
    const placeboArm = { ...NCT06668571_DOSING, doseMode: 'PLACEBO' as const, mgPerKg: null };
    expect(okDose(placeboArm, 80, { sessionNumber: 1 }).doseMg).toBe(0);
    expect(okDose(placeboArm, 80, { sessionNumber: 2 })).toMatchObject({ doseMg: 40, capped: false });
  });

  it('rejects session 2 when there is no extension', () => {
    expect(errorCodes(dose(weightBased({}), 80, { sessionNumber: 2 }))).toEqual(['SESSION_OUT_OF_RANGE']);
  });
});

describe('volume and rate', () => {
  it('80 kg at 10 mg/mL over 40 min: 40 mg, 4 mL, 6 mL/h, every step in words', () => {
    const protocol = { ...NCT06668571_DOSING, concentrationMgPerMl: 10 };
    expect(okDose(protocol, 80, { sessionNumber: 1 })).toEqual({
      ok: true,
      doseMg: 40,
      capped: false,
      uncappedDoseMg: 40,
      basisWeightKg: 80,
      volumeMl: 4,
      rateMlPerH: 6,
      steps: [
        'Session 1 of 1',
        'Arm dose: 0.5 mg/kg',
        'Basis weight: actual body weight 80 kg (measured 2026-11-20)',
        '0.5 mg/kg × 80 kg = 40 mg',
        'Rounded to 0.1 mg: 40 mg',
        'Cap 50 mg not reached',
        'Volume: 40 mg ÷ 10 mg/mL = 4 mL',
        'Rate: 4 mL over 40 min = 6 mL/h',
      ],
    });
  });

  it('volume is from the capped dose: 120 kg -> 50 mg -> 5 mL -> 7.5 mL/h', () => {
    expect(okDose({ ...NCT06668571_DOSING, concentrationMgPerMl: 10 }, 120)).toMatchObject({
      doseMg: 50,
      volumeMl: 5,
      rateMlPerH: 7.5,
    });
  });

  it('rounds volume to 0.1 mL and shows the unrounded value: 31.7 mg ÷ 50 mg/mL = 0.634 -> 0.6 mL', () => {
    const result = okDose(weightBased({ concentrationMgPerMl: 50 }), 63.4);
    expect(result).toMatchObject({ volumeMl: 0.6, rateMlPerH: 0.9 });
    expect(result.steps).toContain('Volume: 31.7 mg ÷ 50 mg/mL = 0.634 mL, rounded to 0.6 mL');
  });

  it('marks non-terminating volumes as approximate and rates from the rounded volume', () => {
    const result = okDose(weightBased({ concentrationMgPerMl: 3 }), 63.4);
    expect(result).toMatchObject({ volumeMl: 10.6, rateMlPerH: 15.9 });
    expect(result.steps).toContain('Volume: 31.7 mg ÷ 3 mg/mL ≈ 10.567 mL, rounded to 10.6 mL');
  });

  it('marks rounded rates as approximate: 4 mL over 7 min ≈ 34.3 mL/h', () => {
    const result = okDose(weightBased({ concentrationMgPerMl: 10, infusionMinutes: 7 }), 80);
    expect(result.rateMlPerH).toBe(34.3);
    expect(result.steps).toContain('Rate: 4 mL over 7 min ≈ 34.3 mL/h (to 0.1 mL/h)');
  });

  it('uses the bag volume when only a diluent volume is set', () => {
    const result = okDose(weightBased({ diluentVolumeMl: 100 }), 80);
    expect(result).toMatchObject({ doseMg: 40, volumeMl: 100, rateMlPerH: 150 });
    expect(result.steps).toContain('Volume: 100 mL bag (diluent volume from the protocol, containing the 40 mg dose)');
  });

  it('gives a volume but no rate without an infusion duration', () => {
    expect(okDose(weightBased({ concentrationMgPerMl: 10, infusionMinutes: null }), 80)).toMatchObject({
      volumeMl: 4,
      rateMlPerH: null,
    });
  });

  it('refuses a volume too small to measure', () => {
    expect(errorCodes(dose(weightBased({ mgPerKg: 0.01, concentrationMgPerMl: 100 }), 30))).toEqual([
      'VOLUME_TOO_SMALL',
    ]);
  });
});

describe('protocol validation', () => {
  it('re-validates the protocol and reports per-field errors', () => {
    const broken = { ...defaultDosingProtocol(), mgPerKg: null };
    const result = dose(broken, 80);
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: 'protocol.mgPerKg', code: 'PROTOCOL_INVALID' })],
    });
  });

  it('reports session and weight problems together', () => {
    expect(errorCodes(calculateDose({ protocol: NCT06419439_DOSING, weight: null, today, sessionNumber: 9 }))).toEqual([
      'SESSION_OUT_OF_RANGE',
      'WEIGHT_MISSING',
    ]);
  });
});
