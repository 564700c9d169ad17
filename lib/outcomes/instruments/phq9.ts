import { findBand } from '../find-band';
import { PHQ9_ITEM9_FLAG } from '../flags';
import { answeredValues, countMissing, missingItemsNote } from '../item-helpers';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, ScoreSuccess, SeverityBand, ValidItems } from '../types';

const ITEM_COUNT = 9;
const MAX_MISSING_FOR_PRORATION = 2;
const SUICIDALITY_ITEM_INDEX = 8;

const PHQ9_BANDS: readonly SeverityBand[] = [
  { label: 'none–minimal', from: 0, below: 5 },
  { label: 'mild', from: 5, below: 10 },
  { label: 'moderate', from: 10, below: 15 },
  { label: 'moderately severe', from: 15, below: 20 },
  { label: 'severe', from: 20, below: 28 },
];

const computePhq9 = (items: ValidItems): ScoreSuccess => {
  const notes: string[] = [];
  const item9 = items[SUICIDALITY_ITEM_INDEX] ?? null;
  if (item9 === null) {
    notes.push('Item 9 (thoughts of death or self-harm) was not answered: ask the participant directly.');
  }

  const missingCount = countMissing(items);
  const answered = answeredValues(items);
  const sum = answered.reduce((total, value) => total + value, 0);
  const missingNote = missingItemsNote(items);
  if (missingNote) notes.push(missingNote);

  let total: number | null = null;
  if (missingCount === 0) {
    total = sum;
  } else if (missingCount <= MAX_MISSING_FOR_PRORATION) {
    // Math.round rounds halves up (4.5 -> 5): towards the more severe band, the safer error.
    total = Math.round((sum * ITEM_COUNT) / answered.length);
    notes.push(`Total prorated from ${answered.length} of ${ITEM_COUNT} answered items.`);
  } else {
    notes.push(`No total: more than ${MAX_MISSING_FOR_PRORATION} items missing.`);
  }

  return {
    ok: true,
    total,
    subscores: {},
    severity: findBand(PHQ9_BANDS, total),
    flags: [],
    isComplete: missingCount === 0,
    notes,
  };
};

export const PHQ9_DEFINITION: InstrumentDefinition = {
  code: 'PHQ9',
  flags: [PHQ9_ITEM9_FLAG],
  itemCount: ITEM_COUNT,
  itemLabels: [
    'Little interest or pleasure',
    'Feeling down, depressed or hopeless',
    'Sleep problems',
    'Tired or little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself',
    'Trouble concentrating',
    'Slowed down or restless',
    'Thoughts of death or self-harm',
  ],
  minValue: 0,
  maxValue: 3,
  decimals: 0,
  bands: PHQ9_BANDS,
  missingItemRule:
    'Published PHQ guidance (PHQ instruction manual; NHS Data Dictionary): with 1 or 2 items missing the ' +
    'total is prorated (mean of answered items x 9, rounded); with more than 2 missing no total is given. ' +
    'isComplete stays false for prorated totals so analyses can exclude or flag them.',
  computeScore: computePhq9,
};

export const scorePhq9 = (items: unknown): ScoreResult => scoreWithDefinition(PHQ9_DEFINITION, items);
