import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { loadCandidateDetail } from './load-candidate-detail';
import type { CandidateDetail } from './types';

/**
 * One candidate's record for a person to look at (the candidate page or
 * GET /api/v1/candidates/{id}). Every read leaves a `candidate.view` audit
 * event, the PHI access log; the read and the event share a transaction, so
 * no record is handed out without its log entry.
 */
export async function getCandidate({ id, ctx }: { id: string; ctx: ActorContext }): Promise<CandidateDetail> {
  // A dozen reads under one snapshot; a busy server must not turn them into a 500.
  return prisma.$transaction(
    async (tx) => {
      const detail = await loadCandidateDetail({ id, viewerId: ctx.user.id, db: tx });
      if (!detail) throw new AppError('NOT_FOUND', 'This candidate does not exist.');
      await ctx.audit(tx, { action: 'candidate.view', entityType: 'Candidate', entityId: id });
      return detail;
    },
    { timeout: 15_000, maxWait: 10_000 },
  );
}
