import { scoreStrictSum } from '../score-strict-sum';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, SeverityBand } from '../types';

/**
 * We record the T-score produced by the official PROMIS scoring (HealthMeasures Scoring Service or
 * the licensed look-up tables) rather than raw items: the raw-score-to-T conversion tables are not
 * ours to ship, and re-deriving them would risk a silently wrong score.
 */
const PROMIS_BANDS: readonly SeverityBand[] = [
  { label: 'within normal limits', from: 30, below: 55 },
  { label: 'mild', from: 55, below: 60 },
  { label: 'moderate', from: 60, below: 70 },
  { label: 'severe', from: 70, below: Number.POSITIVE_INFINITY },
];

export const PROMIS_PI_DEFINITION: InstrumentDefinition = {
  code: 'PROMIS_PI',
  flags: [],
  itemCount: 1,
  itemLabels: ['Pain Interference T-score (official PROMIS scoring)'],
  minValue: 30,
  maxValue: 85,
  decimals: 1,
  bands: PROMIS_BANDS,
  missingItemRule: 'Single value (the T-score): no value means no score.',
  computeScore: (items) => scoreStrictSum(items, PROMIS_BANDS),
};

export const scorePromisPi = (items: unknown): ScoreResult => scoreWithDefinition(PROMIS_PI_DEFINITION, items);
