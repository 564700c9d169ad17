import 'server-only';
import { trialLabel } from '@/lib/candidates/mappers';
import type { Tx } from '@/lib/db';
import { toCheckDetail } from '@/lib/eligibility/check-mappers';
import type { EligibilityCheckDetail } from '@/lib/eligibility/check-types';

const USER_REF = { select: { id: true, name: true } } as const;

/** One saved check with everything a reviewer sees, or null. Writers pass their transaction. */
export async function readCheckDetail({ tx, id }: { tx: Tx; id: string }): Promise<EligibilityCheckDetail | null> {
  const row = await tx.eligibilityCheck.findUnique({
    where: { id },
    include: {
      candidate: { select: { id: true, firstName: true, lastName: true } },
      trial: { select: { id: true, acronym: true, shortTitle: true, title: true } },
      protocolVersion: { select: { id: true, number: true } },
      createdBy: USER_REF,
      signedBy: USER_REF,
      reviewDraft: { select: { checkId: true, content: true, savedAt: true, savedBy: USER_REF } },
    },
  });
  if (!row) return null;
  // Sequential: `db` may be a transaction, whose one connection runs one query at a time.
  const current = await tx.protocolVersion.findFirst({
    where: { trialId: row.trialId },
    orderBy: { number: 'desc' },
    select: { id: true },
  });
  const latest = await tx.eligibilityCheck.findFirst({
    where: { candidateId: row.candidateId, trialId: row.trialId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  return toCheckDetail({
    ...row,
    trial: { id: row.trial.id, label: trialLabel(row.trial) },
    isCurrentProtocolVersion: current?.id === row.protocolVersionId,
    isLatest: latest?.id === row.id,
  });
}
