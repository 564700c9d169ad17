import { scoreStrictSum } from '../score-strict-sum';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, SeverityBand } from '../types';

const NRS_BANDS: readonly SeverityBand[] = [
  { label: 'none', from: 0, below: 1 },
  { label: 'mild', from: 1, below: 4 },
  { label: 'moderate', from: 4, below: 7 },
  { label: 'severe', from: 7, below: 11 },
];

export const NRS_DEFINITION: InstrumentDefinition = {
  code: 'NRS',
  flags: [],
  itemCount: 1,
  itemLabels: ['Pain intensity (0 = no pain, 10 = worst imaginable)'],
  minValue: 0,
  maxValue: 10,
  decimals: 0,
  bands: NRS_BANDS,
  missingItemRule: 'Single item: no answer means no score.',
  computeScore: (items) => scoreStrictSum(items, NRS_BANDS),
};

export const scoreNrs = (items: unknown): ScoreResult => scoreWithDefinition(NRS_DEFINITION, items);
