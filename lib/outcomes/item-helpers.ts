import type { ValidItems } from './types';

/** 1-based item numbers, matching the printed questionnaires. */
export const pickItems = (items: ValidItems, itemNumbers: readonly number[]): Array<number | null> =>
  itemNumbers.map((itemNumber) => items[itemNumber - 1] ?? null);

export const countMissing = (values: ReadonlyArray<number | null>): number =>
  values.filter((value) => value === null).length;

export const answeredValues = (values: ReadonlyArray<number | null>): number[] =>
  values.filter((value): value is number => value !== null);

/** Sum only when every value is present; a partial sum would understate severity. */
export const sumIfComplete = (values: ReadonlyArray<number | null>): number | null =>
  countMissing(values) > 0 ? null : answeredValues(values).reduce((sum, value) => sum + value, 0);

export const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, offset) => from + offset);

export const missingItemsNote = (values: ReadonlyArray<number | null>): string | null => {
  const missing = values.flatMap((value, index) => (value === null ? [index + 1] : []));
  if (missing.length === 0) return null;
  return `Missing item(s): ${missing.join(', ')}.`;
};
