import { AppError, type FieldErrors } from '@/lib/errors/app-error';
import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';
import { scoreAssessment, type ScoreSuccess } from '@/lib/outcomes/score-assessment';

/**
 * Scores the answers or throws a 400 whose fields are scoreAssessment's own paths
 * (`instrument`, `items`, `items.<0-based index>`), one message list per field.
 */
export function scoreOrThrow(
  instrument: string,
  items: ReadonlyArray<number | null>,
): ScoreSuccess & { instrument: InstrumentCode } {
  const result = scoreAssessment({ instrument, items });
  if (!result.ok) {
    const fields: FieldErrors = {};
    for (const error of result.errors) (fields[error.field] ??= []).push(error.message);
    throw new AppError('VALIDATION_FAILED', 'The questionnaire answers are not valid.', { fields });
  }
  return { ...result, instrument: instrument as InstrumentCode };
}
