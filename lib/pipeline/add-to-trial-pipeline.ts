import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';

export function alreadyInPipeline(): AppError {
  return new AppError('CONFLICT', "The candidate is already in this trial's pipeline.", {
    fields: { trialId: ["Already in this trial's pipeline."] },
  });
}

/**
 * Puts a candidate on a trial's pipeline at REFERRED with its first history
 * event and a `pipeline.move` audit event, inside the caller's transaction. The
 * unique (candidateId, trialId) index stops a second entry even when two
 * requests race; callers map that violation with alreadyInPipeline().
 */
export async function addToTrialPipeline({
  tx,
  candidateId,
  trialId,
  ctx,
}: {
  tx: Tx;
  candidateId: string;
  trialId: string;
  ctx: ActorContext;
}) {
  const trial = await tx.trial.findUnique({ where: { id: trialId }, select: { id: true } });
  if (!trial)
    throw new AppError('NOT_FOUND', 'This trial does not exist.', {
      fields: { trialId: ['Choose an existing trial.'] },
    });
  const existing = await tx.pipelineEntry.findUnique({
    where: { candidateId_trialId: { candidateId, trialId } },
    select: { id: true },
  });
  if (existing) throw alreadyInPipeline();

  const entry = await tx.pipelineEntry.create({ data: { candidateId, trialId, stage: 'REFERRED' } });
  await tx.pipelineEvent.create({
    data: {
      pipelineEntryId: entry.id,
      fromStage: null,
      toStage: 'REFERRED',
      actorId: ctx.user.id,
      createdAt: entry.stageChangedAt,
    },
  });
  await ctx.audit(tx, {
    action: 'pipeline.move',
    entityType: 'PipelineEntry',
    entityId: entry.id,
    before: null,
    after: { candidateId, trialId, stage: 'REFERRED' },
  });
  return entry;
}
