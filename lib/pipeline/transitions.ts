import type { Role } from '@/lib/auth/permissions';
import type { PipelineStageValue } from '@/lib/validations/candidates';

// The per-trial pipeline as a state machine. The happy path runs
// REFERRED → CONTACTED → PRESCREENING → AWAITING_REVIEW → ELIGIBLE | INELIGIBLE
// → CONSENTED → ENROLLED → IN_TREATMENT → COMPLETED; from any open stage a
// candidate can leave as WITHDRAWN, SCREEN_FAILED or LOST_TO_FOLLOW_UP, with a reason.

export const EXIT_STAGES = [
  'WITHDRAWN',
  'SCREEN_FAILED',
  'LOST_TO_FOLLOW_UP',
] as const satisfies readonly PipelineStageValue[];

/** Nothing moves out of these. */
export const CLOSED_STAGES = [
  'COMPLETED',
  'WITHDRAWN',
  'SCREEN_FAILED',
  'LOST_TO_FOLLOW_UP',
  'INELIGIBLE',
] as const satisfies readonly PipelineStageValue[];

/** Set only by a clinician's signed eligibility decision, never by a plain move. */
export const DECISION_STAGES = ['ELIGIBLE', 'INELIGIBLE'] as const satisfies readonly PipelineStageValue[];

/** Moves into these need a reason. */
const REASON_REQUIRED_STAGES: readonly PipelineStageValue[] = EXIT_STAGES;

const FORWARD: Record<PipelineStageValue, readonly PipelineStageValue[]> = {
  REFERRED: ['CONTACTED'],
  CONTACTED: ['PRESCREENING'],
  PRESCREENING: ['AWAITING_REVIEW'],
  AWAITING_REVIEW: ['ELIGIBLE', 'INELIGIBLE'],
  ELIGIBLE: ['CONSENTED'],
  INELIGIBLE: [],
  CONSENTED: ['ENROLLED'],
  ENROLLED: ['IN_TREATMENT'],
  IN_TREATMENT: ['COMPLETED'],
  COMPLETED: [],
  WITHDRAWN: [],
  SCREEN_FAILED: [],
  LOST_TO_FOLLOW_UP: [],
};

export function isClosedStage(stage: PipelineStageValue): boolean {
  return (CLOSED_STAGES as readonly PipelineStageValue[]).includes(stage);
}

export function isExitStage(stage: PipelineStageValue): boolean {
  return (EXIT_STAGES as readonly PipelineStageValue[]).includes(stage);
}

export function isDecisionStage(stage: PipelineStageValue): boolean {
  return (DECISION_STAGES as readonly PipelineStageValue[]).includes(stage);
}

/** Every stage the machine allows after `from` (the decision stages included). */
export function allowedNextStages(from: PipelineStageValue): PipelineStageValue[] {
  if (isClosedStage(from)) return [];
  return [...FORWARD[from], ...EXIT_STAGES];
}

/** The stages a plain pipeline move may go to next: the machine's, without the signed-decision ones. */
export function movableNextStages(from: PipelineStageValue): PipelineStageValue[] {
  return allowedNextStages(from).filter((stage) => !isDecisionStage(stage));
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'INVALID_TRANSITION'; allowed: PipelineStageValue[]; message: string }
  | { ok: false; code: 'REASON_REQUIRED'; message: string }
  | { ok: false; code: 'SIGNED_DECISION_ONLY'; message: string };

export type TransitionRequest = {
  from: PipelineStageValue;
  to: PipelineStageValue;
  reason?: string | null;
  actorRole: Role;
  /**
   * True only when the move is the effect of a clinician's signed eligibility
   * decision (the eligibility module); a plain pipeline move never sets it.
   */
  signedDecision?: boolean;
};

/**
 * Whether a move is allowed. The order of checks decides the answer a client
 * sees: a move the machine never allows is INVALID_TRANSITION (409) whoever asks;
 * an allowed move to ELIGIBLE/INELIGIBLE that is not a clinician's signed
 * decision is SIGNED_DECISION_ONLY (403); an exit without a reason is
 * REASON_REQUIRED (400).
 */
export function checkTransition({
  from,
  to,
  reason,
  actorRole,
  signedDecision = false,
}: TransitionRequest): TransitionCheck {
  const allowed = allowedNextStages(from);
  if (!allowed.includes(to)) {
    const message = allowed.length
      ? `A candidate cannot move from ${from} to ${to}. Allowed next: ${allowed.join(', ')}.`
      : `${from} is a closed stage: nothing follows it.`;
    return { ok: false, code: 'INVALID_TRANSITION', allowed, message };
  }
  if (isDecisionStage(to) && !(signedDecision && actorRole === 'CLINICIAN')) {
    return {
      ok: false,
      code: 'SIGNED_DECISION_ONLY',
      message: `Only a clinician's signed eligibility decision can set ${to}.`,
    };
  }
  if ((REASON_REQUIRED_STAGES as readonly PipelineStageValue[]).includes(to) && !reason?.trim()) {
    return { ok: false, code: 'REASON_REQUIRED', message: 'Say why the candidate leaves the pipeline.' };
  }
  return { ok: true };
}
