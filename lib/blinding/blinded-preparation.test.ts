import { describe, expect, it } from 'vitest';
import { NCT06668571_DOSING } from '@/lib/validations/dosing';
import { blindedPreparation } from './blinded-preparation';

const placebo = {
  ...NCT06668571_DOSING,
  doseMode: 'PLACEBO' as const,
  mgPerKg: null,
  weightBasis: null,
  maxMgPerSession: null,
};

describe('blindedPreparation', () => {
  it('NCT06668571 states no bag volume: blinded staff get the drug label and no volume or rate', () => {
    expect(blindedPreparation([NCT06668571_DOSING, placebo])).toEqual({
      label: 'Study drug per protocol',
      volumeMl: null,
      rateMlPerH: null,
    });
  });

  it('a 100 mL bag over 40 minutes for every arm shows 100 mL at 150 mL/h, the same for active and placebo', () => {
    const active = { ...NCT06668571_DOSING, diluentVolumeMl: 100 };
    const matched = { ...placebo, diluentVolumeMl: 100 };
    expect(blindedPreparation([active, matched])).toEqual({
      label: 'Study drug per protocol',
      volumeMl: 100,
      rateMlPerH: 150,
    });
    expect(blindedPreparation([matched, active])).toEqual(blindedPreparation([active, matched]));
  });

  it('shows nothing when the arms differ in bag or time, or when volume follows the dose', () => {
    expect(
      blindedPreparation([
        { ...NCT06668571_DOSING, diluentVolumeMl: 100 },
        { ...placebo, diluentVolumeMl: 50 },
      ]).volumeMl,
    ).toBeNull();
    expect(
      blindedPreparation([
        { ...NCT06668571_DOSING, diluentVolumeMl: 100 },
        { ...placebo, diluentVolumeMl: 100, infusionMinutes: 60 },
      ]).volumeMl,
    ).toBeNull();
    expect(
      blindedPreparation([{ ...NCT06668571_DOSING, concentrationMgPerMl: 10, diluentVolumeMl: null }]).volumeMl,
    ).toBeNull();
  });
});
