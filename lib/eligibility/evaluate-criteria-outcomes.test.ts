import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '@/lib/eligibility/day-number';
import { evaluateCriteria, evaluateCriteriaOutcomes } from '@/lib/eligibility/evaluate-criteria';
import { makeSyntheticCandidates, makeSyntheticCriteria } from '@/lib/eligibility/synthetic-candidates';
import type { CriterionResult, EligibilityCandidate, EligibilityCriterion } from '@/lib/eligibility/types';

// The batch pre-screen runs evaluateCriteriaOutcomes (no explanation strings); a single check runs
// evaluateCriteria. A pre-screen that called a candidate differently from their own check would be the worst
// kind of bug, so every field but the explanation must be identical, on every candidate.

const AS_OF = '2026-11-23';
const criteria = makeSyntheticCriteria();

function withoutExplanation(results: CriterionResult[]) {
  return results.map(({ explanation: _explanation, ...outcome }) => outcome);
}

function expectSameOutcomes(
  candidate: EligibilityCandidate,
  asOf: string,
  screeningWindowDays: number | undefined,
  rules: ReadonlyArray<EligibilityCriterion> = criteria,
) {
  const full = evaluateCriteria({ criteria: rules, candidate, asOf, screeningWindowDays });
  const lean = evaluateCriteriaOutcomes({ criteria: rules, candidate, asOf, screeningWindowDays });
  expect(lean).toEqual(withoutExplanation(full));
}

describe('evaluateCriteriaOutcomes', () => {
  it('matches evaluateCriteria on 10,000 synthetic candidates × 36 criteria, field by field', () => {
    const candidates = makeSyntheticCandidates({ count: 10_000, seed: 20261123, asOf: AS_OF });
    const seen = new Set<string>();
    for (const { candidate } of candidates) {
      const full = evaluateCriteria({ criteria, candidate, asOf: AS_OF });
      const lean = evaluateCriteriaOutcomes({ criteria, candidate, asOf: AS_OF });
      expect(lean).toEqual(withoutExplanation(full));
      for (const result of full) seen.add(`${result.kind}:${result.result}:${result.missing.length > 0}`);
    }
    // The comparison is only worth something if the data reaches every kind of result.
    for (const outcome of ['INCLUSION:MET', 'INCLUSION:NOT_MET', 'EXCLUSION:MET', 'EXCLUSION:NOT_MET'])
      expect(seen.has(`${outcome}:false`)).toBe(true);
    expect(seen.has('INCLUSION:UNKNOWN:true')).toBe(true);
    expect(seen.has('EXCLUSION:UNKNOWN:true')).toBe(true);
    expect(seen.has('INCLUSION:NEEDS_REVIEW:false')).toBe(true);
  });

  it('matches evaluateCriteria for any seed, check day and screening window (stale and missing data included)', () => {
    const asOfDay = toDayNumber(AS_OF);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: -400, max: 400 }),
        fc.option(fc.integer({ min: 1, max: 3650 }), { nil: undefined }),
        fc.subarray(criteria, { minLength: 1 }),
        (seed, shift, screeningWindowDays, rules) => {
          const asOf = fromDayNumber(asOfDay + shift);
          for (const { candidate } of makeSyntheticCandidates({ count: 20, seed, asOf: AS_OF }))
            expectSameOutcomes(candidate, asOf, screeningWindowDays, rules);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('matches evaluateCriteria for a candidate with no data at all', () => {
    const empty: EligibilityCandidate = {
      dateOfBirth: '',
      sex: 'unknown',
      measurements: [],
      labs: [],
      diagnoses: [],
      medications: [],
      facts: [],
    };
    expectSameOutcomes(empty, AS_OF, undefined);
    const results = evaluateCriteriaOutcomes({ criteria, candidate: empty, asOf: AS_OF });
    expect(results.filter((r) => r.result === 'UNKNOWN').length).toBeGreaterThan(20);
  });
});
