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
  /**
   * The overall result column, which the signature sets to the decision: not hashed (checks signed
   * before it was checked must still verify), so it must equal the signed decision instead.
   */
  overall?: string;
};

/**
 * What is hashed: the check's identity, what the engine saw and said, the signed review, and who
 * signed what, when. Named fields only: nothing else on the row (a review draft, timestamps) is
 * ever part of a signature.
 */
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
 * signed content since, an overall result that is not the signed decision, or a hash
 * recomputed by someone without the key.
 */
export function verifyCheckSignature(check: SignableCheck): boolean {
  if (check.signedAt === null || check.contentHash === null) return false;
  // The page and the API show `overall`: a signed check whose overall differs from its signed decision was altered.
  if (check.overall !== undefined && check.overall !== check.decision) return false;
  return contentHash(signedContent(check)) === check.contentHash;
}
