import { z } from 'zod';
import { MAX_WINDOW_DAYS, MIN_WINDOW_DAYS } from '@/lib/eligibility/screening-window';
import {
  NUMERIC_MEASURES,
  type DiagnosisCode,
  type FactCode,
  type LabCode,
  type MedicationClass,
  type NumericMeasureCode,
  type Sex,
} from '@/lib/measures/vocabulary';
import {
  diagnosisCodeSchema,
  factCodeSchema,
  labCodeSchema,
  medicationClassSchema,
  numericMeasureCodeSchema,
  sexSchema,
} from '@/lib/measures/vocabulary-schemas';

export const COMPARE_OPS = ['lt', 'lte', 'gt', 'gte', 'eq', 'between'] as const;
export const compareOpSchema = z.enum(COMPARE_OPS);
/** `between` is inclusive on both ends: value ≤ x ≤ max. */
export type CompareOp = (typeof COMPARE_OPS)[number];

export type NumberRule = {
  kind: 'number';
  measure: NumericMeasureCode;
  op: CompareOp;
  value: number;
  max?: number;
  withinDays?: number;
};
/** `value`/`max` are multiples of the reference limit, e.g. gt 2 = "> 2 × ULN". */
export type LabRule = {
  kind: 'lab';
  lab: LabCode;
  reference: 'uln' | 'lln';
  op: CompareOp;
  value: number;
  max?: number;
  withinDays?: number;
};
export type SexRule = { kind: 'sex'; anyOf: Sex[] };
/** True when any listed diagnosis is recorded present. */
export type DiagnosisRule = { kind: 'diagnosis'; anyOf: DiagnosisCode[]; withinDays?: number };
/** True when any listed class was taken within `withinDays` of the check date. */
export type MedicationRule = { kind: 'medication'; anyOf: MedicationClass[]; withinDays: number };
export type FactRule = { kind: 'fact'; fact: FactCode; equals: boolean; withinDays?: number };
export type AllRule = { kind: 'all'; rules: RuleNode[] };
export type AnyRule = { kind: 'any'; rules: RuleNode[] };

export type LeafRule = NumberRule | LabRule | SexRule | DiagnosisRule | MedicationRule | FactRule;
export type RuleNode = LeafRule | AllRule | AnyRule;

export const MAX_RULE_DEPTH = 6;
/** The window limits are the screening-window policy's, so a rule and a trial accept the same range. */
export const MIN_WITHIN_DAYS = MIN_WINDOW_DAYS;
export const MAX_WITHIN_DAYS = MAX_WINDOW_DAYS;
export const MAX_REFERENCE_MULTIPLE = 100;

const withinDaysSchema = z
  .number({ error: 'Enter a whole number of days' })
  .int('Enter a whole number of days')
  .min(MIN_WITHIN_DAYS, `Must be at least ${MIN_WITHIN_DAYS} day`)
  .max(MAX_WITHIN_DAYS, `Must be at most ${MAX_WITHIN_DAYS} days`);

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z
    .array(item)
    .min(1, `Choose at least one ${what}`)
    .refine((list) => new Set(list).size === list.length, { error: `Each ${what} may be listed only once` });
}

type Bounds = { op: CompareOp; value: number; max?: number };

// Shared by number and lab leaves: a `between` needs an ordered upper bound, other ops must not carry one
// (a stray max would be silently ignored and mislead the reader of the rule).
function checkBounds(rule: Bounds, ctx: z.RefinementCtx): void {
  if (rule.op === 'between') {
    if (rule.max === undefined) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'A range needs an upper bound' });
      return;
    }
    if (rule.max < rule.value)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'Upper bound must be at least the lower bound' });
    return;
  }
  if (rule.max !== undefined)
    ctx.addIssue({ code: 'custom', path: ['max'], message: 'Only a range (between) takes an upper bound' });
}

const finite = z.number({ error: 'Enter a number' }).refine(Number.isFinite, { error: 'Enter a finite number' });

export const numberRuleSchema = z
  .object({
    kind: z.literal('number'),
    measure: numericMeasureCodeSchema,
    op: compareOpSchema,
    value: finite,
    max: finite.optional(),
    withinDays: withinDaysSchema.optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    checkBounds(rule, ctx);
    // A threshold outside the plausible range can never be reached, which is nearly always a typo (e.g. BMI 400).
    const def = NUMERIC_MEASURES[rule.measure];
    const range = `${def.min}–${def.max}${def.unit ? ` ${def.unit}` : ''}`;
    if (rule.value < def.min || rule.value > def.max) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${def.label} threshold must be within ${range}` });
    }
    if (rule.max !== undefined && (rule.max < def.min || rule.max > def.max)) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `${def.label} threshold must be within ${range}` });
    }
    if (rule.measure === 'age_years' && rule.withinDays !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['withinDays'],
        message: 'Age is computed on the check date; it cannot be stale',
      });
    }
  });

export const labRuleSchema = z
  .object({
    kind: z.literal('lab'),
    lab: labCodeSchema,
    reference: z.enum(['uln', 'lln']),
    op: compareOpSchema,
    value: finite.refine((v) => v > 0 && v <= MAX_REFERENCE_MULTIPLE, {
      error: `Multiple must be above 0 and at most ${MAX_REFERENCE_MULTIPLE}`,
    }),
    max: finite
      .refine((v) => v > 0 && v <= MAX_REFERENCE_MULTIPLE, {
        error: `Multiple must be above 0 and at most ${MAX_REFERENCE_MULTIPLE}`,
      })
      .optional(),
    withinDays: withinDaysSchema.optional(),
  })
  .strict()
  .superRefine(checkBounds);

export const sexRuleSchema = z.object({ kind: z.literal('sex'), anyOf: uniqueList(sexSchema, 'sex') }).strict();
export const diagnosisRuleSchema = z
  .object({
    kind: z.literal('diagnosis'),
    anyOf: uniqueList(diagnosisCodeSchema, 'diagnosis'),
    withinDays: withinDaysSchema.optional(),
  })
  .strict();
export const medicationRuleSchema = z
  .object({
    kind: z.literal('medication'),
    anyOf: uniqueList(medicationClassSchema, 'medication class'),
    withinDays: withinDaysSchema,
  })
  .strict();
export const factRuleSchema = z
  .object({
    kind: z.literal('fact'),
    fact: factCodeSchema,
    equals: z.boolean(),
    withinDays: withinDaysSchema.optional(),
  })
  .strict();

function depthOf(rule: RuleNode): number {
  if (rule.kind !== 'all' && rule.kind !== 'any') return 1;
  let deepest = 0;
  for (const child of rule.rules) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

const nodeSchema: z.ZodType<RuleNode> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    numberRuleSchema,
    labRuleSchema,
    sexRuleSchema,
    diagnosisRuleSchema,
    medicationRuleSchema,
    factRuleSchema,
    z.object({ kind: z.literal('all'), rules: z.array(nodeSchema).min(1, 'A group needs at least one rule') }).strict(),
    z.object({ kind: z.literal('any'), rules: z.array(nodeSchema).min(1, 'A group needs at least one rule') }).strict(),
  ]),
);

/** A structured eligibility rule: the condition written in the criterion's text. */
export const ruleNodeSchema: z.ZodType<RuleNode> = nodeSchema.superRefine((rule, ctx) => {
  if (depthOf(rule) > MAX_RULE_DEPTH) {
    ctx.addIssue({ code: 'custom', message: `Rules may nest at most ${MAX_RULE_DEPTH} levels deep` });
  }
});

export const CRITERION_KINDS = ['INCLUSION', 'EXCLUSION'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

// Screening-entry schema lives with the vocabulary; re-exported so form code finds all eligibility schemas here.
export { measurementInputSchema } from '@/lib/measures/measurement-input';
