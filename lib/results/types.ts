import type { FlagCode } from '@/lib/outcomes/flags';
import type { DueStatus } from '@/lib/assessments/compute-due';
import type { ScoreBand } from './score-scale';

// JSON-safe shapes the outcome pages, API and CSV export share (instants are ISO strings).

export type AssessmentVersion = {
  id: string;
  administeredAt: string;
  items: Array<number | null>;
  total: number | null;
  severity: string | null;
  flags: string[];
  recordedBy: string;
  /** STAFF typed it in; PATIENT answered themselves (the original record). */
  source: 'STAFF' | 'PATIENT';
  recordedAt: string;
  correctionReason: string | null;
  supersededAt: string | null;
};

export type OutcomePoint = {
  assessmentId: string;
  timepoint: string;
  administeredAt: string;
  /** The charted score: the total, or the BPI pain severity. */
  value: number | null;
  total: number | null;
  subscores: Record<string, number | null>;
  severity: string | null;
  flags: string[];
  items: Array<number | null>;
  isComplete: boolean;
  change: number | null;
  percentChange: number | null;
  response: boolean | null;
  remission: boolean | null;
  recordedBy: string;
  /** STAFF typed it in; PATIENT answered themselves (the original record). */
  source: 'STAFF' | 'PATIENT';
  /** Earlier versions this one replaced, newest first (the values are kept). */
  history: AssessmentVersion[];
  correctionReason: string | null;
};

export type InstrumentSeries = {
  instrument: string;
  label: string;
  scoreLabel: string;
  min: number;
  max: number;
  bands: ScoreBand[];
  baseline: number | null;
  points: OutcomePoint[];
  /** Response/remission at the latest point; null when not applicable or not evaluable. */
  latestResponse: boolean | null;
  latestRemission: boolean | null;
};

export type SessionMark = { sessionNumber: number; status: string; at: string; isCompleted: boolean };

export type ParticipantDueItem = {
  instrument: string;
  timepoint: string;
  status: DueStatus;
  dueOn: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  isProjected: boolean;
  assessmentId: string | null;
};

export type ParticipantOutcomes = {
  enrollment: {
    id: string;
    status: string;
    enrolledAt: string;
    endedAt: string | null;
    endReason: string | null;
    /** Null when the trial is masked and the viewer is not an admin. */
    armLabel: string | null;
    candidateId: string;
    participantName: string;
    /** The trial's subject ID, e.g. "KET-001". */
    subjectId: string;
    mrn: string;
    trialId: string;
    trialLabel: string;
    isMasked: boolean;
  };
  sessions: SessionMark[];
  plan: Array<{ instrument: string; timepoint: string; windowBeforeDays: number; windowAfterDays: number }>;
  due: ParticipantDueItem[];
  instruments: InstrumentSeries[];
  /** The clinic's zone (its settings): every time on the page is shown, and entered, on this clock. */
  timeZone: string;
  /** Current PHQ-9 records with item 9 above 0, newest first. */
  /** Current questionnaires with a suicidality answer, newest first (their alerts are in lib/safety). */
  safetyFlags: Array<{
    assessmentId: string;
    instrument: string;
    timepoint: string;
    administeredAt: string;
    flags: FlagCode[];
  }>;
};
