import 'server-only';
import { prisma, type Db, type Tx } from '@/lib/db';
import type { ConsentFormOption } from './types';

/** The versions a consent may be recorded on, per trial: those not retired, newest approval first. */
export async function listActiveConsentForms(options: {
  trialIds: string[];
  db?: Db | Tx;
}): Promise<Map<string, ConsentFormOption[]>> {
  const { trialIds, db = prisma } = options;
  const byTrial = new Map<string, ConsentFormOption[]>(trialIds.map((id) => [id, []]));
  if (trialIds.length === 0) return byTrial;
  const rows = await db.consentFormVersion.findMany({
    where: { trialId: { in: trialIds }, retiredAt: null },
    orderBy: [{ approvedOn: 'desc' }, { createdAt: 'desc' }],
    select: { id: true, label: true, trialId: true },
  });
  for (const row of rows) byTrial.get(row.trialId)?.push({ id: row.id, label: row.label });
  return byTrial;
}
