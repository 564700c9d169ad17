import type { InstrumentCode } from '@/lib/outcomes/instrument-codes';

/**
 * The one number charted and summarised for an instrument: its total, or for the BPI short form
 * (which has no total) the pain severity score, the mean of items 1–4, as pain studies report it.
 */
export function primaryScore(instrument: string, total: number | null, subscores: unknown): number | null {
  if (total !== null) return total;
  if (instrument === ('BPI_SF' satisfies InstrumentCode) && subscores && typeof subscores === 'object') {
    const severity = (subscores as Record<string, unknown>).severity;
    return typeof severity === 'number' && Number.isFinite(severity) ? severity : null;
  }
  return null;
}

/** What the primary score is called for an instrument, for axis and column labels. */
export function primaryScoreLabel(instrument: string): string {
  if (instrument === 'BPI_SF') return 'Pain severity (mean of items 1–4)';
  if (instrument === 'PROMIS_PI') return 'T-score';
  return 'Total';
}
