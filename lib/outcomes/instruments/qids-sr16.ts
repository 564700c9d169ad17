import { QIDS_ITEM12_FLAG } from '../flags';
import { findBand } from '../find-band';
import { answeredValues, countMissing, pickItems } from '../item-helpers';
import { scoreWithDefinition } from '../score-with-definition';
import type { InstrumentDefinition, ScoreResult, ScoreSuccess, SeverityBand, ValidItems } from '../types';

const QIDS_BANDS: readonly SeverityBand[] = [
  { label: 'none', from: 0, below: 6 },
  { label: 'mild', from: 6, below: 11 },
  { label: 'moderate', from: 11, below: 16 },
  { label: 'severe', from: 16, below: 21 },
  { label: 'very severe', from: 21, below: 28 },
];

const SUICIDALITY_ITEM = 12;

/**
 * The nine DSM symptom domains. A domain scored as the maximum of several items is only a lower
 * bound if one of them is blank, so:
 * - sleep (1–4) and psychomotor (15–16) need every item;
 * - appetite/weight (6–9) needs one answer from {6, 7} and one from {8, 9}, because the form tells
 *   the participant to complete either 6 or 7 and either 8 or 9, never both.
 * The total is given only when all nine domains are scored.
 */
type Domain = { key: string; itemNumbers: readonly number[]; requiredGroups: ReadonlyArray<readonly number[]> };

const DOMAINS: readonly Domain[] = [
  { key: 'sleep', itemNumbers: [1, 2, 3, 4], requiredGroups: [[1], [2], [3], [4]] },
  { key: 'sadMood', itemNumbers: [5], requiredGroups: [[5]] },
  {
    key: 'appetiteWeight',
    itemNumbers: [6, 7, 8, 9],
    requiredGroups: [
      [6, 7],
      [8, 9],
    ],
  },
  { key: 'concentration', itemNumbers: [10], requiredGroups: [[10]] },
  { key: 'selfView', itemNumbers: [11], requiredGroups: [[11]] },
  { key: 'suicidalIdeation', itemNumbers: [12], requiredGroups: [[12]] },
  { key: 'interest', itemNumbers: [13], requiredGroups: [[13]] },
  { key: 'energy', itemNumbers: [14], requiredGroups: [[14]] },
  { key: 'psychomotor', itemNumbers: [15, 16], requiredGroups: [[15], [16]] },
];

const scoreDomain = (items: ValidItems, domain: Domain): number | null => {
  const hasEveryGroup = domain.requiredGroups.every((group) => countMissing(pickItems(items, group)) < group.length);
  if (!hasEveryGroup) return null;
  return Math.max(...answeredValues(pickItems(items, domain.itemNumbers)));
};

const computeQids = (items: ValidItems): ScoreSuccess => {
  const notes: string[] = [];
  const suicidality = items[SUICIDALITY_ITEM - 1] ?? null;
  if (suicidality === null) {
    notes.push('Item 12 (thoughts of death or suicide) was not answered: ask the participant directly.');
  }

  const subscores: Record<string, number | null> = {};
  const unscoredDomains: string[] = [];
  for (const domain of DOMAINS) {
    const score = scoreDomain(items, domain);
    subscores[domain.key] = score;
    if (score === null) unscoredDomains.push(domain.key);
  }

  for (const [first, second] of [
    [6, 7],
    [8, 9],
  ] as const) {
    if (countMissing(pickItems(items, [first, second])) === 0) {
      notes.push(`Items ${first} and ${second} were both answered; the higher value was used.`);
    }
  }

  const isComplete = unscoredDomains.length === 0;
  if (!isComplete)
    notes.push(`No total: domain(s) not scorable because of missing items: ${unscoredDomains.join(', ')}.`);
  const total = isComplete ? Object.values(subscores).reduce<number>((sum, value) => sum + (value ?? 0), 0) : null;

  return { ok: true, total, subscores, severity: findBand(QIDS_BANDS, total), flags: [], isComplete, notes };
};

export const QIDS_SR16_DEFINITION: InstrumentDefinition = {
  code: 'QIDS_SR16',
  flags: [QIDS_ITEM12_FLAG],
  itemCount: 16,
  itemLabels: [
    'Falling asleep',
    'Sleep during the night',
    'Waking up too early',
    'Sleeping too much',
    'Feeling sad',
    'Decreased appetite',
    'Increased appetite',
    'Decreased weight',
    'Increased weight',
    'Concentration / decision making',
    'View of myself',
    'Thoughts of death or suicide',
    'General interest',
    'Energy level',
    'Feeling slowed down',
    'Feeling restless',
  ],
  minValue: 0,
  maxValue: 3,
  decimals: 0,
  bands: QIDS_BANDS,
  missingItemRule:
    'Total only when all nine domains are scorable: sleep (items 1–4) and psychomotor (15–16) need every ' +
    'item, appetite/weight needs one of items 6/7 and one of 8/9 (the form asks for only one of each pair).',
  computeScore: computeQids,
};

export const scoreQidsSr16 = (items: unknown): ScoreResult => scoreWithDefinition(QIDS_SR16_DEFINITION, items);
