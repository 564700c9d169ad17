import { storedProvenanceSchema, type ProvenanceInput, type StoredProvenance } from '@/lib/validations/provenance';

/**
 * The stored provenance of a row, or null when none is recorded. A value that no longer parses is refused
 * loudly: it may hold an unconfirmed assumption, and reading it as "none" would let that assumption dose.
 */
export function readProvenance(value: unknown): StoredProvenance | null {
  if (value === null || value === undefined) return null;
  const parsed = storedProvenanceSchema.safeParse(value);
  if (!parsed.success) throw new Error('A stored provenance record is not valid');
  return parsed.data;
}

/** The provenance as a draft states it: the same quote and assumptions, without their confirmations. */
export function toProvenanceInput(stored: StoredProvenance | null): ProvenanceInput | null {
  if (stored === null) return null;
  return { quote: stored.quote, assumptions: stored.assumptions.map(({ field, note }) => ({ field, note })) };
}
