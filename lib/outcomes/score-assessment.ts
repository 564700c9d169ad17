import { INSTRUMENT_CODES, isInstrumentCode } from './instrument-codes';
import { INSTRUMENT_DEFINITIONS } from './instruments';
import { scoreWithDefinition } from './score-with-definition';
import type { ScoreResult } from './types';

export type { ScoreResult, ScoreSuccess } from './types';

/**
 * Validates the answers for one administration and scores them. `items` is in questionnaire order,
 * `null` for an unanswered item. Errors use field paths `instrument`, `items` or `items.<0-based index>`.
 */
export const scoreAssessment = ({ instrument, items }: { instrument: unknown; items: unknown }): ScoreResult => {
  if (!isInstrumentCode(instrument)) {
    return {
      ok: false,
      errors: [{ field: 'instrument', message: `Unknown instrument; expected one of ${INSTRUMENT_CODES.join(', ')}.` }],
    };
  }
  return scoreWithDefinition(INSTRUMENT_DEFINITIONS[instrument], items);
};
