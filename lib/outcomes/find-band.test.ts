import { describe, expect, it } from 'vitest';
import { findBand } from './find-band';

const BANDS = [
  { label: 'low', from: 0, below: 5 },
  { label: 'high', from: 5, below: 10 },
];

describe('findBand', () => {
  it('treats bands as [from, below)', () => {
    expect(findBand(BANDS, 0)).toBe('low');
    expect(findBand(BANDS, 4.9)).toBe('low');
    expect(findBand(BANDS, 5)).toBe('high');
    expect(findBand(BANDS, 9.9)).toBe('high');
  });

  it('returns null outside every band, for null and for NaN', () => {
    expect(findBand(BANDS, 10)).toBeNull();
    expect(findBand(BANDS, -1)).toBeNull();
    expect(findBand(BANDS, null)).toBeNull();
    expect(findBand(BANDS, Number.NaN)).toBeNull();
  });
});
