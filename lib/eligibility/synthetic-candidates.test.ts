import { describe, expect, it } from 'vitest';
import { ruleNodeSchema } from '@/lib/validations/eligibility';
import { evaluateCriteria, overallResult } from '@/lib/eligibility/evaluate-criteria';
import { summarizePrescreen } from '@/lib/eligibility/summarize-prescreen';
import { makeRandom, makeSyntheticCandidates, makeSyntheticCriteria } from '@/lib/eligibility/synthetic-candidates';

describe('synthetic prescreen data', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(makeSyntheticCandidates({ count: 5, seed: 7 })).toEqual(makeSyntheticCandidates({ count: 5, seed: 7 }));
    expect(makeSyntheticCandidates({ count: 5, seed: 7 })).not.toEqual(makeSyntheticCandidates({ count: 5, seed: 8 }));
    const random = makeRandom(1);
    for (let i = 0; i < 1000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });

  it('has 36 criteria whose rules all pass the rule schema', () => {
    const criteria = makeSyntheticCriteria();
    expect(criteria).toHaveLength(36);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(36);
    for (const criterion of criteria)
      if (criterion.rule !== null) expect(ruleNodeSchema.safeParse(criterion.rule).success).toBe(true);
  });

  // Speed is measured by the bench script; this only proves the full-size batch runs and is complete.
  it('evaluates 10,000 candidates × 36 criteria into 10,000 results with a mix of outcomes', () => {
    const criteria = makeSyntheticCriteria();
    const candidates = makeSyntheticCandidates({ count: 10_000, seed: 20261123 });
    const evaluations = candidates.map(({ candidateId, candidate }) => {
      const results = evaluateCriteria({ criteria, candidate, asOf: '2026-11-23' });
      return { candidateId, overall: overallResult(results), criteria: results };
    });
    expect(evaluations).toHaveLength(10_000);
    expect(evaluations.every((e) => e.criteria.length === 36)).toBe(true);
    const summary = summarizePrescreen(evaluations);
    expect(summary.total).toBe(10_000);
    expect(summary.counts.INELIGIBLE).toBeGreaterThan(0);
    expect(summary.counts.INCOMPLETE).toBeGreaterThan(0);
    expect(summary.counts.PENDING_REVIEW).toBeGreaterThan(0);
    expect(summary.counts.ELIGIBLE).toBe(0);
  });
});
