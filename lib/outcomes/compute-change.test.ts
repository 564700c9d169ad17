import { describe, expect, it } from 'vitest';
import { computeChange, isRemission, isResponse } from './compute-change';

describe('computeChange', () => {
  it('PHQ-9 20 -> 10 is a change of -10 and -50%', () => {
    expect(computeChange({ baseline: 20, current: 10 })).toEqual({ change: -10, percentChange: -50 });
  });

  it('20 -> 11 is -9 and -45%; a worsening 10 -> 15 is +5 and +50%', () => {
    expect(computeChange({ baseline: 20, current: 11 })).toEqual({ change: -9, percentChange: -45 });
    expect(computeChange({ baseline: 10, current: 15 })).toEqual({ change: 5, percentChange: 50 });
  });

  it('has no % change from a zero baseline, but still a change', () => {
    expect(computeChange({ baseline: 0, current: 3 })).toEqual({ change: 3, percentChange: null });
  });

  it('returns nulls when either score is missing', () => {
    expect(computeChange({ baseline: null, current: 3 })).toEqual({ change: null, percentChange: null });
    expect(computeChange({ baseline: 12, current: null })).toEqual({ change: null, percentChange: null });
  });
});

describe('isResponse', () => {
  it('PHQ-9 20 -> 10 (-50%) is a response; 20 -> 11 (-45%) is not', () => {
    expect(isResponse({ instrument: 'PHQ9', baseline: 20, current: 10 })).toBe(true);
    expect(isResponse({ instrument: 'PHQ9', baseline: 20, current: 11 })).toBe(false);
  });

  it('handles odd baselines exactly: QIDS 15 -> 7 (-53%) responds, 15 -> 8 (-47%) does not', () => {
    expect(isResponse({ instrument: 'QIDS_SR16', baseline: 15, current: 7 })).toBe(true);
    expect(isResponse({ instrument: 'QIDS_SR16', baseline: 15, current: 8 })).toBe(false);
  });

  it('works on decimal scores (BPI interference 6.5 -> 3.25 responds, 6.5 -> 3.3 does not)', () => {
    expect(isResponse({ instrument: 'BPI_SF', baseline: 6.5, current: 3.25 })).toBe(true);
    expect(isResponse({ instrument: 'BPI_SF', baseline: 6.5, current: 3.3 })).toBe(false);
  });

  it('counts worsening as non-response', () => {
    expect(isResponse({ instrument: 'NRS', baseline: 4, current: 8 })).toBe(false);
  });

  it('is null for a zero or missing baseline, a missing current score, and for PROMIS and CADSS', () => {
    expect(isResponse({ instrument: 'PHQ9', baseline: 0, current: 0 })).toBeNull();
    expect(isResponse({ instrument: 'PHQ9', baseline: null, current: 3 })).toBeNull();
    expect(isResponse({ instrument: 'PHQ9', baseline: 20, current: null })).toBeNull();
    expect(isResponse({ instrument: 'PROMIS_PI', baseline: 70, current: 30 })).toBeNull();
    expect(isResponse({ instrument: 'CADSS', baseline: 40, current: 0 })).toBeNull();
  });
});

describe('isRemission', () => {
  it('PHQ-9: 4 is remission, 5 is not', () => {
    expect(isRemission({ instrument: 'PHQ9', total: 4 })).toBe(true);
    expect(isRemission({ instrument: 'PHQ9', total: 5 })).toBe(false);
  });

  it('QIDS-SR16: 5 is remission, 6 is not', () => {
    expect(isRemission({ instrument: 'QIDS_SR16', total: 5 })).toBe(true);
    expect(isRemission({ instrument: 'QIDS_SR16', total: 6 })).toBe(false);
  });

  it('is null for other instruments and for a missing total', () => {
    expect(isRemission({ instrument: 'GAD7', total: 0 })).toBeNull();
    expect(isRemission({ instrument: 'BDI_II', total: 0 })).toBeNull();
    expect(isRemission({ instrument: 'PHQ9', total: null })).toBeNull();
  });
});
