import { defineRoute } from '@/lib/auth/guard';
import { resetUserMfa } from '@/lib/users/reset-user-mfa';
import { userIdParamsSchema } from '@/lib/validations/auth';

/** An administrator turns a user's two-factor sign-in off (lost phone); audited `user.mfa_reset`. */
export const DELETE = defineRoute(
  { permission: 'user.manage', params: userIdParamsSchema },
  async ({ params, user, audit }) => resetUserMfa({ id: params.id, actorId: user.id, audit }),
);
