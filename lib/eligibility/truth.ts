import type { CandidateIndex } from '@/lib/eligibility/index-candidate';
import { applicableWindow, describeStale } from '@/lib/eligibility/screening-window';

// Three-valued truth as small integers: cheap to compare in the hot path.
export const FALSE = 0;
export const TRUE = 1;
export const UNKNOWN = 2;
export type Truth = typeof FALSE | typeof TRUE | typeof UNKNOWN;

/**
 * Filled while a rule runs: one-line observations of the data used, and data that would decide an UNKNOWN.
 * `isExplaining` false (the batch pre-screen, which never shows explanations) skips building the observation
 * strings; truth values and missing items are computed by the same code either way.
 */
export type Scratch = { isExplaining: boolean; observations: string[]; missing: string[] };
export type RuleEvaluator = (index: CandidateIndex, scratch: Scratch) => Truth;

/** True when a value recorded on `day` is recent enough (allocation-free: call before building a stale note). */
export function isFresh(index: CandidateIndex, day: number, ruleWithinDays: number | undefined): boolean {
  return index.asOfDay - day <= (ruleWithinDays ?? index.screeningWindowDays);
}

/**
 * Why a value recorded on `day` cannot be used (older than the rule's own window, else the trial's screening
 * window), or null when it is recent enough. Allocation-free on the common, fresh path.
 */
export function staleNote(
  index: CandidateIndex,
  day: number,
  ruleWithinDays: number | undefined,
  what: string,
): string | null {
  const age = index.asOfDay - day;
  if (age <= (ruleWithinDays ?? index.screeningWindowDays)) return null;
  return describeStale(what, age, applicableWindow(ruleWithinDays, index.screeningWindowDays));
}
