import type { StoredProvenance } from '@/lib/validations/provenance';

// Policy: a structured rule resting on an unconfirmed clinic assumption (thresholds the source does not state)
// decides nothing. The engine gets the criterion without a rule, i.e. as clinician judgment, until an admin
// confirms the assumption; the stored rule itself is kept so confirming needs no re-entry.

/** The rule the eligibility engine may use: the stored one, or null while its assumption is unconfirmed. */
export function ruleForEngine<Rule>(rule: Rule | null, provenance: StoredProvenance | null): Rule | null {
  if (rule === null) return null;
  const isAssumed = (provenance?.assumptions ?? []).some(
    (assumption) => assumption.field === 'rule' && assumption.confirmedAt === null,
  );
  return isAssumed ? null : rule;
}
