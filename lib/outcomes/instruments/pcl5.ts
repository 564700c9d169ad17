import { PCL5_PROBABLE_PTSD_CUTOFF, PCL5_PROBABLE_PTSD_FLAG } from '../flags';
import { pickItems, range, sumIfComplete } from '../item-helpers';
import { scoreStrictSum } from '../score-strict-sum';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, ScoreSuccess, SeverityBand, ValidItems } from '../types';

// The trial protocol uses 33, the upper end of the 31–33 cut-off range suggested by the National Center for PTSD.
export { PCL5_PROBABLE_PTSD_CUTOFF };

const PCL5_BANDS: readonly SeverityBand[] = [
  { label: 'below threshold', from: 0, below: PCL5_PROBABLE_PTSD_CUTOFF },
  { label: 'probable PTSD', from: PCL5_PROBABLE_PTSD_CUTOFF, below: 81 },
];

// DSM-5 symptom clusters; each cluster sum needs all of its items, like the total.
const CLUSTERS = {
  intrusion: range(1, 5),
  avoidance: range(6, 7),
  negativeCognitionMood: range(8, 14),
  arousalReactivity: range(15, 20),
} as const;

const computePcl5 = (items: ValidItems): ScoreSuccess => {
  const result = scoreStrictSum(items, PCL5_BANDS);
  for (const [key, itemNumbers] of Object.entries(CLUSTERS)) {
    result.subscores[key] = sumIfComplete(pickItems(items, itemNumbers));
  }
  return result;
};

export const PCL5_DEFINITION: InstrumentDefinition = {
  code: 'PCL5',
  flags: [PCL5_PROBABLE_PTSD_FLAG],
  itemCount: 20,
  itemLabels: [
    'Intrusive memories',
    'Disturbing dreams',
    'Flashbacks',
    'Upset by reminders',
    'Physical reactions to reminders',
    'Avoiding memories, thoughts or feelings',
    'Avoiding external reminders',
    'Trouble remembering parts of the event',
    'Strong negative beliefs',
    'Blaming self or others',
    'Strong negative feelings',
    'Loss of interest in activities',
    'Feeling distant or cut off',
    'Trouble having positive feelings',
    'Irritable or aggressive',
    'Risky or self-destructive behaviour',
    'Superalert or on guard',
    'Jumpy or easily startled',
    'Difficulty concentrating',
    'Trouble sleeping',
  ],
  minValue: 0,
  maxValue: 4,
  decimals: 0,
  bands: PCL5_BANDS,
  missingItemRule:
    'No total (and no probable-PTSD call) when any item is missing: a partial sum could fall below the ' +
    'cut-off only because items are blank. Cluster sums likewise need all their items.',
  computeScore: computePcl5,
};

export const scorePcl5 = (items: unknown): ScoreResult => scoreWithDefinition(PCL5_DEFINITION, items);
