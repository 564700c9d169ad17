import { DIAGNOSES, FACTS, LABS, MEDICATIONS, NUMERIC_MEASURES, SEX_LABELS } from '@/lib/measures/vocabulary';
import type { CompareOp, LabRule, NumberRule, RuleNode } from '@/lib/validations/eligibility';

export type DescribeRuleOptions = {
  /**
   * 'full' (default): form labels, units and time windows, e.g. "PHQ-9 total ≥ 15 within 30 days".
   * 'short': compact labels without units or windows, for one-line explanations, e.g. "SBP > 160 or DBP > 100".
   */
  style?: 'full' | 'short';
};

const OP_SYMBOLS: Record<Exclude<CompareOp, 'between'>, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' };

/** Lower-cases a leading capital unless the first word is an acronym ("Age" → "age"; "PHQ-9", "SpO₂" stay). */
export function lowerFirst(text: string): string {
  if (text.startsWith('(')) return `(${lowerFirst(text.slice(1))}`;
  const spaceAt = text.indexOf(' ');
  const firstWord = spaceAt === -1 ? text : text.slice(0, spaceAt);
  const rest = firstWord.slice(1);
  if (rest !== rest.toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function joinOr(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The comparison without the measure name: "≥ 15", "18–65", "> 2 × ULN". */
export function describeComparison(rule: Pick<NumberRule, 'op' | 'value' | 'max'>, suffix = ''): string {
  const tail = suffix === '' ? '' : ` ${suffix}`;
  if (rule.op === 'between') return `${rule.value}–${rule.max ?? rule.value}${tail}`;
  return `${OP_SYMBOLS[rule.op]} ${rule.value}${tail}`;
}

function describeNumber(rule: NumberRule, isShort: boolean): string {
  const def = NUMERIC_MEASURES[rule.measure];
  const label = isShort ? def.shortLabel : def.label;
  const unit = isShort ? '' : def.unit;
  const window = !isShort && rule.withinDays !== undefined ? ` within ${rule.withinDays} days` : '';
  return `${label} ${describeComparison(rule, unit)}${window}`;
}

export function describeLabComparison(rule: Pick<LabRule, 'op' | 'value' | 'max' | 'reference'>): string {
  return describeComparison(rule, `× ${rule.reference.toUpperCase()}`);
}

function describeLab(rule: LabRule, isShort: boolean): string {
  const def = LABS[rule.lab];
  const label = isShort ? def.shortLabel : def.label;
  const window = !isShort && rule.withinDays !== undefined ? ` within ${rule.withinDays} days` : '';
  return `${label} ${describeLabComparison(rule)}${window}`;
}

function describeNode(rule: RuleNode, isShort: boolean): string {
  switch (rule.kind) {
    case 'number':
      return describeNumber(rule, isShort);
    case 'lab':
      return describeLab(rule, isShort);
    case 'sex':
      return `Sex: ${joinOr(rule.anyOf.map((sex) => SEX_LABELS[sex].toLowerCase()))}`;
    case 'diagnosis': {
      const labels = rule.anyOf.map((code) => (isShort ? DIAGNOSES[code].shortLabel : DIAGNOSES[code].label));
      const window = !isShort && rule.withinDays !== undefined ? ` (recorded within ${rule.withinDays} days)` : '';
      return `${labels.length === 1 ? labels[0] : `Any of: ${labels.map(lowerFirst).join(', ')}`}${window}`;
    }
    case 'medication': {
      const labels = rule.anyOf.map((code) => (isShort ? MEDICATIONS[code].shortLabel : MEDICATIONS[code].label));
      const window = `within ${rule.withinDays} days`;
      return labels.length === 1 ? `${labels[0]} use ${window}` : `Use of ${joinOr(labels.map(lowerFirst))} ${window}`;
    }
    case 'fact': {
      const window = !isShort && rule.withinDays !== undefined ? ` (recorded within ${rule.withinDays} days)` : '';
      return `${isShort ? FACTS[rule.fact].shortLabel : FACTS[rule.fact].label}: ${rule.equals ? 'yes' : 'no'}${window}`;
    }
    case 'all':
    case 'any': {
      const joiner = rule.kind === 'all' ? ' and ' : ' or ';
      const parts = rule.rules.map((child, index) => {
        const text = describeNode(child, isShort);
        const wrapped = (child.kind === 'all' || child.kind === 'any') && child.rules.length > 1 ? `(${text})` : text;
        return index === 0 ? wrapped : lowerFirst(wrapped);
      });
      return parts.join(joiner);
    }
  }
}

/** Human-readable rule: "PHQ-9 total ≥ 15", "SBP > 160 mmHg or DBP > 100 mmHg", "Any of: bipolar disorder, schizophrenia". */
export function describeRule(rule: RuleNode, options: DescribeRuleOptions = {}): string {
  return describeNode(rule, options.style === 'short');
}
