import type { AeAction, AeOutcome, AeRelatedness, PregnancyTestResult, VisitStatus } from '@/lib/infusions/codes';

// The infusion-day record as the stepper shows it: plain values, instants as ISO strings.

export type DoneBy = { by: string; at: string };

export type VitalsView = {
  id: string;
  timepoint: string;
  sbp: number | null;
  dbp: number | null;
  heartRate: number | null;
  spo2: number | null;
  recordedAt: string;
  recordedBy: string;
};

/** doseMg, isCapped and steps are null/empty for a viewer blinded to a masked trial. */
export type VerificationView = DoneBy & {
  doseMg: number | null;
  isCapped: boolean | null;
  volumeMl: number | null;
  rateMlPerH: number | null;
  weightKg: number;
  heightCm: number | null;
  steps: string[];
};

/** administeredDoseMg is null for a viewer blinded to a masked trial; percentGiven is the share of the prepared dose. */
export type AdministrationView = DoneBy & {
  administeredDoseMg: number | null;
  percentGiven: number | null;
  lotNumber: string;
  startedAt: string;
  stoppedAt: string | null;
};

export type AdverseEventView = DoneBy & {
  id: string;
  term: string;
  grade: number;
  isSerious: boolean;
  relatedness: AeRelatedness;
  actionTaken: AeAction;
  outcome: AeOutcome;
  onsetAt: string;
};

export type VisitDayView = {
  visitId: string;
  trialId: string;
  /** Null for a viewer blinded to a masked trial. */
  armId: string | null;
  /** The blind on this visit, decided on the server (lib/blinding/policy.ts). */
  blinding: {
    isBlinded: boolean;
    preparation: { label: string; volumeMl: number | null; rateMlPerH: number | null } | null;
  };
  /** Optimistic-lock counter for moves and status changes. */
  version: number;
  status: VisitStatus;
  timeZone: string;
  sessionNumber: number;
  sessionCount: number | null;
  scheduledAt: string;
  chairName: string | null;
  participantName: string;
  candidateId: string | null;
  trialLabel: string | null;
  isPregnancyTestRequired: boolean;
  /** Whether the dose basis needs a height (ideal or adjusted body weight). */
  needsHeight: boolean;
  /** The protocol's dose in words, e.g. "0.5 mg/kg actual body weight, capped at 50 mg". */
  doseSummary: string | null;
  thresholds: { sbp: number; dbp: number };
  /** Timepoints after the start, e.g. ["T+15", "T+40", "POST"]. */
  timepoints: string[];
  checkIn:
    | (DoneBy & { isDriverConfirmed: boolean; pregnancyTest: PregnancyTestResult | null; hasNoNewExclusion: boolean })
    | null;
  vitals: VitalsView[];
  /** Why the infusion is held ("SBP 172 > 160"), empty when it is not. */
  holdReasons: string[];
  holdOverride: (DoneBy & { reason: string }) | null;
  verification: VerificationView | null;
  administration: AdministrationView | null;
  adverseEvents: AdverseEventView[];
  discharge: (DoneBy & { isDriverPresent: boolean; overrideReason: string | null }) | null;
  /** Usable controlled-drug lots to prepare the dose from (unblinded verifiers only), and this visit's drug side. */
  drugLots: Array<{ id: string; label: string }>;
  drug: {
    lot: { id: string; lotNumber: string; drug: string; isMultiDoseVial: boolean } | null;
    remainder: { mg: number; mustWaste: boolean; isWasted: boolean } | null;
    /** Whether any arm of the trial is a placebo arm (registry data; never this participant's arm). */
    hasPlaceboArm: boolean;
  } | null;
  /** What discharge still waits for, decided on the server (lib/infusions/discharge-policy.ts). */
  dischargeReadiness: {
    blockers: Array<{ code: string; message: string }>;
    monitoringEndsAt: string | null;
    minutesRemaining: number;
  } | null;
};

export type VisitDayPermissions = { canRecord: boolean; canVerify: boolean; canCalculate: boolean };
