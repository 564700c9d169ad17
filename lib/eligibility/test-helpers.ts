import type { RuleNode } from '@/lib/validations/eligibility';
import { evaluateCriteria } from '@/lib/eligibility/evaluate-criteria';
import type { CriterionResult, EligibilityCandidate, EligibilityCriterion } from '@/lib/eligibility/types';

// Shared by the eligibility tests only; fictional data.
export const AS_OF = '2026-11-23';

export function makeCandidate(overrides: Partial<EligibilityCandidate> = {}): EligibilityCandidate {
  return {
    dateOfBirth: '1980-06-15',
    sex: 'female',
    measurements: [],
    labs: [],
    diagnoses: [],
    medications: [],
    facts: [],
    ...overrides,
  };
}

export function checkRule(options: {
  rule: RuleNode | null;
  candidate: EligibilityCandidate;
  kind?: EligibilityCriterion['kind'];
  asOf?: string;
}): CriterionResult {
  const criterion: EligibilityCriterion = {
    id: 'c1',
    kind: options.kind ?? 'INCLUSION',
    text: 'Test criterion',
    rule: options.rule,
  };
  return evaluateCriteria({ criteria: [criterion], candidate: options.candidate, asOf: options.asOf ?? AS_OF })[0];
}
