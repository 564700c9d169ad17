import type { AssumptionField, ProvenanceInput, StoredProvenance } from '@/lib/validations/provenance';

/**
 * The provenance to store for a value that is written again (an edit, an amendment, a re-import):
 * - `next` null keeps the previous record's quote and assumptions (an edit that says nothing about provenance);
 * - an assumption keeps its confirmation only while its wording and the value it is about are unchanged:
 *   an admin confirmed that value, not whatever the field is edited to later.
 */
export function mergeProvenance(options: {
  previous: StoredProvenance | null;
  next: ProvenanceInput | null;
  isChanged: (field: AssumptionField) => boolean;
}): StoredProvenance | null {
  const { previous, next, isChanged } = options;
  const base = next ?? previous;
  if (base === null) return null;
  return {
    quote: base.quote,
    assumptions: base.assumptions.map(({ field, note }) => {
      const old = previous?.assumptions.find((item) => item.field === field && item.note === note);
      const keeps = old !== undefined && old.confirmedAt !== null && !isChanged(field);
      return {
        field,
        note,
        confirmedById: keeps ? old.confirmedById : null,
        confirmedByName: keeps ? old.confirmedByName : null,
        confirmedAt: keeps ? old.confirmedAt : null,
      };
    }),
  };
}

/** A first write (new trial, new row): every assumption starts unconfirmed. */
export function newProvenance(input: ProvenanceInput | null): StoredProvenance | null {
  return mergeProvenance({ previous: null, next: input, isChanged: () => true });
}
