import type {
  ContactMethodValue,
  ContactOutcomeValue,
  ReferralSourceValue,
  SexValue,
} from '@/lib/validations/candidates';

// Display names for the candidate enums, in the order the forms list them.
// Pipeline stage names are in lib/dashboard/labels.ts (PIPELINE_STAGE_LABELS).

export const SEX_LABELS: Record<SexValue, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

export const REFERRAL_SOURCE_LABELS: Record<ReferralSourceValue, string> = {
  PROVIDER: 'Provider referral',
  SELF: 'Self-referral',
  ADVERTISEMENT: 'Advertisement',
  REGISTRY: 'Registry',
  OTHER: 'Other',
};

export const CONTACT_METHOD_LABELS: Record<ContactMethodValue, string> = {
  PHONE: 'Phone',
  EMAIL: 'Email',
  TEXT: 'Text message',
  IN_PERSON: 'In person',
};

export const CONTACT_OUTCOME_LABELS: Record<ContactOutcomeValue, string> = {
  REACHED: 'Reached',
  LEFT_MESSAGE: 'Left a message',
  NO_ANSWER: 'No answer',
  WRONG_NUMBER: 'Wrong number',
  EMAIL_SENT: 'Email sent',
  TEXT_SENT: 'Text sent',
  DECLINED: 'Declined',
  SCHEDULED_PRESCREEN: 'Pre-screen scheduled',
};
