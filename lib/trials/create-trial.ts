import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { TrialDraft } from '@/lib/validations/trials';
import { checkDraftConsistency } from './apply-trial-draft';
import { createTrialFromDraft } from './create-trial-from-draft';
import { readTrialDetail } from './get-trial';
import type { TrialDetail } from './types';

export function duplicateNctId(nctId: string): AppError {
  return new AppError('CONFLICT', `A trial with NCT id ${nctId} already exists.`, {
    fields: { nctId: ['A trial with this NCT id already exists.'] },
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/**
 * Writes a new trial (record, arms, interventions, outcomes, protocol version 1)
 * inside the caller's transaction. Shared by createTrial and the importer.
 */
export async function insertTrial({
  tx,
  draft,
  source,
  actorId,
}: {
  tx: Tx;
  draft: TrialDraft;
  source: 'MANUAL' | 'CTGOV_IMPORT';
  actorId: string;
}) {
  checkDraftConsistency(draft);
  if (draft.nctId !== null) {
    const existing = await tx.trial.findUnique({ where: { nctId: draft.nctId }, select: { id: true } });
    if (existing) throw duplicateNctId(draft.nctId);
  }
  return createTrialFromDraft({ tx, draft, source, actorId });
}

/**
 * Creates a trial from a validated draft (trialDraftSchema) with its
 * `trial.create` audit event in the same transaction. A duplicate NCT id is a
 * 409 on the nctId field, also when two requests race for it.
 */
export async function createTrial({ draft, ctx }: { draft: TrialDraft; ctx: ActorContext }): Promise<TrialDetail> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const { trial } = await insertTrial({ tx, draft, source: 'MANUAL', actorId: ctx.user.id });
        await ctx.audit(tx, {
          action: 'trial.create',
          entityType: 'Trial',
          entityId: trial.id,
          after: {
            nctId: draft.nctId,
            title: draft.title,
            arms: draft.arms.map((arm) => arm.label),
            criteria: draft.criteria.length,
            assessmentPlan: draft.assessmentPlan.length,
          },
        });
        return (await readTrialDetail({ tx, trialId: trial.id }))!;
      },
      { timeout: 30_000 },
    );
  } catch (error) {
    if (draft.nctId !== null && isUniqueViolation(error)) throw duplicateNctId(draft.nctId);
    throw error;
  }
}
