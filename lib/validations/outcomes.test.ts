import { describe, expect, it } from 'vitest';
import { correctAssessmentSchema, recordAssessmentSchema } from './outcomes';

const VALID = {
  enrollmentId: 'enr_123',
  instrument: 'PHQ9',
  timepoint: 'AFTER_SESSION_1',
  administeredAt: '2025-03-04T09:30:00Z',
  items: [0, 1, 2, 3, null, 0, 0, 0, 0],
};

const issuePaths = (input: unknown) => {
  const result = recordAssessmentSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('recordAssessmentSchema', () => {
  it('accepts a valid record, including an offset date-time and DAY_7_AFTER_LAST', () => {
    expect(recordAssessmentSchema.parse(VALID)).toEqual(VALID);
    expect(
      issuePaths({ ...VALID, administeredAt: '2025-03-04T09:30:00+01:00', timepoint: 'DAY_7_AFTER_LAST' }),
    ).toEqual([]);
  });

  it('rejects an unknown instrument, empty enrollment and a lower-case timepoint', () => {
    expect(issuePaths({ ...VALID, instrument: 'MADRS' })).toEqual(['instrument']);
    expect(issuePaths({ ...VALID, enrollmentId: '  ' })).toEqual(['enrollmentId']);
    expect(issuePaths({ ...VALID, timepoint: 'baseline' })).toEqual(['timepoint']);
  });

  it('rejects a date without time and a non-date', () => {
    expect(issuePaths({ ...VALID, administeredAt: '2025-03-04' })).toEqual(['administeredAt']);
    expect(issuePaths({ ...VALID, administeredAt: 'yesterday' })).toEqual(['administeredAt']);
  });

  it('only checks the item array shape: 1–30 numbers or nulls', () => {
    expect(issuePaths({ ...VALID, items: [99] })).toEqual([]);
    expect(issuePaths({ ...VALID, items: [] })).toEqual(['items']);
    expect(issuePaths({ ...VALID, items: Array(31).fill(0) })).toEqual(['items']);
    expect(issuePaths({ ...VALID, items: [1, '2'] })).toEqual(['items.1']);
    expect(issuePaths({ ...VALID, items: [Number.NaN] })).toEqual(['items.0']);
  });
});

describe('correctAssessmentSchema', () => {
  it('requires a reason of at least 5 characters after trimming', () => {
    expect(correctAssessmentSchema.safeParse({ items: [1], reason: 'Typo in item 3' }).success).toBe(true);
    expect(correctAssessmentSchema.safeParse({ items: [1], reason: 'typo' }).success).toBe(false);
    expect(correctAssessmentSchema.safeParse({ items: [1], reason: '   typo   ' }).success).toBe(false);
    expect(correctAssessmentSchema.safeParse({ items: [], reason: 'Typo in item 3' }).success).toBe(false);
  });
});
