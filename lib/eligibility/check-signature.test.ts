import { beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '@/lib/auth/content-hash';
import { type SignableCheck, signedContent, verifyCheckSignature } from '@/lib/eligibility/check-signature';

beforeAll(() => {
  process.env.AUDIT_KEY ??= 'unit-test-audit-key-of-at-least-32-characters';
});

function signedCheck(): SignableCheck {
  const unsigned = {
    id: 'check-1',
    candidateId: 'candidate-1',
    trialId: 'trial-1',
    protocolVersionId: 'pv-1',
    asOf: new Date('2026-11-23T00:00:00Z'),
    inputs: { dateOfBirth: '1980-06-15' },
    results: [{ criterionId: 'c1', result: 'NEEDS_REVIEW' }],
    review: { criteria: [{ criterionId: 'c1', result: 'MET', basis: 'judgment', note: 'Signed note (fictional)' }] },
    decision: 'ELIGIBLE',
    meaning: 'Eligibility confirmed',
    signedById: 'user-1',
    signerName: 'Dr. Fictional Signer',
    signedAt: new Date('2026-11-23T14:05:00Z'),
    overall: 'ELIGIBLE',
  };
  return { ...unsigned, contentHash: contentHash(signedContent(unsigned)) };
}

describe('check signatures', () => {
  it('verifies the signed content, and a review draft beside it is never part of it', () => {
    const check = signedCheck();
    expect(verifyCheckSignature(check)).toBe(true);
    const withDraft = {
      ...check,
      reviewDraft: { content: { judgments: [{ criterionId: 'c1', note: 'draft only' }] } },
    };
    expect(signedContent(withDraft)).toEqual(signedContent(check));
    expect(JSON.stringify(signedContent(withDraft))).not.toContain('draft only');
    expect(verifyCheckSignature(withDraft)).toBe(true);
  });

  it('fails when the signed review, the decision, or the overall result shown no longer match what was signed', () => {
    const check = signedCheck();
    expect(
      verifyCheckSignature({
        ...check,
        review: { criteria: [{ criterionId: 'c1', result: 'NOT_MET', basis: 'judgment', note: 'x' }] },
      }),
    ).toBe(false);
    expect(verifyCheckSignature({ ...check, decision: 'INELIGIBLE' })).toBe(false);
    expect(verifyCheckSignature({ ...check, overall: 'INELIGIBLE' })).toBe(false);
    expect(verifyCheckSignature({ ...check, signedAt: null })).toBe(false);
  });
});
