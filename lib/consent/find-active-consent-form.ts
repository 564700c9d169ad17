import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

/**
 * The consent form version a new consent is recorded on: it must be one of this trial's versions
 * and not retired (400 on the field otherwise). Read with a share lock, so a retirement running at
 * the same moment either happens first (and this refuses) or waits for the consent.
 */
export async function findActiveConsentForm(options: {
  tx: Tx;
  trialId: string;
  versionId: string;
}): Promise<{ id: string; label: string }> {
  const { tx, trialId, versionId } = options;
  const [row] = await tx.$queryRaw<Array<{ id: string; label: string; retiredAt: Date | null }>>`
    SELECT id, label, "retiredAt" FROM "ConsentFormVersion"
    WHERE id = ${versionId} AND "trialId" = ${trialId} FOR SHARE`;
  if (!row)
    throw new AppError('VALIDATION_FAILED', 'Choose one of this trial’s approved consent form versions.', {
      fields: { 'consent.formVersionId': ['Choose one of this trial’s approved consent form versions.'] },
    });
  if (row.retiredAt)
    throw new AppError('VALIDATION_FAILED', `Consent form ${row.label} is retired: consent on a current version.`, {
      fields: { 'consent.formVersionId': [`${row.label} is retired. Choose a current version.`] },
    });
  return { id: row.id, label: row.label };
}
