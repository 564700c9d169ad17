import { compileRule, TRUE, FALSE, UNKNOWN, type Scratch } from '@/lib/eligibility/compile-rule';
import { indexCandidate, type CandidateIndex } from '@/lib/eligibility/index-candidate';
import type {
  CriterionOutcome,
  CriterionResult,
  EligibilityCandidate,
  EligibilityCriterion,
} from '@/lib/eligibility/types';

export { overallResult } from '@/lib/eligibility/overall-result';
export type {
  CriterionOutcome,
  CriterionResult,
  EligibilityCandidate,
  EligibilityCriterion,
} from '@/lib/eligibility/types';

export type EvaluateCriteriaInput = {
  /** In display order; results come back in the same order. */
  criteria: ReadonlyArray<EligibilityCriterion>;
  candidate: EligibilityCandidate;
  /** The day of the check (YYYY-MM-DD): ages, time windows and "most recent" are all judged on this day. */
  asOf: string;
  /** The trial's screening window in days (lib/eligibility/screening-window.ts); default 30. */
  screeningWindowDays?: number;
};

// Results that need nothing share one frozen array: 360,000 empty arrays per prescreen are pure GC load,
// and freezing makes any accidental mutation fail loudly instead of leaking into other results.
const NO_MISSING: string[] = Object.freeze([]) as unknown as string[];

// Observation lists are short (one entry per leaf), so a linear scan beats allocating a Set.
function dedupeInPlace(items: string[]): void {
  if (items.length < 2) return;
  let kept = 1;
  for (let i = 1; i < items.length; i++) {
    let isDuplicate = false;
    for (let j = 0; j < kept; j++) if (items[j] === items[i]) isDuplicate = true;
    if (!isDuplicate) items[kept++] = items[i];
  }
  if (kept !== items.length) items.length = kept;
}

function evaluateOne(criterion: EligibilityCriterion, index: CandidateIndex, scratch: Scratch): CriterionResult {
  const { id, kind, text, rule } = criterion;
  if (rule === null)
    return {
      criterionId: id,
      kind,
      text,
      result: 'NEEDS_REVIEW',
      explanation: 'Clinician judgment',
      missing: NO_MISSING,
    };

  const compiled = compileRule(rule);
  // Fresh small arrays are cheaper than truncating (setting .length leaves V8's fast path).
  const observations: string[] = [];
  const missing: string[] = [];
  scratch.observations = observations;
  scratch.missing = missing;
  const truth = compiled.evaluate(index, scratch);
  dedupeInPlace(observations);
  const isUnknown = truth === UNKNOWN;
  // An undecidable leaf says exactly what is missing or stale; repeating the threshold adds nothing.
  if (!(isUnknown && compiled.isLeaf))
    observations.push(kind === 'INCLUSION' ? compiled.needsText : compiled.excludedIfText);
  let missingItems = NO_MISSING;
  if (isUnknown) {
    dedupeInPlace(missing);
    missingItems = missing;
  }
  return {
    criterionId: id,
    kind,
    text,
    result: truth === TRUE ? 'MET' : truth === FALSE ? 'NOT_MET' : 'UNKNOWN',
    // join() yields one flat string; retaining 360,000 concatenation trees would triple the GC work.
    explanation: observations.join('; '),
    missing: missingItems,
  };
}

/** Evaluates every criterion for one candidate. Pure: the check day is an argument, never the clock. */
export function evaluateCriteria({
  criteria,
  candidate,
  asOf,
  screeningWindowDays,
}: EvaluateCriteriaInput): CriterionResult[] {
  const index = indexCandidate(candidate, asOf, screeningWindowDays);
  const scratch: Scratch = { isExplaining: true, observations: [], missing: [] };
  const results: CriterionResult[] = [];
  for (let i = 0; i < criteria.length; i++) results.push(evaluateOne(criteria[i], index, scratch));
  return results;
}

// The same evaluators as evaluateOne with the observation strings switched off: the result and the missing
// items come from identical code, only the explanation is never built.
function evaluateOutcome(criterion: EligibilityCriterion, index: CandidateIndex, scratch: Scratch): CriterionOutcome {
  const { id, kind, text, rule } = criterion;
  if (rule === null) return { criterionId: id, kind, text, result: 'NEEDS_REVIEW', missing: NO_MISSING };
  // One scratch list for every criterion; only an UNKNOWN result, the one that keeps its items, gets a copy.
  scratch.missing.length = 0;
  const truth = compileRule(rule).evaluate(index, scratch);
  let missing = NO_MISSING;
  if (truth === UNKNOWN) {
    missing = scratch.missing.slice();
    dedupeInPlace(missing);
  }
  return {
    criterionId: id,
    kind,
    text,
    result: truth === TRUE ? 'MET' : truth === FALSE ? 'NOT_MET' : 'UNKNOWN',
    missing,
  };
}

const NO_OBSERVATIONS: string[] = Object.freeze([]) as unknown as string[];

/**
 * evaluateCriteria without the explanations, for the batch pre-screen, which shows only results, blocking
 * criteria and missing data: building 360,000 explanation strings it throws away was most of its garbage.
 * Every field it returns equals evaluateCriteria's (evaluate-criteria-outcomes.test.ts checks it).
 */
export function evaluateCriteriaOutcomes({
  criteria,
  candidate,
  asOf,
  screeningWindowDays,
}: EvaluateCriteriaInput): CriterionOutcome[] {
  const index = indexCandidate(candidate, asOf, screeningWindowDays);
  // Frozen: a leaf that pushed an observation without checking isExplaining would throw here, not slow down.
  const scratch: Scratch = { isExplaining: false, observations: NO_OBSERVATIONS, missing: [] };
  const results: CriterionOutcome[] = [];
  for (let i = 0; i < criteria.length; i++) results.push(evaluateOutcome(criteria[i], index, scratch));
  return results;
}
