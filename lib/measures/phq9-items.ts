import { PHQ9_DEFINITION, scorePhq9 } from '@/lib/outcomes/instruments/phq9';

// A PHQ-9 taken at screening can be entered as its nine answers instead of a total typed alone:
// `{ code: 'phq9', items: [9 × 0–3], measuredAt }`. It is stored as the phq9_total the eligibility
// rules read, scored by the outcomes scorer (lib/outcomes, the one home of PHQ-9 scoring), with the
// answers kept so the same questionnaire can later become the outcome baseline (decision 0040).

/** The entry code a form or the API uses for a PHQ-9 entered item by item. */
export const PHQ9_ITEMS_CODE = 'phq9';
/** The measure it is stored and judged as. */
export const PHQ9_TOTAL_CODE = 'phq9_total';
export const PHQ9_ITEM_COUNT = PHQ9_DEFINITION.itemCount;
export const PHQ9_ITEM_MIN = PHQ9_DEFINITION.minValue;
export const PHQ9_ITEM_MAX = PHQ9_DEFINITION.maxValue;
export const PHQ9_ITEM_LABELS: readonly string[] = PHQ9_DEFINITION.itemLabels;
export const PHQ9_ALL_ITEMS_MESSAGE = `Answer all ${PHQ9_ITEM_COUNT} items (${PHQ9_ITEM_MIN}–${PHQ9_ITEM_MAX}) or type the total instead.`;

export type Phq9ItemsScore = { ok: true; total: number } | { ok: false; message: string };

/**
 * The screening total of nine answers, by the outcomes scorer. Screening asks for every item: a
 * prorated total is an outcome rule, and an eligibility threshold is not judged on a guess.
 */
export function scorePhq9Items(items: readonly unknown[]): Phq9ItemsScore {
  if (items.length !== PHQ9_ITEM_COUNT || items.some((item) => item === null || item === undefined))
    return { ok: false, message: PHQ9_ALL_ITEMS_MESSAGE };
  const result = scorePhq9(items);
  if (!result.ok) return { ok: false, message: result.errors.map((error) => error.message).join(' ') };
  if (result.total === null || !result.isComplete) return { ok: false, message: PHQ9_ALL_ITEMS_MESSAGE };
  return { ok: true, total: result.total };
}

/** Stored items (Measurement.items JSON) read back as nine answers, or null when they are not. */
export function readPhq9Items(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length !== PHQ9_ITEM_COUNT) return null;
  if (!value.every((item) => Number.isInteger(item) && item >= PHQ9_ITEM_MIN && item <= PHQ9_ITEM_MAX)) return null;
  return value as number[];
}
