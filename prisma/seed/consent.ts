import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Db } from '@/lib/db';

/** Factory: an approved consent form version of a trial, audited as the seed (or the given admin). */
export async function createConsentFormVersion(
  db: Db,
  options: {
    trialId: string;
    label: string;
    approvedOn: string;
    irbReference?: string | null;
    addedById?: string | null;
  },
) {
  const { trialId, label, approvedOn, irbReference = null, addedById = null } = options;
  return db.$transaction(async (tx) => {
    const version = await tx.consentFormVersion.create({
      data: { trialId, label, approvedOn: new Date(`${approvedOn}T00:00:00Z`), irbReference, addedById },
    });
    await recordAuditEvent(tx, {
      actorId: addedById,
      actorLabel: addedById ? null : 'seed',
      action: 'consent_form.add',
      entityType: 'ConsentFormVersion',
      entityId: version.id,
      after: { trialId, label, approvedOn, irbReference },
    });
    return version;
  });
}
