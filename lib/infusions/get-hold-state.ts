// The blood-pressure hold rule and the plausible ranges of vital signs: one home for both.
// NCT06419439 excludes SBP > 160 or DBP > 100 at screening; the clinic holds an infusion on the
// same thresholds by default (an admin may change them in the clinic settings within the ranges below).

export type HoldRule = { holdSbpAbove: number; holdDbpAbove: number };

/** The clinic's default hold thresholds (mmHg): held when SBP is above 160 or DBP above 100. */
export const DEFAULT_HOLD_RULE: HoldRule = { holdSbpAbove: 160, holdDbpAbove: 100 };

/** What an admin may set the thresholds to (mmHg). */
export const HOLD_THRESHOLD_RANGES = { sbp: { min: 100, max: 250 }, dbp: { min: 60, max: 150 } } as const;

/** Readings outside these are typing errors, not patients (the vitals form and API refuse them). */
export const VITAL_RANGES = {
  sbp: { min: 50, max: 300, label: 'Systolic BP', unit: 'mmHg' },
  dbp: { min: 20, max: 200, label: 'Diastolic BP', unit: 'mmHg' },
  heartRate: { min: 20, max: 250, label: 'Heart rate', unit: 'bpm' },
  spo2: { min: 50, max: 100, label: 'SpO2', unit: '%' },
  respiratoryRate: { min: 4, max: 60, label: 'Respiratory rate', unit: '/min' },
} as const;

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
export function getHoldState(options: {
  latestPre: { sbp: number | null; dbp: number | null } | null;
  rule: HoldRule;
  overrideReason: string | null;
}): HoldState {
  const { latestPre, rule, overrideReason } = options;
  const reasons: string[] = [];
  if (latestPre?.sbp != null && latestPre.sbp > rule.holdSbpAbove)
    reasons.push(`SBP ${latestPre.sbp} mmHg is above ${rule.holdSbpAbove} mmHg`);
  if (latestPre?.dbp != null && latestPre.dbp > rule.holdDbpAbove)
    reasons.push(`DBP ${latestPre.dbp} mmHg is above ${rule.holdDbpAbove} mmHg`);
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
