import { defineRoute } from '@/lib/auth/guard';
import { removeClosure } from '@/lib/clinic/remove-closure';
import { idParamsSchema } from '@/lib/validations/infusions';

export const DELETE = defineRoute(
  { permission: 'clinic.manage', params: idParamsSchema },
  async ({ params, user, audit, request }) => removeClosure({ id: params.id, ctx: { user, audit, request } }),
);
