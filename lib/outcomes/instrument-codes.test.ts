import { describe, expect, it } from 'vitest';
import { INSTRUMENT_CODES, INSTRUMENT_LABELS, isInstrumentCode } from './instrument-codes';
import { instrumentCodeSchema } from './instrument-code-schema';

describe('instrument codes', () => {
  it('lists the nine trial instruments, each with a label', () => {
    expect(INSTRUMENT_CODES).toEqual([
      'PHQ9',
      'GAD7',
      'QIDS_SR16',
      'BDI_II',
      'BPI_SF',
      'PCL5',
      'NRS',
      'PROMIS_PI',
      'CADSS',
    ]);
    for (const code of INSTRUMENT_CODES) expect(INSTRUMENT_LABELS[code].length).toBeGreaterThan(0);
  });

  it('accepts known codes and rejects others, case-sensitively', () => {
    expect(instrumentCodeSchema.safeParse('QIDS_SR16').success).toBe(true);
    expect(instrumentCodeSchema.safeParse('qids_sr16').success).toBe(false);
    expect(isInstrumentCode('CADSS')).toBe(true);
    expect(isInstrumentCode('MADRS')).toBe(false);
    expect(isInstrumentCode(7)).toBe(false);
  });
});
