import type { RuleNode } from '@/lib/validations/eligibility';
import type { AssumptionField, ProvenanceInput } from '@/lib/validations/provenance';
import type { TrialDraftInput } from '@/lib/validations/trials';

export type SeedCriterion = NonNullable<TrialDraftInput['criteria']>[number];
export type SeedPlanItem = NonNullable<TrialDraftInput['assessmentPlan']>[number];

// The rule argument has no default on purpose: every seeded criterion states explicitly
// whether it is machine-decidable (a confirmed rule) or left to clinician judgment (null).
// Every seeded value cites its source: `quote` is text found verbatim in the page file the trial cites
// (prisma/seed/data/sources; markdown escapes and line breaks aside; passages joined by QUOTE_JOIN), checked by
// seed-trials.test.ts. Without a quote the criterion's own text is the quote.

/** Separates two passages of one quote that are apart on the page. */
export const QUOTE_JOIN = ' … ';

type Source = {
  /** The page's own wording, when the text shown differs (a restored "≥", an inverted item reworded). */
  quote?: string;
  /** The rule rests on a value the page does not state: what was assumed and why. */
  assumedRule?: string;
};

function provenance(text: string, source: Source): ProvenanceInput {
  return {
    quote: source.quote ?? text,
    assumptions: source.assumedRule ? [{ field: 'rule', note: source.assumedRule }] : [],
  };
}

/** An inclusion criterion: MET when its rule is true. */
export function inclusion(text: string, rule: RuleNode | null, source: Source = {}): SeedCriterion {
  return { kind: 'INCLUSION', text, rule, suggestedRule: null, provenance: provenance(text, source) };
}

/** An exclusion criterion: the rule describes the EXCLUDING condition (true = excluded). */
export function exclusion(text: string, rule: RuleNode | null, source: Source = {}): SeedCriterion {
  return { kind: 'EXCLUSION', text, rule, suggestedRule: null, provenance: provenance(text, source) };
}

/** A value the page does not state, with why the clinic chose it. */
export function assumed(field: AssumptionField, note: string) {
  return { field, note };
}

/** Provenance of a dosing protocol or plan item: the passages it was read from and what had to be assumed. */
export function sourced(quote: string | null, ...assumptions: ProvenanceInput['assumptions']): ProvenanceInput {
  return { quote, assumptions };
}

/** No page states a rounding increment or how recent the weight must be: the clinic's defaults, listed. */
export const CLINIC_DOSE_DEFAULTS = [
  assumed('roundingIncrementMg', 'Not stated: doses are rounded to 0.1 mg, the clinic default.'),
  assumed('weightWindowDays', 'Not stated: the weight must be from the last 7 days, the clinic default.'),
];

/** An assessment-plan window no page states. */
export const ASSUMED_WINDOW = assumed('window', 'Not stated: the window around the target day is the clinic’s.');
