import type { SeverityBand } from './types';

export const findBand = (bands: readonly SeverityBand[], value: number | null): string | null => {
  if (value === null || !Number.isFinite(value)) return null;
  const band = bands.find((candidate) => value >= candidate.from && value < candidate.below);
  return band ? band.label : null;
};
