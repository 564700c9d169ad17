import { describe, expect, it } from 'vitest';
import { isHeightNeeded, vitalsTimepoints } from './visit-steps';

describe('vitalsTimepoints', () => {
  it('[CLINICIAN] records vitals 15 minutes in, at the end of a 40-minute infusion, after it and at discharge', () => {
    expect(vitalsTimepoints(40)).toEqual(['T+15', 'T+40', 'POST', 'DISCHARGE']);
  });

  it('[CLINICIAN] of a 15-minute infusion gets one T+15 timepoint, not two', () => {
    expect(vitalsTimepoints(15)).toEqual(['T+15', 'POST', 'DISCHARGE']);
  });

  it('[CLINICIAN] blinded to the protocol gets the 40-minute default', () => {
    expect(vitalsTimepoints(null)).toEqual(['T+15', 'T+40', 'POST', 'DISCHARGE']);
  });
});

describe('isHeightNeeded', () => {
  it('[CLINICIAN] enters a height for ideal or adjusted body weight, or when the protocol is withheld', () => {
    expect(isHeightNeeded({ weightBasis: 'IDEAL' })).toBe(true);
    expect(isHeightNeeded({ weightBasis: 'ADJUSTED' })).toBe(true);
    expect(isHeightNeeded(null)).toBe(true);
  });

  it('[CLINICIAN] dosing on actual body weight is not asked for a height', () => {
    expect(isHeightNeeded({ weightBasis: 'ACTUAL' })).toBe(false);
    expect(isHeightNeeded({ weightBasis: null })).toBe(false);
  });
});
