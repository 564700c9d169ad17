import type { EnrollmentStatus, OverallStatus, PipelineStage, VisitStatus } from '@/lib/generated/prisma/enums';

// Display names for the enums the dashboard shows, in the order staff think of them.

export const PIPELINE_STAGE_LABELS: Record<PipelineStage, string> = {
  REFERRED: 'Referred',
  CONTACTED: 'Contacted',
  PRESCREENING: 'Pre-screening',
  AWAITING_REVIEW: 'Awaiting review',
  ELIGIBLE: 'Eligible',
  INELIGIBLE: 'Ineligible',
  CONSENTED: 'Consented',
  ENROLLED: 'Enrolled',
  IN_TREATMENT: 'In treatment',
  COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn',
  SCREEN_FAILED: 'Screen failed',
  LOST_TO_FOLLOW_UP: 'Lost to follow-up',
};

/** Pipeline order: the way a candidate moves, then the ways out. */
export const PIPELINE_STAGES = Object.keys(PIPELINE_STAGE_LABELS) as PipelineStage[];

export const OVERALL_STATUS_LABELS: Record<OverallStatus, string> = {
  RECRUITING: 'Recruiting',
  NOT_YET_RECRUITING: 'Not yet recruiting',
  ENROLLING_BY_INVITATION: 'Enrolling by invitation',
  ACTIVE_NOT_RECRUITING: 'Active, not recruiting',
  SUSPENDED: 'Suspended',
  TERMINATED: 'Terminated',
  COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn',
  WITHHELD: 'Withheld',
  UNKNOWN: 'Unknown',
};

export const OVERALL_STATUSES = Object.keys(OVERALL_STATUS_LABELS) as OverallStatus[];

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  SCHEDULED: 'Scheduled',
  CHECKED_IN: 'Checked in',
  COMPLETED: 'Completed',
  MISSED: 'Missed',
  CANCELLED: 'Cancelled',
};

export const ENROLLMENT_STATUS_LABELS: Record<EnrollmentStatus, string> = {
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  WITHDRAWN: 'Withdrawn',
  LOST_TO_FOLLOW_UP: 'Lost to follow-up',
};

/** One set of referral-source names for the whole app (defined with the candidate enums). */
export { REFERRAL_SOURCE_LABELS } from '@/lib/candidates/labels';
