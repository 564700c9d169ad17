import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

/**
 * Locks a check that may still be reviewed and signed, inside the caller's transaction, and
 * returns its row. Signing and saving a review draft share these rules, so a draft is refused
 * exactly when a signature would be: 404 for an unknown check or a voided candidate; 409 when
 * the check is already signed, the protocol has been amended since, or a newer check exists
 * for the candidate and trial. The row lock orders a draft save against a signature.
 */
export async function lockSignableCheck({ tx, checkId }: { tx: Tx; checkId: string }) {
  const [locked] = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id FROM "EligibilityCheck" WHERE id = ${checkId} FOR UPDATE`;
  if (!locked) throw new AppError('NOT_FOUND', 'This eligibility check does not exist.');
  const check = await tx.eligibilityCheck.findUniqueOrThrow({ where: { id: checkId } });
  if (check.signedAt !== null)
    throw new AppError('CONFLICT', 'This check is already signed; a signed check cannot be signed again or changed.', {
      details: { reason: 'ALREADY_SIGNED' },
    });

  const current = await tx.protocolVersion.findFirst({
    where: { trialId: check.trialId },
    orderBy: { number: 'desc' },
    select: { id: true },
  });
  const latest = await tx.eligibilityCheck.findFirst({
    where: { candidateId: check.candidateId, trialId: check.trialId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  const candidate = await tx.candidate.findUnique({ where: { id: check.candidateId }, select: { voidedAt: true } });
  if (!candidate || candidate.voidedAt) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
  if (current?.id !== check.protocolVersionId) {
    throw new AppError(
      'CONFLICT',
      'The protocol has been amended since this check was run. Run a new check and sign that one.',
      { details: { reason: 'PROTOCOL_AMENDED' } },
    );
  }
  if (latest?.id !== check.id) {
    throw new AppError(
      'CONFLICT',
      'A newer check exists for this candidate and trial. Review and sign the newest one.',
      {
        details: { reason: 'NEWER_CHECK', latestCheckId: latest?.id ?? null },
      },
    );
  }
  return check;
}
