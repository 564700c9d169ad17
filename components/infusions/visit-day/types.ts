import type { AeAction, AeOutcome, AeRelatedness, PregnancyTestResult, VisitStatus } from '@/lib/generated/prisma/enums';

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

export type VerificationView = DoneBy & {
  doseMg: number;
  isCapped: boolean;
  volumeMl: number | null;
  rateMlPerH: number | null;
  weightKg: number;
  heightCm: number | null;
  steps: string[];
};

export type AdministrationView = DoneBy & {
  administeredDoseMg: number;
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
  /** Null in a masked trial: the dose is then calculated only when a clinician signs. */
  armId: string | null;
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
  checkIn: (DoneBy & { isDriverConfirmed: boolean; pregnancyTest: PregnancyTestResult | null; hasNoNewExclusion: boolean }) | null;
  vitals: VitalsView[];
  /** Why the infusion is held ("SBP 172 > 160"), empty when it is not. */
  holdReasons: string[];
  holdOverride: (DoneBy & { reason: string }) | null;
  verification: VerificationView | null;
  administration: AdministrationView | null;
  adverseEvents: AdverseEventView[];
  discharge: (DoneBy & { isDriverPresent: boolean }) | null;
};

export type VisitDayPermissions = { canRecord: boolean; canVerify: boolean; canCalculate: boolean };
