import { describe, expect, it } from 'vitest';
import { passingResult, reviewCriteria, reviewedResult, signingBlocker } from './review-criteria';

// Worked examples of the signing rule the review form shows live and the server enforces.

describe('reviewedResult', () => {
  it('[CLINICIAN] an override replaces a computed result; a judgment decides a NEEDS_REVIEW criterion', () => {
    expect(reviewedResult({ computed: 'UNKNOWN', override: 'MET' })).toEqual({ result: 'MET', basis: 'override' });
    expect(reviewedResult({ computed: 'NEEDS_REVIEW', judgment: 'NOT_MET' })).toEqual({
      result: 'NOT_MET',
      basis: 'judgment',
    });
  });

  it('[CLINICIAN] a judgment of a computed criterion and an override of a judgment criterion count for nothing', () => {
    expect(reviewedResult({ computed: 'MET', judgment: 'NOT_MET' })).toEqual({ result: 'MET', basis: 'computed' });
    expect(reviewedResult({ computed: 'NEEDS_REVIEW', override: 'MET' })).toEqual({
      result: 'NEEDS_REVIEW',
      basis: 'computed',
    });
  });
});

describe('signingBlocker', () => {
  it('[CLINICIAN] cannot confirm eligibility over an unjudged, unknown or failing criterion', () => {
    expect(signingBlocker({ kind: 'INCLUSION', result: 'NEEDS_REVIEW', basis: 'computed' })).toBe('needs_judgment');
    expect(signingBlocker({ kind: 'INCLUSION', result: 'UNKNOWN', basis: 'computed' })).toBe('needs_override');
    expect(signingBlocker({ kind: 'INCLUSION', result: 'NOT_MET', basis: 'computed' })).toBe('needs_override');
    expect(signingBlocker({ kind: 'EXCLUSION', result: 'MET', basis: 'computed' })).toBe('needs_override');
  });

  it('[CLINICIAN] whose own judgment rules the candidate out must decide not eligible', () => {
    expect(signingBlocker({ kind: 'EXCLUSION', result: 'MET', basis: 'judgment' })).toBe('judged_failing');
  });

  it('[CLINICIAN] may sign over passing results, whatever their basis', () => {
    expect(signingBlocker({ kind: 'INCLUSION', result: 'MET', basis: 'computed' })).toBeNull();
    expect(signingBlocker({ kind: 'EXCLUSION', result: 'NOT_MET', basis: 'override' })).toBeNull();
    expect(passingResult('EXCLUSION')).toBe('NOT_MET');
  });
});

describe('reviewCriteria', () => {
  const results = [
    { criterionId: 'a', kind: 'INCLUSION' as const, text: 'Adult', result: 'MET' as const },
    { criterionId: 'b', kind: 'EXCLUSION' as const, text: 'Psychosis', result: 'NEEDS_REVIEW' as const },
  ];

  it('[CLINICIAN] refuses ELIGIBLE while a judgment criterion is unjudged, and names it', () => {
    const outcome = reviewCriteria({
      results,
      computedOverall: 'PENDING_REVIEW',
      decision: 'ELIGIBLE',
      judgments: [],
      overrides: [],
    });
    expect(outcome).toMatchObject({ ok: false, unresolved: [{ criterionId: 'b', needs: 'judgment' }] });
  });

  it('[CLINICIAN] signs ELIGIBLE once the judgment criterion is judged passing', () => {
    const outcome = reviewCriteria({
      results,
      computedOverall: 'PENDING_REVIEW',
      decision: 'ELIGIBLE',
      judgments: [{ criterionId: 'b', result: 'NOT_MET', note: 'No history of psychosis.' }],
      overrides: [],
    });
    expect(outcome).toMatchObject({ ok: true, review: { reviewedOverall: 'PENDING_SIGNATURE' } });
  });
});
