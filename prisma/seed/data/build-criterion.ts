import type { RuleNode } from '@/lib/validations/eligibility';
import type { TrialDraftInput } from '@/lib/validations/trials';

export type SeedCriterion = NonNullable<TrialDraftInput['criteria']>[number];

// The rule argument has no default on purpose: every seeded criterion states explicitly
// whether it is machine-decidable (a confirmed rule) or left to clinician judgment (null).

/** An inclusion criterion: MET when its rule is true. */
export function inclusion(text: string, rule: RuleNode | null): SeedCriterion {
  return { kind: 'INCLUSION', text, rule, suggestedRule: null };
}

/** An exclusion criterion: the rule describes the EXCLUDING condition (true = excluded). */
export function exclusion(text: string, rule: RuleNode | null): SeedCriterion {
  return { kind: 'EXCLUSION', text, rule, suggestedRule: null };
}
