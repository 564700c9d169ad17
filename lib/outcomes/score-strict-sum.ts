import { findBand } from './find-band';
import { countMissing, missingItemsNote, sumIfComplete } from './item-helpers';
import type { ScoreSuccess, SeverityBand, ValidItems } from './types';

/**
 * Shared scoring for instruments whose total is the plain item sum and for which we give no total
 * when any item is missing: a partial sum understates severity, and proration is left to the
 * statistical analysis plan where the instrument's own manual does not prescribe it.
 */
export const scoreStrictSum = (items: ValidItems, bands: readonly SeverityBand[]): ScoreSuccess => {
  const total = sumIfComplete(items);
  const notes: string[] = [];
  const missingNote = missingItemsNote(items);
  if (missingNote) notes.push(missingNote, 'No total: every item must be answered.');
  return {
    ok: true,
    total,
    subscores: {},
    severity: bands.length > 0 ? findBand(bands, total) : null,
    flags: [],
    isComplete: countMissing(items) === 0,
    notes,
  };
};
