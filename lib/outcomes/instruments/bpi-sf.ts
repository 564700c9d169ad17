import { answeredValues, missingItemsNote } from '../item-helpers';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, ScoreSuccess, ValidItems } from '../types';

const SEVERITY_ITEM_COUNT = 4;
const INTERFERENCE_ITEM_COUNT = 7;
// BPI user guide: interference is valid when more than half (4 of 7) of its items are answered.
const MIN_INTERFERENCE_ANSWERED = 4;

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Means are returned unrounded so downstream statistics do not accumulate rounding error. */
const computeBpi = (items: ValidItems): ScoreSuccess => {
  const notes: string[] = [];
  const severityItems = items.slice(0, SEVERITY_ITEM_COUNT);
  const interferenceItems = items.slice(SEVERITY_ITEM_COUNT, SEVERITY_ITEM_COUNT + INTERFERENCE_ITEM_COUNT);

  const severityAnswered = answeredValues(severityItems);
  const severity = severityAnswered.length === SEVERITY_ITEM_COUNT ? mean(severityAnswered) : null;
  if (severity === null) notes.push('Pain severity not scored: all 4 severity items (1–4) are required.');

  const interferenceAnswered = answeredValues(interferenceItems);
  const interference = interferenceAnswered.length >= MIN_INTERFERENCE_ANSWERED ? mean(interferenceAnswered) : null;
  if (interference === null) {
    notes.push(`Pain interference not scored: at least ${MIN_INTERFERENCE_ANSWERED} of items 5–11 are required.`);
  } else if (interferenceAnswered.length < INTERFERENCE_ITEM_COUNT) {
    notes.push(
      `Pain interference is the mean of ${interferenceAnswered.length} of ${INTERFERENCE_ITEM_COUNT} answered items.`,
    );
  }

  const missingNote = missingItemsNote(items);
  if (missingNote) notes.unshift(missingNote);

  return {
    ok: true,
    total: null,
    subscores: { severity, interference },
    severity: null,
    flags: [],
    isComplete: answeredValues(items).length === items.length,
    notes,
  };
};

export const BPI_SF_DEFINITION: InstrumentDefinition = {
  code: 'BPI_SF',
  flags: [],
  itemCount: SEVERITY_ITEM_COUNT + INTERFERENCE_ITEM_COUNT,
  itemLabels: [
    'Worst pain',
    'Least pain',
    'Average pain',
    'Pain right now',
    'General activity',
    'Mood',
    'Walking ability',
    'Normal work',
    'Relations with other people',
    'Sleep',
    'Enjoyment of life',
  ],
  minValue: 0,
  maxValue: 10,
  decimals: 0,
  bands: [],
  missingItemRule:
    'BPI has no total. Severity (mean of items 1–4) needs all four; interference (mean of items 5–11) ' +
    'is the mean of the answered items when at least 4 of 7 are answered, as the BPI user guide allows.',
  computeScore: computeBpi,
};

export const scoreBpiSf = (items: unknown): ScoreResult => scoreWithDefinition(BPI_SF_DEFINITION, items);
