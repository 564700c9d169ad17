import type { AssumptionItem } from '@/lib/provenance/list-assumptions';
import type { DosingProtocol } from '@/lib/validations/dosing';
import type { RuleNode } from '@/lib/validations/eligibility';
import type { TrialDraft } from '@/lib/validations/trials';
import type { TrialDraftChange } from './diff-trial-drafts';

// The trial DTOs the API answers with and the trials UI renders. Everything is
// JSON-safe: dates are ISO strings, enums are their string values.

export type TrialPhaseValue = TrialDraft['phases'][number];
export type OverallStatusValue = TrialDraft['overallStatus'];
export type StudyTypeValue = TrialDraft['studyType'];
export type ArmTypeValue = TrialDraft['arms'][number]['type'];
export type InterventionTypeValue = TrialDraft['interventions'][number]['type'];
export type OutcomeKindValue = TrialDraft['outcomes'][number]['kind'];

export type TrialListItem = {
  id: string;
  nctId: string | null;
  title: string;
  shortTitle: string | null;
  phases: TrialPhaseValue[];
  status: OverallStatusValue;
  studyType: StudyTypeValue;
  leadSponsor: string | null;
  conditions: string[];
  targetEnrollment: number | null;
  /** Enrollments of any status (active, completed, withdrawn, lost) counted against the target. */
  enrolledCount: number;
  /** Candidates in the trial's pipeline at any stage. */
  pipelineCount: number;
  updatedAt: string;
};

export type TrialListResult = { items: TrialListItem[]; total: number; page: number; pageSize: number };

export type TrialSiteDto = {
  id: string;
  facility: string;
  city: string | null;
  state: string | null;
  country: string | null;
};

export type TrialOutcomeDto = {
  id: string;
  kind: OutcomeKindValue;
  measure: string;
  description: string | null;
  timeFrame: string | null;
  position: number;
};

export type TrialInterventionDto = {
  id: string;
  type: InterventionTypeValue;
  name: string;
  description: string | null;
  armIds: string[];
};

export type DosingStatus = 'confirmed' | 'suggested' | null;

export type TrialArmDto = {
  id: string;
  label: string;
  type: ArmTypeValue;
  description: string | null;
  allocationWeight: number;
  position: number;
  /** The confirmed protocol, else the parser's suggestion, else null; `dosingStatus` says which. */
  dosing: DosingProtocol | null;
  dosingStatus: DosingStatus;
  /** The confirmed protocol only (null until an admin confirms one). */
  confirmedDosing: DosingProtocol | null;
  suggestedDosing: DosingProtocol | null;
  /** Unconfirmed clinic assumptions of this arm's dosing: how many block a dose, how many are only listed. */
  openAssumptions: { blockingDose: number; listed: number };
  /** Enrollments in this arm; an arm with enrollments cannot be removed. */
  /** Null in a masked trial: a per-arm count would reveal the arm of the latest enrolment. */
  enrollmentCount: number | null;
};

export type UserRef = { id: string; name: string };

export type TrialCriterionDto = {
  id: string;
  kind: 'inclusion' | 'exclusion';
  position: number;
  text: string;
  /** Confirmed structured rule; null = clinician judgment. */
  rule: RuleNode | null;
  suggestedRule: RuleNode | null;
  ruleConfirmedBy: UserRef | null;
  ruleConfirmedAt: string | null;
  /** True while `rule` rests on an unconfirmed clinic assumption: the engine treats the criterion as judgment. */
  isRuleAssumed: boolean;
  /** The source's own wording when it differs from `text` (e.g. a restored "≥", an inverted item reworded). */
  sourceQuote: string | null;
};

export type AssessmentPlanItemDto = {
  id: string;
  instrument: string;
  /** BASELINE, AFTER_SESSION_<n> or DAYS_AFTER_LAST_<n> (lib/trials/timepoint-code.ts). */
  timepoint: string;
  windowBeforeDays: number;
  windowAfterDays: number;
};

export type ProtocolVersionDto = {
  id: string;
  number: number;
  reason: string | null;
  createdAt: string;
  createdBy: UserRef | null;
};

export type ProtocolVersionSummary = {
  id: string;
  number: number;
  reason: string | null;
  createdAt: string;
  createdByName: string | null;
  criteriaCount: number;
};

export type TrialImportSummary = { id: string; createdAt: string; importedByName: string | null; changeCount: number };

/** One field-level difference between two versions of a trial record (lib/trials/diff-trial-drafts.ts). */
export type TrialChange = TrialDraftChange;

/**
 * Pipeline stages that do not count as "screened". A trial counts as screened
 * (its protocol is frozen: criteria, dosing and assessment-plan changes create a
 * new protocol version with a reason) once any of its pipeline entries has
 * reached PRESCREENING or any later stage, exits included.
 */
export const NOT_SCREENED_STAGES = ['REFERRED', 'CONTACTED'] as const;

export type ScreeningWindowDto = {
  days: number;
  confirmed: { at: string; by: { id: string; name: string } } | null;
};

export type TrialDetail = {
  id: string;
  nctId: string | null;
  protocolNumber: string | null;
  title: string;
  shortTitle: string | null;
  acronym: string | null;
  phases: TrialPhaseValue[];
  overallStatus: OverallStatusValue;
  studyType: StudyTypeValue;
  allocation: TrialDraft['allocation'];
  masking: TrialDraft['masking'];
  leadSponsor: string | null;
  collaborators: string[];
  principalInvestigator: string | null;
  conditions: string[];
  targetEnrollment: number | null;
  enrolledCount: number;
  startDate: string | null;
  completionDate: string | null;
  briefSummary: string | null;
  coverageNote: string | null;
  /** How old screening data may be for a rule without its own window; `confirmed` null = still the assumed default. */
  screeningWindow: ScreeningWindowDto;
  source: 'MANUAL' | 'CTGOV_IMPORT' | 'SEED';
  /** Optimistic-locking counter: send it back with every PATCH. */
  version: number;
  createdAt: string;
  updatedAt: string;
  sites: TrialSiteDto[];
  outcomes: TrialOutcomeDto[];
  interventions: TrialInterventionDto[];
  /** Arms with the dosing of the protocol version shown. */
  arms: TrialArmDto[];
  /** Criteria of the protocol version shown, in order (inclusion first). */
  criteria: TrialCriterionDto[];
  assessmentPlan: AssessmentPlanItemDto[];
  /** Every clinic assumption of the protocol version shown, unconfirmed first (lib/provenance/list-assumptions.ts). */
  assumptions: AssumptionItem[];
  /** The protocol version shown (the current one unless a past one was asked for). */
  protocolVersion: ProtocolVersionDto;
  /** True when `protocolVersion` is the trial's highest-numbered version. */
  isCurrentVersion: boolean;
  /** Every protocol version, newest first. */
  versions: ProtocolVersionSummary[];
  /** ClinicalTrials.gov imports, newest first. */
  imports: TrialImportSummary[];
  /**
   * Whether anyone has been screened for this trial (a pipeline entry at
   * PRESCREENING or beyond). Editing criteria, dosing or the assessment plan then
   * creates a new protocol version and needs an amendment reason.
   */
  hasScreenings: boolean;
};

/** The registry record versions (lastUpdatePostDate) of an import; `isOlder` = it would replace a newer record. */
export type ImportRegistryVersion = { incoming: string | null; stored: string | null; isOlder: boolean };

export type ImportPreviewItem = {
  /** What will be saved: for a trial already here, the registry record merged with its confirmed rules and dosing. */
  draft: TrialDraft;
  warnings: string[];
  existingTrialId: string | null;
  /** Changes against the trial already here (empty for a new trial). */
  changes: TrialChange[];
  /** True when saving would create a new protocol version (the protocol changes and someone has been screened). */
  amendsProtocol: boolean;
  registryVersion: ImportRegistryVersion;
};
export type ImportPreview = { items: ImportPreviewItem[] };

export type ImportResultItem = {
  trialId: string;
  nctId: string;
  created: boolean;
  changes: TrialChange[];
  /** The protocol version number the import created, when it amended the protocol. */
  amendedToVersion: number | null;
};
export type ImportResult = { results: ImportResultItem[] };
