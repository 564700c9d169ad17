import { BDI2_ITEM9_FLAG } from '../flags';
import { scoreStrictSum } from '../score-strict-sum';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, ScoreSuccess, SeverityBand, ValidItems } from '../types';

const BDI_BANDS: readonly SeverityBand[] = [
  { label: 'minimal', from: 0, below: 14 },
  { label: 'mild', from: 14, below: 20 },
  { label: 'moderate', from: 20, below: 29 },
  { label: 'severe', from: 29, below: 64 },
];

const SUICIDALITY_ITEM = 9;

const computeBdi = (items: ValidItems): ScoreSuccess => {
  const result = scoreStrictSum(items, BDI_BANDS);
  const suicidality = items[SUICIDALITY_ITEM - 1] ?? null;
  if (suicidality === null) {
    result.notes.unshift('Item 9 (suicidal thoughts or wishes) was not answered: ask the participant directly.');
  }
  return result;
};

export const BDI_II_DEFINITION: InstrumentDefinition = {
  code: 'BDI_II',
  flags: [BDI2_ITEM9_FLAG],
  itemCount: 21,
  itemLabels: [
    'Sadness',
    'Pessimism',
    'Past failure',
    'Loss of pleasure',
    'Guilty feelings',
    'Punishment feelings',
    'Self-dislike',
    'Self-criticalness',
    'Suicidal thoughts or wishes',
    'Crying',
    'Agitation',
    'Loss of interest',
    'Indecisiveness',
    'Worthlessness',
    'Loss of energy',
    'Changes in sleeping pattern',
    'Irritability',
    'Changes in appetite',
    'Concentration difficulty',
    'Tiredness or fatigue',
    'Loss of interest in sex',
  ],
  minValue: 0,
  maxValue: 3,
  decimals: 0,
  bands: BDI_BANDS,
  // Items 16 and 18 have a/b response options (e.g. 1a, 1b); both letters score the same number, so
  // they are entered as 0–3 like every other item.
  missingItemRule:
    'No total when any item is missing: we do not prorate BDI-II because a blank item (often the ' +
    'suicide or sex item) is not missing at random, and the cut-offs assume all 21 items.',
  computeScore: computeBdi,
};

export const scoreBdiII = (items: unknown): ScoreResult => scoreWithDefinition(BDI_II_DEFINITION, items);
