import type { CandidateIndex } from '@/lib/eligibility/index-candidate';

// Three-valued truth as small integers: cheap to compare in the hot path.
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/** Filled while a rule runs: one-line observations of the data used, and data that would decide an UNKNOWN. */
export type Scratch = { observations: string[]; missing: string[] };
export type RuleEvaluator = (index: CandidateIndex, scratch: Scratch) => Truth;

/** True when a dated entry is older than the rule's window on the check day. */
export function isStale(index: CandidateIndex, day: number, withinDays: number | undefined): boolean {
  return withinDays !== undefined && index.asOfDay - day > withinDays;
}
