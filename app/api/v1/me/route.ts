import { defineRoute } from '@/lib/auth/guard';

export const GET = defineRoute({ permission: 'dashboard.read' }, async ({ user }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role.toLowerCase(),
}));
