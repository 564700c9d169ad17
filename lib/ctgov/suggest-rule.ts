import { ruleNodeSchema, type CriterionKind, type RuleNode } from '@/lib/validations/eligibility';
import { normalizeCriterionText } from './normalize-criterion-text';
import {
  DIAGNOSIS_MATCHERS,
  FACT_MATCHERS,
  MEASUREMENT_MATCHERS,
  medicationMatchers,
  type Atom,
  type AtomContext,
  type AtomMatcher,
} from './rule-atoms';

// Proposes a structured rule for one criterion's wording. The guiding principle: every word of the
// criterion must be accounted for. Recognised conditions become atoms; what remains may only be
// filler ("patients", "at screening") or words that merely restate an atom ("uncontrolled
// hypertension" around "SBP > 160"). Anything else (a qualifier, a negation, another number) means
// the rule would cover only part of the criterion, and a partial rule is worse than none.

const GLOBAL_FILLER = new Set(
  `a an the of is are be been must should shall have has had having with at on in for to by as who whose that their
  patient patients participant participants subject subjects individual individuals person people volunteer volunteers
  total score scores value values level levels result results measured documented current currently
  screening baseline visit time enrollment enrolment entry registration randomization randomisation consent start study both either`.split(
    /\s+/,
  ),
);

const CONTEXT_WORDS: Record<AtomContext, string[]> = {
  age: ['age', 'ages', 'aged', 'adult', 'adults', 'old', 'years', 'year', 'yrs', 'inclusive'],
  score: [
    'depression',
    'depressive',
    'severity',
    'rating',
    'scale',
    'item',
    'self',
    'report',
    'reported',
    'rated',
    'clinician',
    'questionnaire',
    'symptoms',
    'moderate',
    'severe',
    'defined',
  ],
  bmi: ['bmi', 'kgm2', 'body', 'mass', 'index', 'obesity', 'obese'],
  bp: [
    'bp',
    'sbp',
    'dbp',
    'mmhg',
    'blood',
    'pressure',
    'hypertension',
    'hypertensive',
    'uncontrolled',
    'poorly',
    'controlled',
    'resting',
    'sitting',
    'seated',
    'high',
    'elevated',
    'defined',
  ],
  lab: [
    'uln',
    'lln',
    'x',
    'institutional',
    'serum',
    'elevated',
    'elevation',
    'liver',
    'enzymes',
    'transaminases',
    'function',
    'tests',
  ],
  nrs: [
    'nrs',
    'pain',
    'average',
    'mean',
    'daily',
    'usual',
    'intensity',
    'rating',
    'scale',
    'severity',
    'over',
    'past',
    'week',
    'last',
  ],
  weight: ['weight', 'body', 'kg', 'weighs', 'weighing'],
  vital: ['hr', 'bpm', 'spo2', 'resting', 'room', 'air'],
  diagnosis: [
    'history',
    'diagnosis',
    'diagnosed',
    'lifetime',
    'known',
    'past',
    'prior',
    'personal',
    'disorder',
    'disorders',
    'any',
  ],
  medication: [
    'use',
    'used',
    'using',
    'taking',
    'treatment',
    'treated',
    'concurrent',
    'concomitant',
    'receiving',
    'received',
    'regular',
    'prior',
    'any',
    'window',
    'medication',
    'medications',
    'therapy',
  ],
  fact: ['pregnant', 'breastfeeding', 'nursing', 'lactating', 'women', 'woman', 'female', 'females'],
};

const CONNECTORS = new Set(['or', 'and', ',', '/']);
const WINDOW =
  /\b(?:within|in)\s+(?:the\s+)?(?:(?:past|last|previous|prior)\s+)?(\d+)\s*(days?|weeks?)\b(?:\s+(?:prior\s+to|before)\s+(?:screening|baseline|randomi[sz]ation|enrol?lment|the\s+first\s+infusion))?/;

type Extraction = { atoms: Atom[]; leftover: string };

function runMatchers(text: string, matchers: AtomMatcher[], atoms: Atom[]): string | null {
  let out = text;
  for (const matcher of matchers) {
    let isBroken = false;
    out = out.replace(matcher.pattern, (...args: unknown[]) => {
      const last = args[args.length - 1];
      const groups = (typeof last === 'object' && last !== null ? last : {}) as Record<string, string | undefined>;
      const rule = matcher.build(groups);
      if (rule === null) {
        isBroken = true;
        return ' ';
      }
      atoms.push({ rule, context: matcher.context });
      return ` ${groups.gap ?? ''} @${atoms.length - 1}@ `;
    });
    if (isBroken) return null;
  }
  return out;
}

function extractAtoms(normalized: string, kind: CriterionKind): Extraction | null {
  const atoms: Atom[] = [];
  // Naming both sexes restricts nothing; naming one is a condition we must not drop.
  let text = normalized.replace(
    /\b(?:males?|men)\s+(?:or|and|and\/or)\s+(?:females?|women)\b|\b(?:females?|women)\s+(?:or|and|and\/or)\s+(?:males?|men)\b/g,
    ' ',
  );
  const measured = runMatchers(text, MEASUREMENT_MATCHERS, atoms);
  if (measured === null) return null;
  text = measured;
  // Diagnosis, medication and pregnancy wording is only read in exclusions, where "history of X" is unambiguous.
  if (atoms.length > 0 || kind !== 'EXCLUSION') return { atoms, leftover: text };
  const window = WINDOW.exec(text);
  if (window !== null) {
    const days = Number(window[1]) * (window[2].startsWith('week') ? 7 : 1);
    text = text.replace(WINDOW, ' window ');
    const withMedication = runMatchers(text, medicationMatchers(days), atoms);
    if (withMedication === null) return null;
    text = withMedication;
    return atoms.length > 0 ? { atoms, leftover: text } : null;
  }
  const other = runMatchers(text, [...DIAGNOSIS_MATCHERS, ...FACT_MATCHERS], atoms);
  return other === null ? null : { atoms, leftover: other };
}

type Reading = { order: number[]; gaps: Array<Set<string>> };

/** Reads the words left around the atoms: the atoms in text order and the connectors between them, or null if anything unexplained remains. */
function readLeftover(leftover: string, atoms: Atom[]): Reading | null {
  const allowed = new Set(GLOBAL_FILLER);
  for (const atom of atoms) for (const word of CONTEXT_WORDS[atom.context]) allowed.add(word);
  const tokens =
    leftover
      .replace(/and\s*\/\s*or/g, ' or ')
      .replace(/'s\b|'/g, '')
      .match(/@\d+@|[a-z0-9%~<>=]+|[,/;]/g) ?? [];
  const gaps: Array<Set<string>> = [];
  const order: number[] = [];
  let current = new Set<string>();
  for (const raw of tokens) {
    if (/^@\d+@$/.test(raw)) {
      if (order.length > 0) gaps.push(current);
      order.push(Number(raw.slice(1, -1)));
      current = new Set();
      continue;
    }
    if (CONNECTORS.has(raw)) {
      current.add(raw);
      continue;
    }
    if (/[\d~<>=;]/.test(raw) || !allowed.has(raw)) return null;
  }
  return { order, gaps };
}

function combine(atoms: Atom[], { order, gaps }: Reading): RuleNode | null {
  if (order.length !== atoms.length) return null;
  if (atoms.length === 1) return atoms[0].rule;
  const hasOr = gaps.some((gap) => gap.has('or') || gap.has('/'));
  const hasAnd = gaps.some((gap) => gap.has('and'));
  const isJoined = gaps.every((gap) => gap.size > 0);
  if (!isJoined || hasOr === hasAnd) return null;
  const rules = order.map((index) => atoms[index].rule);
  // "Schizophrenia and bipolar disorder" in an exclusion list almost always means either; too ambiguous to suggest.
  if (hasAnd && rules.every((rule) => rule.kind === 'diagnosis' || rule.kind === 'medication' || rule.kind === 'fact'))
    return null;
  if (hasOr && rules.every((rule) => rule.kind === 'diagnosis')) {
    return {
      kind: 'diagnosis',
      anyOf: [...new Set(rules.flatMap((rule) => (rule.kind === 'diagnosis' ? rule.anyOf : [])))],
    };
  }
  if (hasOr && rules.every((rule) => rule.kind === 'medication')) {
    const withinDays = rules[0].kind === 'medication' ? rules[0].withinDays : 0;
    return {
      kind: 'medication',
      anyOf: [...new Set(rules.flatMap((rule) => (rule.kind === 'medication' ? rule.anyOf : [])))],
      withinDays,
    };
  }
  return { kind: hasOr ? 'any' : 'all', rules };
}

/**
 * Suggests a structured rule for a criterion's text, or null when unsure.
 * The rule states the condition in the text for either kind (an exclusion's rule is true when the person is excluded).
 */
export function suggestRule(text: string, kind: CriterionKind): RuleNode | null {
  const normalized = normalizeCriterionText(text);
  if (normalized === '' || normalized.length > 400) return null;
  const extraction = extractAtoms(normalized, kind);
  if (extraction === null || extraction.atoms.length === 0) return null;
  if (extraction.atoms.some((atom) => atom.context === 'nrs') && !/\bnrs\b/.test(normalized)) return null;
  const reading = readLeftover(extraction.leftover, extraction.atoms);
  if (reading === null) return null;
  const rule = combine(extraction.atoms, reading);
  if (rule === null) return null;
  const parsed = ruleNodeSchema.safeParse(rule);
  return parsed.success ? parsed.data : null;
}
