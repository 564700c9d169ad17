import { ruleNodeSchema, type RuleNode } from '@/lib/validations/eligibility';
import type { TrialDraftInput } from '@/lib/validations/trials';
import { asText, pick, type JsonRecord } from './json-reading';

type CriterionInput = NonNullable<TrialDraftInput['criteria']>[number];

// The registry's structured age and sex limits become ordinary inclusion criteria. Although they
// are structured data, they are only *suggested* rules: the registry's age limits are sometimes
// looser or stricter than the protocol text, so an admin confirms them like every other rule.

const AGE = /^(\d+(?:\.\d+)?)\s+(year|month|week|day|hour|minute)s?$/i;

type RegistryAge = { text: string; years: number | null };

function readAge(value: unknown, field: string, warnings: string[]): RegistryAge | null {
  const text = asText(value);
  if (text === null || /^n\/?a$/i.test(text)) return null;
  const match = AGE.exec(text);
  if (match === null) {
    warnings.push(`${field} "${text}" is not an age the importer understands; it was kept as text only.`);
    return { text, years: null };
  }
  return { text, years: match[2].toLowerCase() === 'year' ? Number(match[1]) : null };
}

function ageRule(min: RegistryAge | null, max: RegistryAge | null): RuleNode | null {
  // A limit in months or days cannot be written in whole years; a half rule would misjudge infants.
  if ((min !== null && min.years === null) || (max !== null && max.years === null)) return null;
  let rule: RuleNode | null = null;
  if (min?.years != null && max?.years != null)
    rule = { kind: 'number', measure: 'age_years', op: 'between', value: min.years, max: max.years };
  else if (min?.years != null) rule = { kind: 'number', measure: 'age_years', op: 'gte', value: min.years };
  else if (max?.years != null) rule = { kind: 'number', measure: 'age_years', op: 'lte', value: max.years };
  if (rule === null) return null;
  const parsed = ruleNodeSchema.safeParse(rule);
  return parsed.success ? parsed.data : null;
}

function ageText(min: RegistryAge | null, max: RegistryAge | null): string | null {
  if (min !== null && max !== null) return `Age ${min.text} to ${max.text}`;
  if (min !== null) return `Age ${min.text} or older`;
  if (max !== null) return `Age ${max.text} or younger`;
  return null;
}

/** Age ("Age 18 Years to 65 Years") and sex ("Sex: female") criteria from the eligibility module. */
export function registryCriteria(eligibility: JsonRecord | null, warnings: string[]): CriterionInput[] {
  const criteria: CriterionInput[] = [];
  const min = readAge(pick(eligibility, 'minimumAge'), 'Minimum age', warnings);
  const max = readAge(pick(eligibility, 'maximumAge'), 'Maximum age', warnings);
  const text = ageText(min, max);
  if (text !== null) criteria.push({ kind: 'INCLUSION', text, rule: null, suggestedRule: ageRule(min, max) });

  const sex = asText(pick(eligibility, 'sex'));
  if (sex === 'FEMALE' || sex === 'MALE') {
    const value = sex === 'FEMALE' ? 'female' : 'male';
    criteria.push({
      kind: 'INCLUSION',
      text: `Sex: ${value}`,
      rule: null,
      suggestedRule: { kind: 'sex', anyOf: [value] },
    });
  } else if (sex !== null && sex !== 'ALL') {
    warnings.push(`Sex "${sex}" is not a ClinicalTrials.gov value the importer knows; no sex criterion was added.`);
  }
  return criteria;
}
