import { contentHash } from '@/lib/auth/content-hash';

/** The stored fields a signature is bound to (an EligibilityCheck row, or a copy of one). */
export type SignableCheck = {
  id: string;
  candidateId: string;
  trialId: string;
  protocolVersionId: string;
  asOf: Date;
  inputs: unknown;
  results: unknown;
  review: unknown;
  decision: string | null;
  meaning: string | null;
  signedById: string | null;
  signerName: string | null;
  signedAt: Date | null;
  contentHash: string | null;
};

/** What is hashed: the check's identity, what the engine saw and said, the review, and who signed what, when. */
export function signedContent(check: Omit<SignableCheck, 'contentHash'>) {
  return {
    checkId: check.id,
    candidateId: check.candidateId,
    trialId: check.trialId,
    protocolVersionId: check.protocolVersionId,
    asOf: check.asOf,
    inputs: check.inputs,
    results: check.results,
    review: check.review,
    decision: check.decision,
    meaning: check.meaning,
    signerId: check.signedById,
    signerName: check.signerName,
    signedAt: check.signedAt,
  };
}

/**
 * Recomputes the keyed hash (HMAC, AUDIT_KEY) of a signed check's content and compares
 * it with the one recorded at signing: false for an unsigned check, any change to the
 * signed content since, or a hash recomputed by someone without the key.
 */
export function verifyCheckSignature(check: SignableCheck): boolean {
  if (check.signedAt === null || check.contentHash === null) return false;
  return contentHash(signedContent(check)) === check.contentHash;
}
