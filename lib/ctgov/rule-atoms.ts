import type { DiagnosisCode, LabCode, MedicationClass, NumericMeasureCode } from '@/lib/measures/vocabulary';
import type { CompareOp, RuleNode } from '@/lib/validations/eligibility';

// Recognisers for single conditions ("atoms") in normalised criterion text (see normalize-criterion-text.ts).
// Each atom knows which context words may surround it without changing its meaning.

export type AtomContext =
  | 'age'
  | 'score'
  | 'bmi'
  | 'bp'
  | 'lab'
  | 'nrs'
  | 'weight'
  | 'vital'
  | 'diagnosis'
  | 'medication'
  | 'fact';
export type Atom = { rule: RuleNode; context: AtomContext };
export type AtomMatcher = {
  context: AtomContext;
  pattern: RegExp;
  /** null = the pattern was recognised but cannot be expressed exactly: suggest nothing. */
  build: (groups: Record<string, string | undefined>) => RuleNode | null;
};

const NUM = String.raw`\d+(?:\.\d+)?`;
const CMP = String.raw`>=|<=|>|<|=`;
// Up to four words between a measure name and its comparison ("total score of"); never a connector or a number.
const GAP = String.raw`(?<gap>(?:\s+(?!or\b|and\b)[a-z'()%-]+){0,4}?)`;

/** One comparison, a lower+upper pair joined by "and", or a range; a required unit must follow the last number. */
function clause(unit: string, isUnitRequired = false): string {
  const optional = String.raw`(?:\s*(?:${unit}))?`;
  const range = (u: string) => String.raw`(?<lo>${NUM})~(?<hi>${NUM})${u}`;
  if (!isUnitRequired) {
    return String.raw`\s*(?:(?<c1>${CMP})\s*(?<v1>${NUM})${optional}(?:\s+and\s+(?<c2>${CMP})\s*(?<v2>${NUM})${optional})?|${range(optional)})`;
  }
  const required = String.raw`\s*(?:${unit})`;
  const pair = String.raw`(?<c1>${CMP})\s*(?<v1>${NUM})${optional}\s+and\s+(?<c2>${CMP})\s*(?<v2>${NUM})${required}`;
  return String.raw`\s*(?:${pair}|(?<c1b>${CMP})\s*(?<v1b>${NUM})${required}|${range(required)})`;
}

const OPS: Record<string, CompareOp> = { '>=': 'gte', '<=': 'lte', '>': 'gt', '<': 'lt', '=': 'eq' };

/** Turns a clause's groups into one comparison (or a lower+upper pair) on `measure`. */
function compare(measure: NumericMeasureCode, g: Record<string, string | undefined>): RuleNode | null {
  if (g.lo !== undefined && g.hi !== undefined) {
    const [lo, hi] = [Number(g.lo), Number(g.hi)];
    return lo <= hi ? { kind: 'number', measure, op: 'between', value: lo, max: hi } : null;
  }
  if (g.c1b !== undefined && g.v1b !== undefined)
    return { kind: 'number', measure, op: OPS[g.c1b], value: Number(g.v1b) };
  if (g.c1 === undefined || g.v1 === undefined) return null;
  const first: RuleNode = { kind: 'number', measure, op: OPS[g.c1], value: Number(g.v1) };
  if (g.c2 === undefined || g.v2 === undefined) return first;
  const [op1, op2] = [OPS[g.c1], OPS[g.c2]];
  const isRange = (op1 === 'gt' || op1 === 'gte') && (op2 === 'lt' || op2 === 'lte');
  if (!isRange) return null;
  if (op1 === 'gte' && op2 === 'lte')
    return Number(g.v1) <= Number(g.v2)
      ? { kind: 'number', measure, op: 'between', value: Number(g.v1), max: Number(g.v2) }
      : null;
  return { kind: 'all', rules: [first, { kind: 'number', measure, op: op2, value: Number(g.v2) }] };
}

const SCORES: Record<string, NumericMeasureCode> = {
  phq9: 'phq9_total',
  qidssr: 'qids_sr_total',
  madrs: 'madrs_total',
  hamd: 'hamd17_total',
  gad7: 'gad7_total',
};
const LABS: Record<string, LabCode> = {
  alt: 'alt',
  ast: 'ast',
  dbili: 'bilirubin_direct',
  alp: 'alk_phos',
  creat: 'creatinine',
  tsh: 'tsh',
};
const LAB_NAME = String.raw`(?:alt|ast|dbili|alp|creat|tsh)`;

/**
 * "AST/ALT < 3 x ULN" bounds each lab: within a limit means every lab is within it (all); beyond a limit means
 * any lab beyond it (any), the same reading as "BP > 160/100". A list ("AST/ALT", "AST, ALT") takes that reading;
 * an explicit "and"/"or" must agree with it, else ("ALT or AST < 3 x ULN") it is unclear and nothing is suggested.
 */
function labRule(g: Record<string, string | undefined>): RuleNode | null {
  const list = (g.labs ?? '').replace(/and\s*\/\s*or/g, ' or ');
  const names = list.match(/[a-z]+/g) ?? [];
  const labs = [...new Set(names.filter((name) => name in LABS).map((name) => LABS[name]))];
  const hasAnd = /\band\b/.test(list);
  const hasOr = /\bor\b/.test(list);
  if (labs.length === 0 || (hasAnd && hasOr)) return null;
  const op = OPS[g.c ?? ''];
  const reference = g.ref === 'lln' ? 'lln' : 'uln';
  const value = g.mult === undefined ? 1 : Number(g.mult);
  const leaves: RuleNode[] = labs.map((lab) => ({ kind: 'lab', lab, reference, op, value }));
  if (leaves.length === 1) return leaves[0];
  // Within the normal side of the limit ("< ULN", "> LLN") every lab must be; outside it, one lab is enough.
  const isBelow = op === 'lt' || op === 'lte';
  const isWithinLimit = reference === 'uln' ? isBelow : !isBelow;
  if ((isWithinLimit && hasOr) || (!isWithinLimit && hasAnd)) return null;
  return { kind: isWithinLimit ? 'all' : 'any', rules: leaves };
}

/** "BP > 160/100": over a limit if either number is over it; under a limit only if both are. */
function bloodPressureRule(g: Record<string, string | undefined>): RuleNode | null {
  const op = OPS[g.c ?? ''];
  if (op === 'eq' || op === undefined) return null;
  const rules: RuleNode[] = [
    { kind: 'number', measure: 'sbp', op, value: Number(g.s) },
    { kind: 'number', measure: 'dbp', op, value: Number(g.d) },
  ];
  return { kind: op === 'gt' || op === 'gte' ? 'any' : 'all', rules };
}

export const MEASUREMENT_MATCHERS: AtomMatcher[] = [
  {
    context: 'score',
    pattern: new RegExp(String.raw`\b(?<name>phq9|qidssr|madrs|hamd|gad7)\b${GAP}${clause('(?!)')}`, 'g'),
    build: (g) => compare(SCORES[g.name ?? ''], g),
  },
  {
    context: 'bmi',
    pattern: new RegExp(String.raw`\bbmi\b${GAP}${clause('kgm2')}`, 'g'),
    build: (g) => compare('bmi', g),
  },
  {
    context: 'bp',
    pattern: new RegExp(
      String.raw`\b(?:bp|sbp\s*/\s*dbp)\b${GAP}\s*(?<c>${CMP})\s*(?<s>\d+)\s*/\s*(?<d>\d+)(?:\s*mmhg)?`,
      'g',
    ),
    build: bloodPressureRule,
  },
  {
    context: 'bp',
    pattern: new RegExp(String.raw`\bsbp\b${GAP}${clause('mmhg')}`, 'g'),
    build: (g) => compare('sbp', g),
  },
  {
    context: 'bp',
    pattern: new RegExp(String.raw`\bdbp\b${GAP}${clause('mmhg')}`, 'g'),
    build: (g) => compare('dbp', g),
  },
  {
    context: 'lab',
    pattern: new RegExp(
      String.raw`\b(?<labs>${LAB_NAME}(?:\s*(?:,|/|or|and|and\s*/\s*or)\s*${LAB_NAME})*)\b${GAP}\s*(?<c>>=|<=|>|<)\s*(?:(?<mult>${NUM})\s*x\s*)?(?:the\s+)?(?:institutional\s+)?(?<ref>uln|lln)\b`,
      'g',
    ),
    build: labRule,
  },
  {
    context: 'nrs',
    pattern: new RegExp(
      String.raw`\b(?:(?:average|mean|daily|usual|current|overall)\s+)?pain(?:\s+(?:intensity|score|severity|rating|level))?\b${GAP}${clause('(?!)')}`,
      'g',
    ),
    build: (g) => compare('nrs_pain', g),
  },
  {
    context: 'weight',
    pattern: new RegExp(String.raw`\b(?:body\s+)?weigh(?:t|s|ing)?\b${GAP}${clause('kg|kilograms?', true)}`, 'g'),
    build: (g) => compare('weight_kg', g),
  },
  {
    context: 'vital',
    pattern: new RegExp(String.raw`\bhr\b${GAP}${clause('bpm')}`, 'g'),
    build: (g) => compare('heart_rate', g),
  },
  {
    context: 'vital',
    pattern: new RegExp(String.raw`\bspo2\b${GAP}${clause('%')}`, 'g'),
    build: (g) => compare('spo2', g),
  },
  {
    context: 'age',
    pattern: new RegExp(String.raw`\bage[sd]?\b${GAP}${clause('years?|yrs?')}(?:\s+(?:old|of\s+age))?`, 'g'),
    build: (g) => compare('age_years', g),
  },
  {
    context: 'age',
    pattern: new RegExp(String.raw`${clause('years?|yrs?', true)}(?:\s+(?:old|of\s+age))?`, 'g'),
    build: (g) => compare('age_years', g),
  },
];

const DIAGNOSIS_PATTERNS: Array<[DiagnosisCode, string]> = [
  ['schizophrenia', String.raw`schizophreni(?:a|c\s+disorder)`],
  ['schizoaffective_disorder', String.raw`schizoaffective(?:\s+disorder)?`],
  [
    'bipolar_disorder',
    String.raw`bipolar(?:\s+(?:i|ii|1|2|affective|spectrum)(?:\s+or\s+(?:i|ii|1|2))?)?(?:\s+disorders?)?|manic[- ]depressive\s+(?:illness|disorder)`,
  ],
  ['psychotic_symptoms', String.raw`psychotic\s+(?:symptoms|features)`],
  ['seizure_disorder', String.raw`seizure\s+disorders?|epilepsy`],
  ['cirrhosis', String.raw`(?:liver\s+|hepatic\s+)?cirrhosis`],
  ['glaucoma', String.raw`glaucoma`],
  ['hyperthyroidism', String.raw`hyperthyroidism`],
  ['alcohol_use_disorder', String.raw`alcohol\s+(?:use\s+disorder|dependence|abuse)|alcoholism`],
  ['substance_use_disorder', String.raw`substance\s+(?:use\s+disorder|dependence|abuse)|drug\s+(?:dependence|abuse)`],
  ['neurocognitive_disorder', String.raw`dementia|neurocognitive\s+disorder`],
  ['uncontrolled_hypertension', String.raw`(?:uncontrolled|poorly\s+controlled)\s+hypertension`],
  ['raised_icp_or_aneurysm', String.raw`(?:increased|raised|elevated)\s+intracranial\s+pressure`],
  ['suicidal_ideation_active', String.raw`active\s+suicidal\s+ideation`],
];

const MEDICATION_PATTERNS: Array<[MedicationClass, string]> = [
  ['benzodiazepine', String.raw`benzodiazepines?`],
  ['maoi', String.raw`maois?|monoamine\s+oxidase\s+inhibitors?`],
  ['opioid_antagonist', String.raw`opioid\s+antagonists?|naltrexone`],
  ['opioid', String.raw`opioids?(?!\s+antagonist)|opiates?`],
  ['lamotrigine', String.raw`lamotrigine`],
  ['memantine', String.raw`memantine`],
  ['esketamine', String.raw`esketamine`],
  ['ketamine', String.raw`ketamine`],
  ['stimulant', String.raw`(?:psycho)?stimulants?`],
  ['cyp3a4_inducer', String.raw`(?:strong\s+|potent\s+)?cyp\s*3a4?\s+inducers?`],
];

export const DIAGNOSIS_MATCHERS: AtomMatcher[] = DIAGNOSIS_PATTERNS.map(([code, source]) => ({
  context: 'diagnosis',
  pattern: new RegExp(String.raw`\b(?:${source})\b`, 'g'),
  build: () => ({ kind: 'diagnosis', anyOf: [code] }),
}));

export function medicationMatchers(withinDays: number): AtomMatcher[] {
  return MEDICATION_PATTERNS.map(([code, source]) => ({
    context: 'medication',
    pattern: new RegExp(String.raw`\b(?:${source})\b`, 'g'),
    build: () => ({ kind: 'medication', anyOf: [code], withinDays }),
  }));
}

export const FACT_MATCHERS: AtomMatcher[] = [
  { context: 'fact', pattern: /\bpregnan(?:t|cy)\b/g, build: () => ({ kind: 'fact', fact: 'pregnant', equals: true }) },
  {
    context: 'fact',
    pattern: /\bbreast[- ]?feeding\b|\bnursing\b(?!\s+home)|\blactat(?:ing|ion)\b/g,
    build: () => ({ kind: 'fact', fact: 'breastfeeding', equals: true }),
  },
];
