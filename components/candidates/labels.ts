import type { BadgeTone } from '@/components/ui/badge';
import { PIPELINE_STAGE_LABELS, PIPELINE_STAGES, REFERRAL_SOURCE_LABELS } from '@/lib/dashboard/labels';
import type {
  ContactMethodValue,
  ContactOutcomeValue,
  PipelineStageValue,
  SexValue,
} from '@/lib/validations/candidates';

// Display names for the candidate values, shared by every candidate screen.
// Stage and referral-source names are the dashboard's, so both say the same.
export { PIPELINE_STAGE_LABELS, PIPELINE_STAGES, REFERRAL_SOURCE_LABELS };
export { EXIT_STAGES } from '@/lib/pipeline/transitions';

export const SEX_LABELS: Record<SexValue, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
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

// Colour only reinforces the stage name printed inside the badge.
export const STAGE_TONES: Record<PipelineStageValue, BadgeTone> = {
  REFERRED: 'info',
  CONTACTED: 'info',
  PRESCREENING: 'info',
  AWAITING_REVIEW: 'warning',
  ELIGIBLE: 'success',
  INELIGIBLE: 'neutral',
  CONSENTED: 'brand',
  ENROLLED: 'brand',
  IN_TREATMENT: 'brand',
  COMPLETED: 'success',
  WITHDRAWN: 'danger',
  SCREEN_FAILED: 'danger',
  LOST_TO_FOLLOW_UP: 'danger',
};

/** "Referred N or more days ago" choices of the list filter. */
export const REFERRAL_AGE_OPTIONS = [3, 7, 14, 30] as const;
