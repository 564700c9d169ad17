import { range } from '../item-helpers';
import { scoreStrictSum } from '../score-strict-sum';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult } from '../types';

const ITEM_COUNT = 23;

/**
 * Only the 23 subjective items are recorded and only their total is scored. Published papers differ
 * on which items form the depersonalization / derealization / amnesia subscales, so we do not report
 * subscales rather than risk a wrong mapping. CADSS has no validated severity bands. Item labels are
 * neutral numbers because the trial uses the licensed item wording from its paper form.
 */
export const CADSS_DEFINITION: InstrumentDefinition = {
  code: 'CADSS',
  flags: [],
  itemCount: ITEM_COUNT,
  itemLabels: range(1, ITEM_COUNT).map((itemNumber) => `CADSS item ${itemNumber}`),
  minValue: 0,
  maxValue: 4,
  decimals: 0,
  bands: [],
  missingItemRule:
    'No total when any item is missing: CADSS is a safety measure after ketamine and a partial sum ' +
    'would understate dissociation.',
  computeScore: (items) => scoreStrictSum(items, []),
};

export const scoreCadss = (items: unknown): ScoreResult => scoreWithDefinition(CADSS_DEFINITION, items);
