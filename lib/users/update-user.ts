import 'server-only';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { prisma, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors/app-error';
import type { UpdateUserInput } from '@/lib/validations/auth';
import { PUBLIC_USER_SELECT, type PublicUser } from './public-user';
import { resolveAudit, type UserWriteContext } from './resolve-audit';

type Options = UserWriteContext & { id: string; input: UpdateUserInput; reason?: string | null };

/**
 * Locks every active admin row and counts them. Taking the row locks makes two
 * concurrent "demote the other admin" requests run one after the other, so they
 * cannot both pass the last-admin check and leave the clinic with none.
 */
async function countActiveAdminsLocked(tx: Tx): Promise<number> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "User" WHERE role = 'ADMIN' AND "isActive" = true FOR UPDATE`;
  return rows.length;
}

/**
 * Renames, changes the role of, deactivates or reactivates a user. Each kind of
 * change gets its own audit event (user.update, user.role_change,
 * user.deactivate, user.reactivate) in the same transaction as the write.
 */
export async function updateUser({ id, input, reason, ...context }: Options): Promise<PublicUser> {
  const audit = resolveAudit(context);
  return prisma.$transaction(async (tx) => {
    // Renames cannot remove an admin, so only role and status changes take the locks.
    const touchesAccess = input.role !== undefined || input.isActive !== undefined;
    const activeAdmins = touchesAccess ? await countActiveAdminsLocked(tx) : Number.POSITIVE_INFINITY;
    const current = await tx.user.findUnique({ where: { id }, select: PUBLIC_USER_SELECT });
    if (!current) throw new AppError('NOT_FOUND', 'This user does not exist.');

    const name = input.name?.trim();
    const isRenamed = name !== undefined && name !== current.name;
    const isRoleChanged = input.role !== undefined && input.role !== current.role;
    const isActiveChanged = input.isActive !== undefined && input.isActive !== current.isActive;
    if (!isRenamed && !isRoleChanged && !isActiveChanged) return current;

    const losesAdmin =
      current.role === 'ADMIN' &&
      current.isActive &&
      ((isRoleChanged && input.role !== 'ADMIN') || (isActiveChanged && input.isActive === false));
    if (losesAdmin && context.actorId === id) {
      throw new AppError(
        'CONFLICT',
        input.isActive === false
          ? 'You cannot deactivate your own account. Ask another admin to do it.'
          : 'You cannot remove your own admin role. Ask another admin to do it.',
      );
    }
    if (losesAdmin && activeAdmins <= 1) {
      throw new AppError(
        'CONFLICT',
        `${current.name} is the last active admin. Make another user an admin before ${input.isActive === false ? 'deactivating' : 'changing the role of'} this account.`,
      );
    }

    const updated = await tx.user.update({
      where: { id },
      data: {
        ...(isRenamed ? { name } : {}),
        ...(isRoleChanged ? { role: input.role } : {}),
        ...(isActiveChanged ? { isActive: input.isActive } : {}),
        // A deactivated user's open sessions must end now, not when the cookie expires.
        ...(isActiveChanged && input.isActive === false ? { sessionVersion: { increment: 1 } } : {}),
      },
      select: PUBLIC_USER_SELECT,
    });

    const base = { entityType: 'User' as const, entityId: id, reason: reason ?? null };
    if (isRenamed)
      await audit(tx, {
        ...base,
        action: 'user.update',
        before: { name: current.name },
        after: { name: updated.name },
      });
    if (isRoleChanged) {
      await audit(tx, {
        ...base,
        action: 'user.role_change',
        before: { role: current.role, roleLabel: ROLE_LABELS[current.role] },
        after: { role: updated.role, roleLabel: ROLE_LABELS[updated.role] },
      });
    }
    if (isActiveChanged) {
      await audit(tx, {
        ...base,
        action: updated.isActive ? 'user.reactivate' : 'user.deactivate',
        before: { isActive: current.isActive },
        after: { isActive: updated.isActive },
      });
    }
    return updated;
  });
}
