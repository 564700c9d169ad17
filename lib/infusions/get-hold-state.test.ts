import { describe, expect, it } from 'vitest';
import { getHoldState } from './get-hold-state';

// Default clinic rule: an infusion is held when SBP > 160 or DBP > 100 mmHg.
const rule = { holdSbpAbove: 160, holdDbpAbove: 100 };
const hold = (sbp: number | null, dbp: number | null, overrideReason: string | null = null) =>
  getHoldState({ latestPre: { sbp, dbp }, rule, overrideReason });

describe('getHoldState (blood-pressure hold rule)', () => {
  it('does not hold exactly on the limits', () => {
    expect(hold(160, 100)).toMatchObject({ isHeld: false, blocksInfusion: false, reason: null });
  });

  it('holds one mmHg above either limit, naming the reading', () => {
    expect(hold(161, 80)).toMatchObject({
      isHeld: true,
      blocksInfusion: true,
      reason: 'SBP 161 mmHg is above 160 mmHg',
    });
    expect(hold(120, 101)).toMatchObject({
      isHeld: true,
      blocksInfusion: true,
      reason: 'DBP 101 mmHg is above 100 mmHg',
    });
    expect(hold(172, 104).reason).toBe('SBP 172 mmHg is above 160 mmHg; DBP 104 mmHg is above 100 mmHg');
  });

  it("a clinician's override with a reason lets a held infusion go ahead", () => {
    expect(hold(165, 90, 'Anxious on arrival; repeat BP 150/88 after rest')).toMatchObject({
      isHeld: true,
      isOverridden: true,
      blocksInfusion: false,
    });
  });

  it('an override means nothing when the reading is not held', () => {
    expect(hold(130, 80, 'stale override')).toMatchObject({ isHeld: false, isOverridden: false, overrideReason: null });
  });

  it('without pre-infusion vitals there is nothing to hold on, and that is reported', () => {
    expect(getHoldState({ latestPre: null, rule, overrideReason: null })).toMatchObject({
      hasPreVitals: false,
      isHeld: false,
    });
  });

  it('follows the clinic settings when the thresholds change', () => {
    expect(
      getHoldState({
        latestPre: { sbp: 151, dbp: 80 },
        rule: { holdSbpAbove: 150, holdDbpAbove: 95 },
        overrideReason: null,
      }).isHeld,
    ).toBe(true);
  });
});
