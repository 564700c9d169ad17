import type { DoseMode, Route, WeightBasis } from '@/lib/validations/dosing';

// Display names for the dosing protocol's codes (lib/validations/dosing.ts), for forms, the
// protocol-version diff and exports alike.

export const ROUTE_LABELS: Record<Route, string> = {
  IV: 'Intravenous (IV)',
  IM: 'Intramuscular (IM)',
  IN: 'Intranasal (IN)',
  PO: 'Oral (PO)',
  SC: 'Subcutaneous (SC)',
};

export const DOSE_MODE_LABELS: Record<DoseMode, string> = {
  WEIGHT_BASED: 'Weight-based (mg/kg)',
  FIXED: 'Fixed dose (mg)',
  PLACEBO: 'Placebo (no drug dose)',
};

export const WEIGHT_BASIS_LABELS: Record<WeightBasis, string> = {
  ACTUAL: 'Actual body weight',
  IDEAL: 'Ideal body weight',
  ADJUSTED: 'Adjusted body weight',
};
