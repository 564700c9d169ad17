import { scoreStrictSum } from '../score-strict-sum';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, SeverityBand } from '../types';

const GAD7_BANDS: readonly SeverityBand[] = [
  { label: 'minimal', from: 0, below: 5 },
  { label: 'mild', from: 5, below: 10 },
  { label: 'moderate', from: 10, below: 15 },
  { label: 'severe', from: 15, below: 22 },
];

export const GAD7_DEFINITION: InstrumentDefinition = {
  code: 'GAD7',
  flags: [],
  itemCount: 7,
  itemLabels: [
    'Nervous, anxious or on edge',
    'Unable to stop or control worrying',
    'Worrying too much',
    'Trouble relaxing',
    'So restless it is hard to sit still',
    'Easily annoyed or irritable',
    'Afraid something awful might happen',
  ],
  minValue: 0,
  maxValue: 3,
  decimals: 0,
  bands: GAD7_BANDS,
  missingItemRule:
    'No total when any item is missing. We did not adopt a proration rule for GAD-7 because we could not ' +
    "confirm one in the developers' guidance; with 7 items one blank is a large share of the score.",
  computeScore: (items) => scoreStrictSum(items, GAD7_BANDS),
};

export const scoreGad7 = (items: unknown): ScoreResult => scoreWithDefinition(GAD7_DEFINITION, items);
