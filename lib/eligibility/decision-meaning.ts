import type { EligibilityDecisionValue } from '@/lib/validations/screening';

// Kept apart from the signing schema so the review form shows it without loading zod.

/** The meaning a signature states unless the clinician words it otherwise. */
export const DEFAULT_DECISION_MEANING: Record<EligibilityDecisionValue, string> = {
  ELIGIBLE: 'Eligibility confirmed',
  INELIGIBLE: 'Not eligible',
};
