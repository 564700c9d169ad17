import type { ReferralSourceValue } from '@/lib/validations/candidates';

// Display names for the candidate enums, in the order the forms list them.
// Pipeline stage names are in lib/dashboard/labels.ts (PIPELINE_STAGE_LABELS).

export const REFERRAL_SOURCE_LABELS: Record<ReferralSourceValue, string> = {
  PROVIDER: 'Provider referral',
  SELF: 'Self-referral',
  ADVERTISEMENT: 'Advertisement',
  REGISTRY: 'Registry',
  OTHER: 'Other',
};
