import 'server-only';
import type { Tx } from '@/lib/db';
import { indexCandidate } from '@/lib/eligibility/index-candidate';
import { loadCandidateData } from '@/lib/screening/load-candidate-data';

/** The veteran answer the eligibility engine would use on `asOf`, and the day it counts from. */
export type VeteranStatus = { isVeteran: boolean; recordedOn: string };

/**
 * Veteran status as the eligibility engine reads it (decision 0043): the intake answer counts as
 * recorded on the referral date, a non-voided screening `veteran` fact on that day or later wins.
 * It goes through the engine's own loader and index, so the candidate page cannot show an answer
 * the engine does not use. null when nobody has answered yet.
 */
export async function loadVeteranStatus({
  tx,
  candidateId,
  asOf,
}: {
  tx: Tx;
  candidateId: string;
  asOf: string;
}): Promise<VeteranStatus | null> {
  const [loaded] = await loadCandidateData({
    tx,
    selection: { candidateIds: [candidateId] },
    asOf,
    codes: ['veteran'],
  });
  if (!loaded) return null;
  const fact = indexCandidate(loaded.data, asOf).facts.get('veteran');
  return fact ? { isVeteran: fact.value, recordedOn: fact.date } : null;
}
