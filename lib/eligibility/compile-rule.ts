import { LABS, NUMERIC_MEASURES } from '@/lib/measures/vocabulary';
import type { CompareOp, LabRule, NumberRule, RuleNode } from '@/lib/validations/eligibility';
import { compileDiagnosis, compileFact, compileMedication, compileSex } from '@/lib/eligibility/compile-coded-rules';
import { describeComparison, describeLabComparison, describeRule, lowerFirst } from '@/lib/eligibility/describe-rule';
import { FALSE, isFresh, staleNote, TRUE, UNKNOWN, type RuleEvaluator, type Truth } from '@/lib/eligibility/truth';

export { FALSE, TRUE, UNKNOWN, type RuleEvaluator, type Scratch } from '@/lib/eligibility/truth';

export type CompiledRule = {
  evaluate: RuleEvaluator;
  /** What the rule requires, phrased to follow "needs" / "excluded if". */
  requirement: string;
  /** Precomputed "needs …" and "excluded if …" so the hot path does not concatenate them per candidate. */
  needsText: string;
  excludedIfText: string;
  /** An undecidable leaf's observation ("Missing: PHQ-9 total") is its whole explanation; groups add the requirement. */
  isLeaf: boolean;
};

function makeComparator(op: CompareOp, value: number, max: number | undefined): (x: number) => boolean {
  switch (op) {
    case 'lt':
      return (x) => x < value;
    case 'lte':
      return (x) => x <= value;
    case 'gt':
      return (x) => x > value;
    case 'gte':
      return (x) => x >= value;
    case 'eq':
      return (x) => x === value;
    case 'between': {
      const upper = max ?? value;
      return (x) => x >= value && x <= upper;
    }
  }
}

function formatValue(value: number, decimals: number): string {
  if (decimals === 0 && Number.isInteger(value)) return String(value);
  const fixed = value.toFixed(decimals);
  return Number(fixed) === value ? fixed : String(Number(value.toFixed(4)));
}

// Ratios of decimal lab values carry binary noise (0.3 / 0.1 = 2.9999999999999996); rounding far below any
// clinically meaningful precision makes "exactly 3 × ULN" compare as 3.
function roundRatio(ratio: number): number {
  return Math.round(ratio * 1e9) / 1e9;
}

// Two decimals read best, but must not display a threshold the value did not actually hit.
function formatRatio(ratio: number, rule: LabRule): string {
  const short = Math.round(ratio * 100) / 100;
  if (short !== ratio && (short === rule.value || short === rule.max)) return String(Math.round(ratio * 1e4) / 1e4);
  return String(short);
}

function compileNumber(rule: NumberRule): RuleEvaluator {
  const def = NUMERIC_MEASURES[rule.measure];
  const isMet = makeComparator(rule.op, rule.value, rule.max);
  const { label, shortLabel, decimals } = def;
  const within = rule.withinDays;
  if (rule.measure === 'age_years') {
    return (index, scratch) => {
      if (index.ageYears === null) {
        if (scratch.isExplaining) scratch.observations.push('Missing: Date of birth');
        scratch.missing.push('Date of birth');
        return UNKNOWN;
      }
      if (scratch.isExplaining) scratch.observations.push(`Age ${index.ageYears} on ${index.asOf}`);
      return isMet(index.ageYears) ? TRUE : FALSE;
    };
  }
  const code = rule.measure;
  const computedBmiLabel = `${label} (from weight and height)`;
  return (index, scratch) => {
    const entry = index.numbers.get(code);
    if (entry === undefined) {
      if (scratch.isExplaining) scratch.observations.push(`Missing: ${label}`);
      scratch.missing.push(label);
      return UNKNOWN;
    }
    if (!isFresh(index, entry.day, within)) {
      if (scratch.isExplaining)
        scratch.observations.push(staleNote(index, entry.day, within, entry.isComputedBmi ? computedBmiLabel : label)!);
      scratch.missing.push(label);
      return UNKNOWN;
    }
    if (scratch.isExplaining) {
      const source = entry.isComputedBmi ? ' (from weight and height)' : '';
      scratch.observations.push(`${shortLabel} = ${formatValue(entry.value, decimals)} on ${entry.date}${source}`);
    }
    return isMet(entry.value) ? TRUE : FALSE;
  };
}

function compileLab(rule: LabRule): RuleEvaluator {
  const { label, shortLabel } = LABS[rule.lab];
  const isMet = makeComparator(rule.op, rule.value, rule.max);
  const code = rule.lab;
  const isUln = rule.reference === 'uln';
  const refName = isUln ? 'ULN' : 'LLN';
  const missingReference = `${label} ${refName}`;
  const within = rule.withinDays;
  return (index, scratch) => {
    const lab = index.labs.get(code);
    if (lab === undefined) {
      if (scratch.isExplaining) scratch.observations.push(`Missing: ${label}`);
      scratch.missing.push(label);
      return UNKNOWN;
    }
    if (!isFresh(index, lab.day, within)) {
      if (scratch.isExplaining) scratch.observations.push(staleNote(index, lab.day, within, label)!);
      scratch.missing.push(label);
      return UNKNOWN;
    }
    const reference = isUln ? lab.uln : lab.lln;
    if (reference === null || !(reference > 0)) {
      if (scratch.isExplaining) scratch.observations.push(`${shortLabel} on ${lab.date} has no ${refName} recorded`);
      scratch.missing.push(missingReference);
      return UNKNOWN;
    }
    const ratio = roundRatio(lab.value / reference);
    if (scratch.isExplaining)
      scratch.observations.push(
        `${shortLabel} = ${formatRatio(ratio, rule)} × ${refName} (${lab.value}, ${refName} ${reference}) on ${lab.date}`,
      );
    return isMet(ratio) ? TRUE : FALSE;
  };
}

// Every child runs (no short-circuit) so the explanation cites all the data; missing items from children
// that were decided anyway are dropped, because collecting them would not change the answer.
function compileGroup(children: RuleEvaluator[], isAll: boolean): RuleEvaluator {
  const decisive = isAll ? FALSE : TRUE;
  const otherwise = isAll ? TRUE : FALSE;
  return (index, scratch) => {
    let result: Truth = otherwise;
    for (const child of children) {
      const mark = scratch.missing.length;
      const truth = child(index, scratch);
      if (truth !== UNKNOWN && scratch.missing.length > mark) scratch.missing.length = mark;
      if (truth === decisive) result = decisive;
      else if (truth === UNKNOWN && result !== decisive) result = UNKNOWN;
    }
    return result;
  };
}

function compileEvaluator(rule: RuleNode): RuleEvaluator {
  switch (rule.kind) {
    case 'number':
      return compileNumber(rule);
    case 'lab':
      return compileLab(rule);
    case 'sex':
      return compileSex(rule);
    case 'diagnosis':
      return compileDiagnosis(rule);
    case 'medication':
      return compileMedication(rule);
    case 'fact':
      return compileFact(rule);
    case 'all':
    case 'any':
      return compileGroup(rule.rules.map(compileEvaluator), rule.kind === 'all');
  }
}

function requirementFor(rule: RuleNode): string {
  if (rule.kind === 'number') return describeComparison(rule);
  if (rule.kind === 'lab') return describeLabComparison(rule);
  return lowerFirst(describeRule(rule, { style: 'short' }));
}

const cache = new WeakMap<RuleNode, CompiledRule>();

/** Compiles once per rule object, so a prescreen over many candidates pays for it once. */
export function compileRule(rule: RuleNode): CompiledRule {
  const cached = cache.get(rule);
  if (cached !== undefined) return cached;
  const requirement = requirementFor(rule);
  const compiled: CompiledRule = {
    evaluate: compileEvaluator(rule),
    requirement,
    needsText: `needs ${requirement}`,
    excludedIfText: `excluded if ${requirement}`,
    isLeaf: rule.kind !== 'all' && rule.kind !== 'any',
  };
  cache.set(rule, compiled);
  return compiled;
}
