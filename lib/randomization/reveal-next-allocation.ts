import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import { allocationBlockSizes, generateAllocationList } from './generate-allocation-list';

/** Entries generated up front: twice the target enrolment, and never fewer than this. */
const MIN_LIST_ENTRIES = 200;

type Trial = { id: string; targetEnrollment: number | null };
export type RevealedAllocation = { entryId: string; sequence: number; armId: string };

/** Generates, stores and audits the trial's allocation list (permuted blocks from a fresh random seed). */
async function generateListFor(tx: Tx, trial: Trial, ctx: ActorContext) {
  const arms = await tx.arm.findMany({
    where: { trialId: trial.id },
    select: { id: true, allocationWeight: true },
    orderBy: { id: 'asc' },
  });
  if (arms.length === 0)
    throw new AppError('CONFLICT', 'This randomized trial has no arms to allocate to. Add its arms first.');
  const seed = randomBytes(16).toString('hex');
  const blockSizes = allocationBlockSizes(arms);
  const entries = generateAllocationList({
    arms,
    seed,
    blockSizes,
    minEntries: Math.max(MIN_LIST_ENTRIES, 2 * (trial.targetEnrollment ?? 0)),
  });
  const list = await tx.allocationList.create({ data: { trialId: trial.id, seed, blockSizes } });
  await tx.allocationEntry.createMany({ data: entries.map((entry) => ({ listId: list.id, ...entry })) });
  // The seed stays out of the trail: whoever reads it could work out every coming allocation.
  await ctx.audit(tx, {
    action: 'allocation.generate',
    entityType: 'AllocationList',
    entityId: list.id,
    after: {
      trialId: trial.id,
      blockSizes,
      entryCount: entries.length,
      arms: arms.map((arm) => ({ id: arm.id, allocationWeight: arm.allocationWeight })),
    },
  });
  return list;
}

/**
 * Assigns the next arm of a randomized trial. The trial row is locked first
 * (FOR NO KEY UPDATE, which leaves foreign-key checks alone), so enrolments in
 * one trial take turns: the list is generated exactly once, and the next
 * unrevealed entry (SELECT … FOR UPDATE, lowest sequence) goes to exactly one
 * enrolment. `enroll` creates the enrolment with the arm and returns its id; the
 * entry is then marked revealed and the reveal audited, all in the caller's transaction.
 */
export async function revealNextAllocation({
  tx,
  trial,
  ctx,
  enroll,
}: {
  tx: Tx;
  trial: Trial;
  ctx: ActorContext;
  enroll: (armId: string) => Promise<string>;
}): Promise<RevealedAllocation & { enrollmentId: string }> {
  await tx.$queryRaw`SELECT id FROM "Trial" WHERE id = ${trial.id} FOR NO KEY UPDATE`;
  const list =
    (await tx.allocationList.findUnique({ where: { trialId: trial.id }, select: { id: true } })) ??
    (await generateListFor(tx, trial, ctx));

  const [next] = await tx.$queryRaw<RevealedAllocation[]>`
    SELECT id AS "entryId", sequence, "armId" FROM "AllocationEntry"
    WHERE "listId" = ${list.id} AND "revealedAt" IS NULL
    ORDER BY sequence
    LIMIT 1
    FOR UPDATE`;
  if (!next)
    throw new AppError(
      'CONFLICT',
      "This trial's allocation list is used up. Ask the trial statistician to extend it before enrolling more participants.",
    );

  const enrollmentId = await enroll(next.armId);
  await tx.allocationEntry.update({
    where: { id: next.entryId },
    data: { enrollmentId, revealedAt: new Date(), revealedById: ctx.user.id },
  });
  await ctx.audit(tx, {
    action: 'allocation.reveal',
    entityType: 'AllocationEntry',
    entityId: next.entryId,
    after: { trialId: trial.id, sequence: next.sequence, armId: next.armId, enrollmentId },
  });
  return { ...next, sequence: Number(next.sequence), enrollmentId };
}
