import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIPELINE_STAGE_VALUES, type PipelineStageValue } from '@/lib/validations/candidates';
import {
  allowedNextStages,
  checkTransition,
  CLOSED_STAGES,
  EXIT_STAGES,
  isClosedStage,
  movableNextStages,
} from './transitions';

const HAPPY_PATH: PipelineStageValue[] = [
  'REFERRED',
  'CONTACTED',
  'PRESCREENING',
  'AWAITING_REVIEW',
  'ELIGIBLE',
  'CONSENTED',
  'ENROLLED',
  'IN_TREATMENT',
  'COMPLETED',
];
const OPEN_STAGES = PIPELINE_STAGE_VALUES.filter((stage) => !isClosedStage(stage));

describe('allowedNextStages', () => {
  it('walks the happy path one step at a time, with the three exits from every open stage', () => {
    for (let i = 0; i < HAPPY_PATH.length - 1; i += 1) {
      const next = allowedNextStages(HAPPY_PATH[i]);
      expect(next).toContain(HAPPY_PATH[i + 1]);
      expect(next).toEqual(expect.arrayContaining([...EXIT_STAGES]));
    }
  });

  it('branches to ELIGIBLE or INELIGIBLE after review', () => {
    expect(allowedNextStages('AWAITING_REVIEW')).toEqual([
      'ELIGIBLE',
      'INELIGIBLE',
      'WITHDRAWN',
      'SCREEN_FAILED',
      'LOST_TO_FOLLOW_UP',
    ]);
  });

  it('closes COMPLETED, the exits and INELIGIBLE', () => {
    for (const stage of CLOSED_STAGES) expect(allowedNextStages(stage)).toEqual([]);
    expect([...CLOSED_STAGES].sort()).toEqual([
      'COMPLETED',
      'INELIGIBLE',
      'LOST_TO_FOLLOW_UP',
      'SCREEN_FAILED',
      'WITHDRAWN',
    ]);
  });

  it('never goes back to REFERRED and never skips a step', () => {
    for (const stage of PIPELINE_STAGE_VALUES) expect(allowedNextStages(stage)).not.toContain('REFERRED');
    expect(allowedNextStages('REFERRED')).not.toContain('PRESCREENING');
    expect(allowedNextStages('CONSENTED')).not.toContain('IN_TREATMENT');
  });

  it('leaves the decision stages out of the moves a plain pipeline move may make', () => {
    expect(movableNextStages('AWAITING_REVIEW')).toEqual(['WITHDRAWN', 'SCREEN_FAILED', 'LOST_TO_FOLLOW_UP']);
    expect(movableNextStages('ELIGIBLE')).toEqual(['CONSENTED', 'WITHDRAWN', 'SCREEN_FAILED', 'LOST_TO_FOLLOW_UP']);
  });
});

describe('checkTransition', () => {
  it('allows each happy-path step (the decision step for a clinician signing it)', () => {
    for (let i = 0; i < HAPPY_PATH.length - 1; i += 1) {
      const signedDecision = HAPPY_PATH[i + 1] === 'ELIGIBLE';
      expect(
        checkTransition({ from: HAPPY_PATH[i], to: HAPPY_PATH[i + 1], actorRole: 'CLINICIAN', signedDecision }),
      ).toEqual({ ok: true });
    }
  });

  it('refuses a skipped step with INVALID_TRANSITION and the allowed list', () => {
    expect(checkTransition({ from: 'REFERRED', to: 'ENROLLED', actorRole: 'COORDINATOR' })).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      allowed: ['CONTACTED', 'WITHDRAWN', 'SCREEN_FAILED', 'LOST_TO_FOLLOW_UP'],
    });
  });

  it('refuses every move out of a closed stage, even an exit with a reason', () => {
    expect(
      checkTransition({ from: 'COMPLETED', to: 'WITHDRAWN', reason: 'moved away', actorRole: 'COORDINATOR' }),
    ).toMatchObject({ code: 'INVALID_TRANSITION', allowed: [] });
    expect(checkTransition({ from: 'INELIGIBLE', to: 'CONSENTED', actorRole: 'COORDINATOR' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('needs a reason for the three exits; blank does not count', () => {
    for (const to of EXIT_STAGES) {
      expect(checkTransition({ from: 'CONTACTED', to, actorRole: 'COORDINATOR' })).toMatchObject({
        code: 'REASON_REQUIRED',
      });
      expect(checkTransition({ from: 'CONTACTED', to, reason: '   ', actorRole: 'COORDINATOR' })).toMatchObject({
        code: 'REASON_REQUIRED',
      });
      expect(
        checkTransition({ from: 'CONTACTED', to, reason: 'No longer interested', actorRole: 'COORDINATOR' }),
      ).toEqual({ ok: true });
    }
  });

  it('keeps ELIGIBLE and INELIGIBLE for a clinician signed decision', () => {
    expect(checkTransition({ from: 'AWAITING_REVIEW', to: 'ELIGIBLE', actorRole: 'COORDINATOR' })).toMatchObject({
      code: 'SIGNED_DECISION_ONLY',
    });
    expect(checkTransition({ from: 'AWAITING_REVIEW', to: 'INELIGIBLE', actorRole: 'CLINICIAN' })).toMatchObject({
      code: 'SIGNED_DECISION_ONLY',
    });
    expect(
      checkTransition({ from: 'AWAITING_REVIEW', to: 'ELIGIBLE', actorRole: 'COORDINATOR', signedDecision: true }),
    ).toMatchObject({ code: 'SIGNED_DECISION_ONLY' });
    expect(
      checkTransition({ from: 'AWAITING_REVIEW', to: 'INELIGIBLE', actorRole: 'CLINICIAN', signedDecision: true }),
    ).toEqual({ ok: true });
  });

  it('reports an impossible decision move as invalid, not forbidden', () => {
    expect(checkTransition({ from: 'REFERRED', to: 'ELIGIBLE', actorRole: 'COORDINATOR' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('property: a move is allowed exactly when the machine lists it (with a reason, signed by a clinician)', () => {
    const stage = fc.constantFrom(...PIPELINE_STAGE_VALUES);
    fc.assert(
      fc.property(stage, stage, (from, to) => {
        const result = checkTransition({ from, to, reason: 'because', actorRole: 'CLINICIAN', signedDecision: true });
        expect(result.ok).toBe(allowedNextStages(from).includes(to));
      }),
    );
  });

  it('property: every open stage can reach COMPLETED or an exit, and nothing leaves a closed stage', () => {
    for (const from of OPEN_STAGES) {
      const seen = new Set<PipelineStageValue>([from]);
      const queue = [from];
      while (queue.length) {
        for (const next of allowedNextStages(queue.shift()!)) {
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
        }
      }
      expect(seen.has('WITHDRAWN')).toBe(true);
    }
  });
});
