export type HoldRule = { holdSbpAbove: number; holdDbpAbove: number };

export type HoldState = {
  /** Pre-infusion vitals exist; without them the hold rule cannot be applied. */
  hasPreVitals: boolean;
  /** The latest PRE reading is above the rule. */
  isHeld: boolean;
  isOverridden: boolean;
  overrideReason: string | null;
  /** Held and not overridden: no dose verification or administration until a clinician overrides. */
  blocksInfusion: boolean;
  /** Why it is held, e.g. "SBP 161 mmHg is above 160 mmHg". */
  reason: string | null;
};

/** The blood-pressure hold rule applied to the latest pre-infusion reading. */
export function getHoldState(options: { latestPre: { sbp: number | null; dbp: number | null } | null; rule: HoldRule; overrideReason: string | null }): HoldState {
  const { latestPre, rule, overrideReason } = options;
  const reasons: string[] = [];
  if (latestPre?.sbp != null && latestPre.sbp > rule.holdSbpAbove) reasons.push(`SBP ${latestPre.sbp} mmHg is above ${rule.holdSbpAbove} mmHg`);
  if (latestPre?.dbp != null && latestPre.dbp > rule.holdDbpAbove) reasons.push(`DBP ${latestPre.dbp} mmHg is above ${rule.holdDbpAbove} mmHg`);
  const isHeld = reasons.length > 0;
  const isOverridden = isHeld && overrideReason !== null;
  return {
    hasPreVitals: latestPre !== null,
    isHeld,
    isOverridden,
    overrideReason: isHeld ? overrideReason : null,
    blocksInfusion: isHeld && !isOverridden,
    reason: isHeld ? reasons.join('; ') : null,
  };
}
