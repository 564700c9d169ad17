import { COMPUTED_BMI_INPUTS } from '@/lib/eligibility/index-candidate';
import type { EligibilityCriterion } from '@/lib/eligibility/types';
import type { RuleNode } from '@/lib/validations/eligibility';

// Which stored measurement codes a protocol's rules can read, so the pre-screen loads no others. Every leaf
// reads only its own code(s); the one value derived from other codes is a BMI computed from weight and
// height (index-candidate.ts). Age and sex come from the candidate record, not from measurements.

function collect(rule: RuleNode, codes: Set<string>): void {
  switch (rule.kind) {
    case 'number':
      codes.add(rule.measure);
      if (rule.measure === 'bmi') for (const code of COMPUTED_BMI_INPUTS) codes.add(code);
      return;
    case 'lab':
      codes.add(rule.lab);
      return;
    case 'diagnosis':
    case 'medication':
      for (const code of rule.anyOf) codes.add(code);
      return;
    case 'fact':
      codes.add(rule.fact);
      return;
    case 'sex':
      return;
    case 'all':
    case 'any':
      for (const child of rule.rules) collect(child, codes);
      return;
  }
}

/** The measurement codes the criteria read, sorted (a stable statement parameter). */
export function measurementCodesFor(criteria: ReadonlyArray<EligibilityCriterion>): string[] {
  const codes = new Set<string>();
  for (const criterion of criteria) if (criterion.rule !== null) collect(criterion.rule, codes);
  return [...codes].sort();
}
