import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCriteria } from '@/lib/eligibility/evaluate-criteria';
import { measurementCodesFor } from '@/lib/eligibility/measurement-codes';
import { makeSyntheticCandidates, makeSyntheticCriteria } from '@/lib/eligibility/synthetic-candidates';
import type { EligibilityCandidate, EligibilityCriterion } from '@/lib/eligibility/types';

// The pre-screen loads only the codes measurementCodesFor names. Leaving out the others must never change a
// result, an explanation or a missing item, whatever the protocol.

const AS_OF = '2026-11-23';
const criteria = makeSyntheticCriteria();

function onlyCodes(candidate: EligibilityCandidate, codes: ReadonlySet<string>): EligibilityCandidate {
  return {
    ...candidate,
    measurements: candidate.measurements.filter((m) => codes.has(m.code)),
    labs: candidate.labs.filter((lab) => codes.has(lab.code)),
    diagnoses: candidate.diagnoses.filter((dx) => codes.has(dx.code)),
    medications: candidate.medications.filter((med) => codes.has(med.class)),
    facts: candidate.facts.filter((fact) => codes.has(fact.code)),
  };
}

function criterion(rule: EligibilityCriterion['rule']): EligibilityCriterion {
  return { id: 'c', kind: 'INCLUSION', text: 'Criterion', rule };
}

describe('measurementCodesFor', () => {
  it('names each leaf code, weight and height for a BMI, and nothing for age, sex or judgment', () => {
    expect(measurementCodesFor([criterion({ kind: 'number', measure: 'bmi', op: 'gt', value: 40 })])).toEqual([
      'bmi',
      'height_cm',
      'weight_kg',
    ]);
    expect(
      measurementCodesFor([
        criterion({ kind: 'number', measure: 'age_years', op: 'gte', value: 18 }),
        criterion({ kind: 'sex', anyOf: ['female'] }),
        criterion(null),
      ]),
    ).toEqual(['age_years']);
    expect(
      measurementCodesFor([
        criterion({
          kind: 'any',
          rules: [
            { kind: 'lab', lab: 'alt', reference: 'uln', op: 'gt', value: 3 },
            {
              kind: 'all',
              rules: [
                { kind: 'diagnosis', anyOf: ['schizophrenia', 'bipolar_disorder'] },
                { kind: 'medication', anyOf: ['maoi'], withinDays: 14 },
                { kind: 'fact', fact: 'pregnant', equals: true },
              ],
            },
          ],
        }),
      ]),
    ).toEqual(['alt', 'bipolar_disorder', 'maoi', 'pregnant', 'schizophrenia']);
  });

  it('leaving out every other code changes nothing in any evaluation (random protocols, days and windows)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.subarray(criteria, { minLength: 1 }),
        fc.option(fc.integer({ min: 1, max: 3650 }), { nil: undefined }),
        (seed, rules, screeningWindowDays) => {
          const codes = new Set(measurementCodesFor(rules));
          for (const { candidate } of makeSyntheticCandidates({ count: 20, seed, asOf: AS_OF })) {
            const input = { criteria: rules, asOf: AS_OF, screeningWindowDays };
            expect(evaluateCriteria({ ...input, candidate: onlyCodes(candidate, codes) })).toEqual(
              evaluateCriteria({ ...input, candidate }),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
