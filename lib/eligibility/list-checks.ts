import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { trialLabel } from '@/lib/candidates/mappers';
import { prisma } from '@/lib/db';
import type { EligibilityCheckListItem } from '@/lib/eligibility/check-types';
import { AppError } from '@/lib/errors/app-error';

/** A candidate's eligibility checks in every trial, newest first, with their result and signature status. The read is logged (`eligibility.list`). */
export async function listChecks({
  candidateId,
  ctx,
}: {
  candidateId: string;
  ctx: ActorContext;
}): Promise<EligibilityCheckListItem[]> {
  return prisma.$transaction(async (tx) => {
    const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { voidedAt: true } });
    if (!candidate || candidate.voidedAt) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
    const rows = await tx.eligibilityCheck.findMany({
      where: { candidateId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: {
        id: true,
        asOf: true,
        overall: true,
        decision: true,
        signerName: true,
        signedAt: true,
        createdAt: true,
        trial: { select: { id: true, acronym: true, shortTitle: true, title: true } },
        protocolVersion: { select: { number: true } },
        createdBy: { select: { id: true, name: true } },
      },
    });
    await ctx.audit(tx, { action: 'eligibility.list', entityType: 'Candidate', entityId: candidateId });
    return rows.map((row) => ({
      id: row.id,
      trial: { id: row.trial.id, label: trialLabel(row.trial) },
      protocolVersionNumber: row.protocolVersion.number,
      asOf: row.asOf.toISOString().slice(0, 10),
      overall: row.overall,
      decision: row.decision,
      isSigned: row.signedAt !== null,
      signerName: row.signerName,
      signedAt: row.signedAt ? row.signedAt.toISOString() : null,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
    }));
  });
}
