import type { VeteranStatus } from './load-veteran-status';
import type { ConsentDocumentDto } from '@/lib/consent/types';
import type {
  ContactMethodValue,
  ContactOutcomeValue,
  PipelineStageValue,
  ReferralSourceValue,
  SexValue,
} from '@/lib/validations/candidates';

// The candidate DTOs the API answers with and the candidates UI renders.
// Everything is JSON-safe: calendar dates are 'YYYY-MM-DD', instants are ISO
// strings, enums are their string values (sex in lower case, as it is entered).

export type UserRef = { id: string; name: string };

/** The engine results a clinician decides on: INCOMPLETE waits for data, not for a clinician. */
export type ReviewQueueOverall = 'PENDING_REVIEW' | 'PENDING_SIGNATURE' | 'INELIGIBLE';

export type CandidateListPipeline = { trialId: string; trialLabel: string; stage: PipelineStageValue };

export type CandidateListItem = {
  id: string;
  firstName: string;
  lastName: string;
  mrn: string;
  dateOfBirth: string;
  sex: SexValue;
  referralSource: ReferralSourceValue;
  referralDate: string;
  coordinator: UserRef | null;
  /** Every trial the candidate is in, in the order they were added. */
  pipelines: CandidateListPipeline[];
};

export type CandidateListResult = { items: CandidateListItem[]; total: number; page: number; pageSize: number };

export type PipelineHistoryItem = {
  fromStage: PipelineStageValue | null;
  toStage: PipelineStageValue;
  reason: string | null;
  actorName: string | null;
  /** ISO instant. */
  at: string;
};

export type ConsentDto = {
  id: string;
  consentedOn: string;
  /** The approved consent form version signed; retired since does not void the consent. */
  formVersion: { id: string; label: string; isRetired: boolean };
  obtainedBy: UserRef;
  recordedAt: string;
  /** The signed form (PDF) as uploaded, newest revision first; earlier revisions are kept. */
  documents: ConsentDocumentDto[];
};

export type CandidatePipeline = {
  id: string;
  trialId: string;
  trialLabel: string;
  stage: PipelineStageValue;
  stageChangedAt: string;
  enrollmentId: string | null;
  /** The trial's subject ID for this participant, e.g. "KET-001"; null until enrolled. */
  subjectId: string | null;
  enrollmentStatus: 'ACTIVE' | 'COMPLETED' | 'WITHDRAWN' | 'LOST_TO_FOLLOW_UP' | null;
  /** Null while not enrolled, and in a masked trial for a viewer who may not see allocation. */
  armId: string | null;
  armLabel: string | null;
  /** Enrolled in a masked trial and the viewer is blinded: the arm is withheld on the server. */
  isAllocationMasked: boolean;
  /** Oldest first. */
  history: PipelineHistoryItem[];
  /**
   * Stages the pipeline endpoint accepts next. ELIGIBLE and INELIGIBLE are left
   * out: only a clinician's signed eligibility decision sets them.
   */
  allowedNext: PipelineStageValue[];
  /** The latest consent that is not voided, if any. */
  consent: ConsentDto | null;
};

export type ContactAttemptDto = {
  id: string;
  trialId: string | null;
  trialLabel: string | null;
  method: ContactMethodValue;
  outcome: ContactOutcomeValue;
  notes: string | null;
  contactedAt: string;
  nextFollowUpOn: string | null;
  actor: UserRef;
};

export type CandidateDetail = {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  sex: SexValue;
  mrn: string;
  phone: string | null;
  email: string | null;
  preferredContactMethod: ContactMethodValue | null;
  preferredLanguage: string | null;
  /** The intake answer (the candidate form edits it). */
  isVeteran: boolean | null;
  /** What the eligibility engine uses today: the intake answer or a later screening answer (decision 0043). */
  veteranStatus: VeteranStatus | null;
  referralSource: ReferralSourceValue;
  referringProvider: string | null;
  referringContact: string | null;
  referralDate: string;
  notes: string | null;
  duplicateOverrideReason: string | null;
  assignedCoordinatorId: string | null;
  coordinator: UserRef | null;
  /** Optimistic-locking counter: send it back with PATCH. */
  version: number;
  /** Set when the record was voided (clinical rows are never deleted). */
  voided: { at: string; reason: string | null } | null;
  createdAt: string;
  updatedAt: string;
  pipelines: CandidatePipeline[];
  /** Newest first. */
  contacts: ContactAttemptDto[];
};

export type PossibleDuplicate = { id: string; firstName: string; lastName: string; dateOfBirth: string; mrn: string };

export type PipelineMoveResult = {
  pipelineEntryId: string;
  trialId: string;
  fromStage: PipelineStageValue | null;
  stage: PipelineStageValue;
  enrollmentId: string | null;
  /** The enrolment's subject ID, e.g. "KET-001" (set from ENROLLED on). */
  subjectId: string | null;
  armId: string | null;
  consentId: string | null;
  /** Set when enrolment revealed an entry of the trial's allocation list. */
  allocationSequence: number | null;
};

/** One check awaiting a clinician (GET /api/v1/review-queue): the newest unsigned check of a candidate in a trial. */
export type ReviewQueueItem = {
  checkId: string;
  candidateId: string;
  firstName: string;
  lastName: string;
  mrn: string;
  dateOfBirth: string;
  trialId: string;
  trialLabel: string;
  /** The candidate's stage in the trial's pipeline. */
  stage: PipelineStageValue;
  status: {
    /** The engine's overall result: PENDING_REVIEW, PENDING_SIGNATURE or INELIGIBLE. */
    overall: ReviewQueueOverall;
    /** Clinician-judgment criteria the check leaves to the reviewer. */
    needsReview: number;
    criteria: number;
  };
  /** When the check was run (ISO instant): the queue's age and order. */
  checkedAt: string;
  /** Whole minutes since the check was run, at the time of the read. */
  ageMinutes: number;
  /** 'YYYY-MM-DD' the check was evaluated for. */
  asOf: string;
  /** When a clinician last saved a review draft of this check (ISO instant), if ever. */
  draftSavedAt: string | null;
  /** The check page. */
  href: string;
  coordinator: UserRef | null;
};

export type FollowUpItem = {
  candidateId: string;
  firstName: string;
  lastName: string;
  mrn: string;
  phone: string | null;
  coordinator: UserRef | null;
  referralDate: string;
};

export type UncontactedReferral = FollowUpItem & {
  /** Business days (Mon–Fri) since the referral. */
  businessDaysWaiting: number;
  trials: Array<{ trialId: string; trialLabel: string }>;
};

export type OverdueFollowUp = FollowUpItem & {
  nextFollowUpOn: string;
  lastContactAt: string;
  lastOutcome: ContactOutcomeValue;
  daysOverdue: number;
};

export type FollowUps = { uncontacted: UncontactedReferral[]; overdue: OverdueFollowUp[] };
