import type { TrialDraftInput } from '@/lib/validations/trials';

// How the demo clinic numbers each seeded trial's participants. No trial page states a subject
// numbering, so every pattern here is a clinic assumption: the trial page lists it as unconfirmed
// (lib/provenance/trial-level-assumptions.ts) until an admin confirms or changes it.

const SEED_SUBJECT_ID_PATTERNS: Record<string, string> = {
  NCT06419439: 'CLBP-{NNN}',
  NCT06668571: 'TRD-{NNN}',
  'MAYO-KETNEU': 'KETNEU-{NNN}',
  'KAP-PILOT': 'KAP-{NNN}',
};

/** The seeded trial's assumed subject ID pattern, by NCT id or else protocol number; undefined keeps the default. */
export function seedSubjectIdPattern(draft: Pick<TrialDraftInput, 'nctId' | 'protocolNumber'>): string | undefined {
  return SEED_SUBJECT_ID_PATTERNS[draft.nctId ?? draft.protocolNumber ?? ''];
}
