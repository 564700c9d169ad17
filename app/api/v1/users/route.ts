import { created, defineRoute } from '@/lib/auth/guard';
import { createUser } from '@/lib/users/create-user';
import { listUsers } from '@/lib/users/list-users';
import { toApiUser } from '@/lib/users/to-api-user';
import { apiCreateUserSchema, userListQuerySchema } from '@/lib/validations/auth';

export const GET = defineRoute({ permission: 'user.manage', query: userListQuerySchema }, async ({ query }) => {
  const users = await listUsers({ q: query.q });
  const now = new Date();
  return { items: users.map((user) => toApiUser(user, now)), total: users.length };
});

export const POST = defineRoute(
  { permission: 'user.manage', body: apiCreateUserSchema },
  async ({ body, user, audit }) => {
    const account = await createUser({ input: body, actorId: user.id, audit });
    return created(toApiUser(account));
  },
);
