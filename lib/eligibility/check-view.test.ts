import { describe, expect, it } from 'vitest';
import { countByResult } from '@/lib/eligibility/check-view';

describe('countByResult', () => {
  // 23 clinician-judgment items judged at signing: the summary must not still say "Needs review: 23".
  const criteria = [
    ...Array.from({ length: 23 }, (_, index) => ({
      result: 'NEEDS_REVIEW' as const,
      reviewed: index < 20 ? ('MET' as const) : ('NOT_MET' as const),
    })),
    { result: 'MET' as const, reviewed: 'MET' as const },
    { result: 'UNKNOWN' as const, reviewed: 'NOT_MET' as const },
  ];

  it('counts the reviewed results once signed', () => {
    expect(countByResult(criteria, 'reviewed')).toEqual([
      { result: 'MET', count: 21 },
      { result: 'NOT_MET', count: 4 },
      { result: 'UNKNOWN', count: 0 },
      { result: 'NEEDS_REVIEW', count: 0 },
    ]);
  });

  it("counts the engine's results before signing", () => {
    expect(countByResult(criteria, 'computed')).toEqual([
      { result: 'MET', count: 1 },
      { result: 'NOT_MET', count: 0 },
      { result: 'UNKNOWN', count: 1 },
      { result: 'NEEDS_REVIEW', count: 23 },
    ]);
  });
});
