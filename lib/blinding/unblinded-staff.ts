import 'server-only';
import type { ActorContext } from '@/lib/auth/actor-context';
import { prisma } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { SetUnblindedStaffInput } from '@/lib/validations/blinding';
import { isMaskedTrial } from './policy';

export type UnblindedStaffMember = {
  userId: string;
  name: string;
  email: string;
  role: string;
  addedBy: string;
  addedAt: string;
};
export type UnblindedStaffList = { trialId: string; isMasked: boolean; staff: UnblindedStaffMember[] };

async function readList(trialId: string): Promise<UnblindedStaffList> {
  const trial = await prisma.trial.findUnique({ where: { id: trialId }, select: { id: true, masking: true } });
  if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');
  const rows = await prisma.unblindedStaff.findMany({
    where: { trialId },
    orderBy: { createdAt: 'asc' },
    include: {
      user: { select: { id: true, name: true, email: true, role: true } },
      addedBy: { select: { name: true } },
    },
  });
  return {
    trialId,
    isMasked: isMaskedTrial(trial.masking),
    staff: rows.map((row) => ({
      userId: row.user.id,
      name: row.user.name,
      email: row.user.email,
      role: row.user.role,
      addedBy: row.addedBy.name,
      addedAt: row.createdAt.toISOString(),
    })),
  };
}

/** Who may see allocation in this trial (admins manage it). */
export async function listUnblindedStaff(options: { trialId: string }): Promise<UnblindedStaffList> {
  return readList(options.trialId);
}

/**
 * Replaces a masked trial's unblinded staff with `userIds` (active accounts only), in one
 * transaction audited with the lists before and after. An unmasked trial has no blind to
 * keep, so naming anyone there is refused (409).
 */
export async function setUnblindedStaff(options: {
  trialId: string;
  input: SetUnblindedStaffInput;
  ctx: ActorContext;
}): Promise<UnblindedStaffList> {
  const { trialId, input, ctx } = options;
  await prisma.$transaction(async (tx) => {
    const trial = await tx.trial.findUnique({ where: { id: trialId }, select: { id: true, masking: true } });
    if (!trial) throw new AppError('NOT_FOUND', 'This trial does not exist.');
    if (!isMaskedTrial(trial.masking))
      throw new AppError(
        'CONFLICT',
        'This trial is not masked: everyone on the study team sees its arms, so there is no unblinded staff to name.',
      );
    const users = await tx.user.findMany({
      where: { id: { in: input.userIds } },
      select: { id: true, isActive: true },
    });
    const known = new Map(users.map((user) => [user.id, user.isActive]));
    const fields: Record<string, string[]> = {};
    input.userIds.forEach((id, index) => {
      if (!known.has(id)) fields[`userIds.${index}`] = ['No such user'];
      else if (!known.get(id)) fields[`userIds.${index}`] = ['This account is deactivated'];
    });
    if (Object.keys(fields).length > 0)
      throw new AppError('VALIDATION_FAILED', 'Some people cannot be named.', { fields });
    const before = (await tx.unblindedStaff.findMany({ where: { trialId }, select: { userId: true } }))
      .map((row) => row.userId)
      .sort();
    await tx.unblindedStaff.deleteMany({ where: { trialId, userId: { notIn: input.userIds } } });
    for (const userId of input.userIds) {
      if (!before.includes(userId))
        await tx.unblindedStaff.create({ data: { trialId, userId, addedById: ctx.user.id } });
    }
    const after = [...input.userIds].sort();
    await ctx.audit(tx, {
      action: 'trial.unblinded_staff_set',
      entityType: 'Trial',
      entityId: trialId,
      before: { userIds: before },
      after: { userIds: after },
    });
  });
  return readList(trialId);
}
