import type { MovementDto } from '@/lib/drug-inventory/apply-movement';
import type { CountResult } from '@/lib/drug-inventory/record-count';
import type { LotDto } from '@/lib/drug-inventory/types';
import type { AdministrationDto } from '@/lib/infusions/record-administration';
import type { AdverseEventDto } from '@/lib/infusions/record-adverse-event';
import type { SessionKind } from '@/lib/scheduling/session-policy';

// The catalogue of audit actions: one entry per action, with the entity it is about and the
// shape of its `before`/`after`. recordAuditEvent (and the guard's `audit`) accept only
// these, so a misspelt action or a changed payload is a compile error, and a reader of the
// trail (the audit page, lib/blinding/redact-audit.ts) can look up what an event holds.
// Add the action here first when a new write needs one.

/** A field-by-field diff whose keys depend on what the user changed (patch endpoints). */
type FieldDiff = Record<string, unknown>;
type Iso = string;

type Stage = string;
/** Which records a list, search or queue read showed, and the query that produced them. */
type ListRead = { count: number; ids: string[]; query?: Record<string, unknown> };
type Event<E extends string, After = undefined, Before = undefined> = {
  entityType: E;
  after: After;
  before: Before;
};

type SignInFailureReason = 'wrong_password' | 'missing_code' | 'wrong_code';
type SignInMeta =
  | { reason: 'unknown_email' | 'locked' | 'inactive' }
  /** A failure while the account was already locked: not counted, and the lock does not move. */
  | { reason: 'locked'; attempted: SignInFailureReason | string; purpose?: string }
  | { reason: SignInFailureReason | string; failedSignInCount: number; purpose?: string };

/** The seeds record only instrument, timepoint and total. */
type AssessmentSummary = {
  enrollmentId?: string;
  instrument: string;
  timepoint: string;
  total: number | null;
  severity?: string | null;
  flags?: string[];
  administeredAt?: Iso;
  source?: string;
  /** A baseline made from a screening PHQ-9 (source SCREENING): the measurement it came from. */
  sourceMeasurementId?: string;
  channel?: string;
  items?: unknown;
};

export type AuditEventMap = {
  // Accounts and sign-in
  'auth.sign_in': Event<'User', { secondFactor: 'totp' | 'recovery_code' } | undefined>;
  'auth.sign_in_failed': Event<'User', SignInMeta>;
  'auth.locked_out': Event<'User', { lockedUntil: Iso; purpose?: string }>;
  'auth.signature_failed': Event<'User', SignInMeta | { purpose: string; failedSignInCount: number }>;
  'auth.sign_out': Event<'User', { reason: 'sign_out' | 'tablet_mode' }>;
  'auth.mfa_setup_started': Event<'User'>;
  'auth.mfa_enabled': Event<'User', { recoveryCodeCount: number }>;
  'user.mfa_reset': Event<
    'User',
    { mfaEnabledAt: null; sessionsEnded: boolean },
    { mfaEnabledAt: Iso | null; recoveryCodes: number }
  >;
  'settings.mfa_roles_update': Event<'RoleSecurityPolicy', { requiredRoles: string[] }, { requiredRoles: string[] }>;
  'user.create': Event<'User', { id?: string; email: string; name: string; role: string; isActive: boolean }>;
  'user.update': Event<'User', { name: string }, { name: string }>;
  'user.role_change': Event<'User', { role: string; roleLabel: string }, { role: string; roleLabel: string }>;
  'user.deactivate': Event<'User', { isActive: boolean }, { isActive: boolean }>;
  'user.reactivate': Event<'User', { isActive: boolean }, { isActive: boolean }>;
  'user.unlock': Event<
    'User',
    { lockedUntil: null; failedSignInCount: number },
    { lockedUntil: Iso | null; failedSignInCount: number }
  >;
  'user.password_reset': Event<
    'User',
    { lockedUntil: null; failedSignInCount: number; sessionsEnded: boolean },
    { lockedUntil: Iso | null; failedSignInCount: number }
  >;

  // Candidates and the pipeline
  'candidate.create': Event<'Candidate', FieldDiff>;
  'candidate.update': Event<'Candidate', FieldDiff, FieldDiff>;
  'candidate.view': Event<'Candidate'>;
  'candidate.export': Event<'Candidate', { filters: unknown; rowCount: number; ids?: string[] }>;
  // The PHI access log of reads that show many records at once (lib/audit/record-list-read.ts).
  'candidate.list': Event<'Candidate', ListRead>;
  'review_queue.list': Event<'Candidate', ListRead>;
  'candidate.duplicate_override': Event<'Candidate', { possibleDuplicates: Array<{ id: string; mrn: string }> }>;
  'contact.log': Event<
    'ContactAttempt',
    {
      candidateId: string;
      trialId: string | null;
      method: string;
      outcome: string;
      contactedAt: Iso;
      nextFollowUpOn?: string | null;
      notes: string | null;
    }
  >;
  /** Seeds: a pipeline entry created at a given stage. */
  'pipeline.create': Event<'PipelineEntry', { candidateId: string; trialId: string; stage: Stage }>;
  'pipeline.move': Event<
    'PipelineEntry',
    { candidateId: string; trialId: string; stage: Stage; enrollmentId?: string; eligibilityCheckId?: string },
    { stage: Stage } | null
  >;
  'consent.record': Event<
    'Consent',
    {
      pipelineEntryId: string;
      consentedOn: string;
      /** The version's label; formVersionId names the approved version row (absent before issue 15). */
      formVersion: string | null;
      formVersionId?: string;
      obtainedById: string;
    }
  >;
  /** A signed consent form (PDF) attached; a replacement has a reason and names the revision it replaces. */
  'consent.document_upload': Event<
    'ConsentDocument',
    {
      consentId: string;
      candidateId: string;
      trialId: string;
      revision: number;
      fileName: string;
      byteSize: number;
      sha256: string;
      replacesDocumentId: string | null;
    }
  >;
  /** Someone opened (downloaded) a signed consent form: the PHI access log. */
  'consent.document_viewed': Event<
    'ConsentDocument',
    { consentId: string; candidateId: string; trialId: string; revision: number }
  >;
  'consent_form.add': Event<
    'ConsentFormVersion',
    { trialId: string; label: string; approvedOn: string; irbReference: string | null }
  >;
  'consent_form.retire': Event<
    'ConsentFormVersion',
    { trialId: string; label: string; retiredAt: Iso },
    { retiredAt: null }
  >;
  'enrollment.create': Event<
    'Enrollment',
    | {
        candidateId: string;
        trialId: string;
        armId: string | null;
        status: string;
        enrolledAt: string;
        /** Assigned at enrolment from the trial's pattern (absent before issue 15). */
        subjectId?: string;
      }
    | { armId: string; visits: number }
  >;
  'enrollment.end': Event<
    'Enrollment',
    { status: string; endedAt: string; endReason: string | null },
    { status: string }
  >;

  // Screening and eligibility
  'measurement.record': Event<'Candidate', { measurements: Array<Record<string, unknown>> }>;
  'measurement.view': Event<'Candidate'>;
  'eligibility.check': Event<
    'EligibilityCheck',
    {
      candidateId: string;
      trialId: string;
      protocolVersionId: string;
      protocolVersionNumber: number;
      asOf: string;
      overall: string;
      counts: unknown;
      screeningWindowDays?: number;
    }
  >;
  'eligibility.prescreen': Event<
    'Trial',
    {
      protocolVersionId: string;
      protocolVersionNumber: number;
      asOf: string;
      scope: 'listed' | 'not_enrolled';
      stage: string | null;
      listed: number | null;
      skipped: number;
      total: number;
      counts: unknown;
      screeningWindowDays?: number;
    }
  >;
  'eligibility.list': Event<'Candidate'>;
  'eligibility.view': Event<'EligibilityCheck', { candidateId: string }>;
  /** A clinician's unsigned review saved as it is written: a draft, not a decision (never signed content). */
  'eligibility.review_draft_saved': Event<
    'EligibilityCheck',
    {
      candidateId: string;
      trialId: string;
      savedAt: Iso;
      decision: string | null;
      meaning: string;
      judgments: Array<{ criterionId: string; result: string | null; note: string }>;
      overrides: Array<{ criterionId: string; result: string | null; justification: string }>;
    }
  >;
  'eligibility.sign': Event<
    'EligibilityCheck',
    {
      candidateId: string;
      trialId: string;
      protocolVersionId: string;
      decision: string;
      meaning: string;
      signerName: string;
      signedAt: Iso;
      contentHash: string;
      computedOverall: string;
      reviewedOverall: string;
      judgments: Array<{ criterionId: string; text: string; result: string; note?: string | null }>;
      overrides: Array<{
        criterionId: string;
        text: string;
        computed: string;
        result: string;
        justification?: string | null;
      }>;
      pipeline: unknown;
    },
    { overall: string; signedAt: null }
  >;

  // Trials
  'trial.create': Event<
    'Trial',
    { nctId: string | null; title: string; arms: string[] | number; criteria: number; assessmentPlan?: number }
  >;
  'trial.update': Event<'Trial', FieldDiff, FieldDiff>;
  'trial.subject_id_pattern': Event<
    'Trial',
    { pattern: string; confirmedAt: Iso; confirmedById: string },
    { pattern: string; confirmedAt: Iso | null; confirmedById: string | null }
  >;
  'trial.screening_window': Event<
    'Trial',
    { days: number; confirmedAt: Iso | null; confirmedById: string | null },
    { days: number; confirmedAt: Iso | null; confirmedById: string | null }
  >;
  'trial.amend': Event<
    'Trial',
    { protocolVersion: number; protocolVersionId: string; changes: string[] },
    { protocolVersion: number; protocolVersionId: string }
  >;
  'trial.import': Event<
    'Trial',
    {
      nctId: string;
      created: boolean;
      importId: string;
      changes: string[];
      protocolVersion: number | null;
      lastUpdatePosted: string | null;
      replacedNewerVersion?: string | null;
    }
  >;
  'trial.unblinded_staff_set': Event<'Trial', { userIds: string[] }, { userIds: string[] }>;
  'criterion.confirm_rule': Event<
    'Criterion',
    { trialId: string; criterionId: string; protocolVersion: number; rule: unknown; cleared: boolean },
    { trialId: string; criterionId: string; protocolVersion: number; text: string; rule: unknown }
  >;
  /** Confirming a clinic assumption changes no value: an audited in-place write, not an amendment. */
  'trial.assumption_confirm': Event<
    'Criterion' | 'ArmDosing' | 'AssessmentPlanItem',
    { trialId: string; field: string; note: string; confirmedAt: Iso },
    { trialId: string; field: string; note: string; confirmedAt: null }
  >;
  'arm.confirm_dosing': Event<
    'Arm',
    { trialId: string; label: string; protocolVersion: number; dosing: unknown },
    { trialId: string; label: string; protocolVersion: number; dosing: unknown }
  >;

  // Blinding and allocation. The arm never appears here: blinded admins read the trail.
  'allocation.generate': Event<
    'AllocationList',
    {
      trialId: string;
      blockSizes: number[];
      entryCount: number;
      arms: Array<{ id: string; allocationWeight: number }>;
    }
  >;
  'allocation.reveal': Event<
    'AllocationEntry',
    { trialId: string; sequence: number; armId: string; enrollmentId: string }
  >;
  'enrollment.emergency_unblind': Event<'Enrollment', { emergencyUnblindingId: string; trialId: string }>;
  'enrollment.emergency_unblind_review': Event<'EmergencyUnblinding', { reviewedAt: Iso }>;

  // Schedule and clinic
  'visit.book_series': Event<
    'Enrollment',
    {
      visits: Array<{
        id: string;
        sessionNumber: number;
        scheduledAt: Iso;
        chairId: string | null;
        /** Absent on events written before session kinds existed (all chair sessions). */
        sessionKind?: SessionKind;
      }>;
    }
  >;
  'visit.reschedule': Event<
    'Visit',
    { scheduledAt: Iso; chairId: string | null; version: number; proposedShifts?: number; asShift?: boolean },
    { scheduledAt: Iso; chairId: string | null; version: number }
  >;
  'visit.cancel': Event<
    'Visit',
    { status: 'CANCELLED'; version: number },
    { status: string; scheduledAt: Iso; chairId: string | null; version: number }
  >;
  'visit.mark_missed': Event<'Visit', { status: 'MISSED'; version: number }, { status: string; version: number }>;
  'protocol_deviation.create': Event<
    'ProtocolDeviation',
    { enrollmentId: string; visitId: string; kind: string; description: string }
  >;
  'chair.create': Event<'Chair', { name: string; isActive: boolean }>;
  'chair.rename': Event<'Chair', { name: string }, { name: string }>;
  'chair.activate': Event<'Chair', { name: string; isActive: boolean; futureVisitsOnChair: number }, FieldDiff>;
  'chair.deactivate': Event<'Chair', { name: string; isActive: boolean; futureVisitsOnChair: number }, FieldDiff>;
  'clinic.update': Event<'ClinicSettings', FieldDiff, FieldDiff>;
  'clinic.closure_add': Event<
    'ClinicClosure',
    { id: string; date: string; reason: string | null; affectedVisits: number }
  >;
  'clinic.closure_remove': Event<'ClinicClosure', undefined, { date: string; reason: string | null }>;

  // The infusion day
  'visit.view': Event<'Visit', { candidateId: string }>;
  'visit.check_in': Event<
    'Visit',
    {
      status: 'CHECKED_IN';
      isDriverConfirmed: true;
      pregnancyTest: string;
      pregnancyTestRequired: boolean;
      hasNoNewExclusion: true;
    },
    { status: string }
  >;
  'visit.hold_override': Event<
    'Visit',
    { holdOverrideReason: string; holdOverriddenById: string },
    { isHeld: true; reason: string | null }
  >;
  'vital_sign.record': Event<
    'VitalSign',
    {
      visitId: string;
      timepoint: string;
      sbp: number | null;
      dbp: number | null;
      heartRate: number | null;
      spo2: number | null;
      respiratoryRate: number | null;
      recordedAt: Iso;
      isHeld: boolean;
      clearedHoldOverride?: unknown;
    }
  >;
  /** `trialId` lets the audit view withhold the dose from staff blinded to this trial. */
  'dose.verify': Event<'DoseVerification', Record<string, unknown> & { trialId: string; contentHash: string }>;
  'infusion.administer': Event<
    'InfusionAdministration',
    AdministrationDto & {
      trialId: string;
      dispenseMovementId?: string;
      lotId?: string | null;
      openedVialRemainderMg?: number;
    }
  >;
  'infusion.stop': Event<'InfusionAdministration', { stoppedAt: Iso }, { stoppedAt: null }>;
  'adverse_event.create': Event<'AdverseEvent', AdverseEventDto>;
  'visit.discharge': Event<
    'Visit',
    {
      status: 'COMPLETED';
      isDriverPresentAtDischarge: true;
      wasAdministered: boolean;
      completedAt: Iso;
      earlyDischarge?: { blockers: string[]; deviationId?: string };
    },
    { status: string }
  >;

  // Controlled-drug record
  'drug.lot_receive': Event<
    'DrugLot',
    { lot: LotDto; movement: MovementDto } | { lotNumber: string; movementId: string }
  >;
  'drug.dispense': Event<'DrugMovement', MovementDto & { trialId: string; doseMg: number }>;
  'drug.waste': Event<'DrugMovement', MovementDto & { witnessName: string }>;
  'drug.reversal': Event<'DrugMovement', MovementDto & { witnessName: string }>;
  'drug.count': Event<'DrugCount', CountResult>;
  'drug.count_discrepancy': Event<'DrugCount', CountResult>;
  'drug.count_review': Event<'DrugCount', { id: string; reviewedById: string; reviewedAt: Iso | null; note: string }>;

  // Outcomes and safety
  'assessment.record': Event<'Assessment', AssessmentSummary>;
  'assessment.correct': Event<
    'Assessment',
    { assessmentId: string; items: unknown; total: number | null; severity: string | null; flags: string[] },
    { assessmentId: string; items: unknown; total: number | null; severity: string | null; flags: string[] }
  >;
  'assessment.safety_flag': Event<'Assessment', AssessmentSummary>;
  'safety_alert.open': Event<
    'SafetyAlert',
    { kind: string; enrollmentId: string } & ({ flagCode: string; assessmentId: string } | { adverseEventId: string })
  >;
  'safety_alert.acknowledge': Event<'SafetyAlert', { id: string; status: string; acknowledgedAt: Iso; action: string }>;
  'outcome.view': Event<'Enrollment'>;
  'outcome.export': Event<'Trial', { kind: string; rowCount: number }>;

  // Participant self-report
  'self_report.link_create': Event<
    'SelfReportLink',
    {
      enrollmentId: string;
      instrument: string;
      timepoint: string;
      channel: string;
      expiresAt: Iso;
      withdrawnEarlierLinks: number;
    }
  >;
  'self_report.link_remind': Event<'SelfReportLink', { expiresAt: Iso; emailsSent: number }>;
  'self_report.tablet_start': Event<'TabletSession', { enrollmentId: string; queued: string[] }>;
  'self_report.tablet_end': Event<'TabletSession', { how: string; unanswered: number }>;

  // The trail itself: an export names people and records, so it is logged like a list read.
  'audit.export': Event<'AuditEvent', { format: 'csv'; filters: Record<string, unknown>; rowCount: number }>;
} & {
  /** The audit trail's own tests write throwaway actions; no production code uses this prefix. */
  [action: `test.${string}`]: Event<string, unknown, unknown>;
};

export type AuditAction = keyof AuditEventMap;

/** What a write says about itself: the action, its entity and the payload the catalogue fixes for it. */
export type AuditEventOf<A extends AuditAction> = {
  action: A;
  entityType: AuditEventMap[A]['entityType'];
  entityId?: string | null;
  reason?: string | null;
  actorLabel?: string | null;
} & (undefined extends AuditEventMap[A]['after']
  ? { after?: AuditEventMap[A]['after'] }
  : { after: AuditEventMap[A]['after'] }) & { before?: AuditEventMap[A]['before'] };

/** Any catalogued event (a union discriminated by `action`). */
export type AuditEvent = { [A in AuditAction]: AuditEventOf<A> }[AuditAction];
