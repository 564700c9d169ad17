import { AppError } from '@/lib/errors/app-error';
import type { PipelineStageValue } from '@/lib/validations/candidates';
import type { TransitionCheck } from './transitions';

/**
 * The API answer for a refused move: 409 with the allowed next stages, 403 for
 * a decision only a signed eligibility review may make, 400 on `reason`.
 */
export function transitionError(
  check: Exclude<TransitionCheck, { ok: true }>,
  from: PipelineStageValue,
  to: PipelineStageValue,
): AppError {
  switch (check.code) {
    case 'INVALID_TRANSITION':
      return new AppError('CONFLICT', check.message, {
        details: { reason: 'INVALID_TRANSITION', from, to, allowed: check.allowed },
      });
    case 'SIGNED_DECISION_ONLY':
      return new AppError('FORBIDDEN', check.message, { details: { reason: 'SIGNED_DECISION_ONLY', from, to } });
    case 'REASON_REQUIRED':
      return new AppError('VALIDATION_FAILED', check.message, { fields: { reason: [check.message] } });
  }
}
