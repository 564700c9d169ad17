import { isInstrumentCode } from '@/lib/outcomes/instrument-codes';
import { INSTRUMENT_DEFINITIONS } from '@/lib/outcomes/instruments';

export type ScoreBand = { label: string; from: number; to: number };
export type ScoreScale = { min: number; max: number; bands: ScoreBand[] };

/**
 * The range of an instrument's primary score and its severity bands clipped to that range, for chart
 * axes and shaded bands. Bands are half-open [from, below) in the definitions; `to` is `below` clipped.
 */
export function scoreScale(instrument: string): ScoreScale | null {
  if (!isInstrumentCode(instrument)) return null;
  const definition = INSTRUMENT_DEFINITIONS[instrument];
  const lastBand = definition.bands.at(-1);
  let min = 0;
  let max: number;
  if (instrument === 'PROMIS_PI') {
    min = definition.minValue;
    max = definition.maxValue;
  } else if (lastBand && Number.isFinite(lastBand.below)) {
    // Integer totals: the last band ends just below `below`.
    max = lastBand.below - 1;
  } else if (instrument === 'BPI_SF') {
    max = definition.maxValue;
  } else {
    max = definition.maxValue * definition.itemCount;
  }
  const bands = definition.bands.map((band) => ({
    label: band.label,
    from: Math.max(band.from, min),
    to: Math.min(band.below, max),
  }));
  return { min, max, bands };
}
