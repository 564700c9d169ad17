import { describe, expect, it } from 'vitest';
import { isBlocking, overallResult } from '@/lib/eligibility/overall-result';
import type { CriterionResult } from '@/lib/eligibility/types';

type Row = Pick<CriterionResult, 'kind' | 'result'>;
const inc = (result: Row['result']): Row => ({ kind: 'INCLUSION', result });
const exc = (result: Row['result']): Row => ({ kind: 'EXCLUSION', result });

describe('overallResult', () => {
  it('is INELIGIBLE when an inclusion is not met, even with unknowns and reviews', () => {
    expect(overallResult([inc('UNKNOWN'), inc('NEEDS_REVIEW'), inc('NOT_MET')])).toBe('INELIGIBLE');
  });

  it('is INELIGIBLE when an exclusion is met', () => {
    expect(overallResult([inc('MET'), exc('UNKNOWN'), exc('MET')])).toBe('INELIGIBLE');
  });

  it('is INCOMPLETE when nothing fails but something is unknown, ahead of review', () => {
    expect(overallResult([inc('MET'), exc('NOT_MET'), inc('NEEDS_REVIEW'), exc('UNKNOWN')])).toBe('INCOMPLETE');
  });

  it('is PENDING_REVIEW when only clinician-judgment criteria remain', () => {
    expect(overallResult([inc('MET'), exc('NOT_MET'), exc('NEEDS_REVIEW')])).toBe('PENDING_REVIEW');
  });

  it('is PENDING_SIGNATURE, never ELIGIBLE, when every criterion is computed and passes', () => {
    expect(overallResult([inc('MET'), exc('NOT_MET')])).toBe('PENDING_SIGNATURE');
    expect(overallResult([])).toBe('PENDING_SIGNATURE');
  });

  it('does not treat a met inclusion or an unmet exclusion as blocking', () => {
    expect(isBlocking(inc('MET'))).toBe(false);
    expect(isBlocking(exc('NOT_MET'))).toBe(false);
    expect(isBlocking(inc('NOT_MET'))).toBe(true);
    expect(isBlocking(exc('MET'))).toBe(true);
    expect(isBlocking(exc('UNKNOWN'))).toBe(false);
  });
});
