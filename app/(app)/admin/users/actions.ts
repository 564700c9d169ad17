'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/guard';
import { createUser } from '@/lib/users/create-user';
import { resetPassword } from '@/lib/users/reset-password';
import { setMfaRequiredRoles } from '@/lib/auth/mfa/mfa-policy';
import { resetUserMfa } from '@/lib/users/reset-user-mfa';
import { unlockUser } from '@/lib/users/unlock-user';
import { updateUser } from '@/lib/users/update-user';
import {
  createUserSchema,
  editUserActionSchema,
  resetUserPasswordActionSchema,
  setUserActiveActionSchema,
  mfaRolesSchema,
  resetUserMfaActionSchema,
  unlockUserActionSchema,
} from '@/lib/validations/auth';

function refresh(userId?: string) {
  revalidatePath('/admin/users');
  if (userId) revalidatePath(`/admin/users/${userId}`);
}

export const createUserAction = defineAction(
  { permission: 'user.manage', input: createUserSchema },
  async ({ input, user, audit }) => {
    const account = await createUser({ input, actorId: user.id, audit });
    refresh();
    return { id: account.id };
  },
);

export const editUserAction = defineAction(
  { permission: 'user.manage', input: editUserActionSchema },
  async ({ input, user, audit }) => {
    await updateUser({ id: input.userId, input: { name: input.name, role: input.role }, actorId: user.id, audit });
    refresh(input.userId);
    return { id: input.userId };
  },
);

export const setUserActiveAction = defineAction(
  { permission: 'user.manage', input: setUserActiveActionSchema },
  async ({ input, user, audit }) => {
    await updateUser({ id: input.userId, input: { isActive: input.isActive }, actorId: user.id, audit });
    refresh(input.userId);
    return { id: input.userId };
  },
);

export const resetUserPasswordAction = defineAction(
  { permission: 'user.manage', input: resetUserPasswordActionSchema },
  async ({ input, user, audit }) => {
    await resetPassword({ id: input.userId, password: input.password, actorId: user.id, audit });
    refresh(input.userId);
    return { id: input.userId };
  },
);

export const unlockUserAction = defineAction(
  { permission: 'user.manage', input: unlockUserActionSchema },
  async ({ input, user, audit }) => {
    await unlockUser({ id: input.userId, actorId: user.id, audit });
    refresh(input.userId);
    return { id: input.userId };
  },
);

export const resetUserMfaAction = defineAction(
  { permission: 'user.manage', input: resetUserMfaActionSchema },
  async ({ input, user, audit }) => {
    await resetUserMfa({ id: input.userId, actorId: user.id, audit });
    refresh(input.userId);
    return { id: input.userId };
  },
);

export const setMfaRolesAction = defineAction(
  { permission: 'user.manage', input: mfaRolesSchema },
  async ({ input, audit }) => {
    const roles = await setMfaRequiredRoles({ roles: input.requiredRoles, audit });
    refresh();
    return { roles };
  },
);
