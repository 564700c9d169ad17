import { defineRoute } from '@/lib/auth/guard';
import { getUser } from '@/lib/users/get-user';
import { toApiUser } from '@/lib/users/to-api-user';
import { updateUser } from '@/lib/users/update-user';
import { apiUpdateUserSchema, userIdParamsSchema } from '@/lib/validations/auth';

export const GET = defineRoute({ permission: 'user.manage', params: userIdParamsSchema }, async ({ params }) =>
  toApiUser(await getUser(params.id)),
);

export const PATCH = defineRoute(
  { permission: 'user.manage', params: userIdParamsSchema, body: apiUpdateUserSchema },
  async ({ params, body, user, audit }) =>
    toApiUser(await updateUser({ id: params.id, input: body, actorId: user.id, audit })),
);
