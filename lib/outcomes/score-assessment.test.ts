import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_CODES } from './instrument-codes';
import { INSTRUMENT_DEFINITIONS } from './instruments';
import { scoreAssessment } from './score-assessment';
import { expectErrors, expectOk } from './test-items';

describe('scoreAssessment', () => {
  it('dispatches every instrument code to its definition', () => {
    const expectedMinimumTotal: Record<string, number | null> = {
      PHQ9: 0,
      GAD7: 0,
      QIDS_SR16: 0,
      BDI_II: 0,
      BPI_SF: null,
      PCL5: 0,
      NRS: 0,
      PROMIS_PI: 30,
      CADSS: 0,
    };
    for (const instrument of INSTRUMENT_CODES) {
      const definition = INSTRUMENT_DEFINITIONS[instrument];
      expect(definition.code).toBe(instrument);
      expect(definition.itemLabels).toHaveLength(definition.itemCount);
      const result = expectOk(
        scoreAssessment({ instrument, items: Array(definition.itemCount).fill(definition.minValue) }),
      );
      expect(result.total).toBe(expectedMinimumTotal[instrument]);
    }
  });

  it('scores a worked PHQ-9 example', () => {
    expect(scoreAssessment({ instrument: 'PHQ9', items: [2, 2, 1, 1, 1, 1, 1, 1, 0] })).toMatchObject({
      ok: true,
      total: 10,
      severity: 'moderate',
      flags: [],
    });
  });

  it('rejects an unknown or missing instrument on the instrument field', () => {
    expect(expectErrors(scoreAssessment({ instrument: 'HAMD17', items: [0] }))[0]?.field).toBe('instrument');
    expect(expectErrors(scoreAssessment({ instrument: 'phq9', items: Array(9).fill(0) }))[0]?.field).toBe('instrument');
    expect(expectErrors(scoreAssessment({ instrument: undefined, items: [0] }))[0]?.field).toBe('instrument');
  });

  it('rejects items that are not an array', () => {
    expect(expectErrors(scoreAssessment({ instrument: 'NRS', items: 5 }))).toEqual([
      { field: 'items', message: 'Items must be an array.' },
    ]);
  });

  it('rejects NaN, Infinity, booleans and strings, reporting every bad item', () => {
    const errors = expectErrors(
      scoreAssessment({ instrument: 'GAD7', items: [Number.NaN, Number.POSITIVE_INFINITY, true, '2', 0, 0, 0] }),
    );
    expect(errors.map((error) => error.field)).toEqual(['items.0', 'items.1', 'items.2', 'items.3']);
  });

  it('returns an all-blank form as scored-but-empty rather than an error', () => {
    expect(expectOk(scoreAssessment({ instrument: 'PHQ9', items: Array(9).fill(null) }))).toMatchObject({
      total: null,
      severity: null,
      isComplete: false,
      flags: [],
    });
  });

  it('never throws and keeps complete totals inside the instrument range (property)', () => {
    const sumInstruments = ['PHQ9', 'GAD7', 'BDI_II', 'PCL5', 'CADSS'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...sumInstruments).chain((instrument) => {
          const { itemCount, maxValue } = INSTRUMENT_DEFINITIONS[instrument];
          const items = fc.array(fc.integer({ min: 0, max: maxValue }), { minLength: itemCount, maxLength: itemCount });
          return fc.tuple(fc.constant(instrument), items);
        }),
        ([instrument, items]) => {
          const definition = INSTRUMENT_DEFINITIONS[instrument];
          const result = expectOk(scoreAssessment({ instrument, items }));
          expect(result.total).toBe(items.reduce((sum, value) => sum + value, 0));
          expect(result.isComplete).toBe(true);
          expect(result.severity === null).toBe(definition.bands.length === 0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
