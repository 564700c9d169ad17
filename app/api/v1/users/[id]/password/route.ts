import { defineRoute } from '@/lib/auth/guard';
import { resetPassword } from '@/lib/users/reset-password';
import { toApiUser } from '@/lib/users/to-api-user';
import { apiResetPasswordSchema, userIdParamsSchema } from '@/lib/validations/auth';

// An admin sets a new password for someone else; the user's sessions end at once.
export const POST = defineRoute(
  { permission: 'user.manage', params: userIdParamsSchema, body: apiResetPasswordSchema, maxBodyBytes: 4_096 },
  async ({ params, body, user, audit }) =>
    toApiUser(await resetPassword({ id: params.id, password: body.password, actorId: user.id, audit })),
);
