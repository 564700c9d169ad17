import { defineRoute } from '@/lib/auth/guard';
import { updateChair } from '@/lib/clinic/update-chair';
import { chairPatchSchema, idParamsSchema } from '@/lib/validations/infusions';

/** Admin: rename a chair or take it out of / back into service. */
export const PATCH = defineRoute(
  { permission: 'clinic.manage', params: idParamsSchema, body: chairPatchSchema },
  async ({ params, body, user, audit, request }) =>
    updateChair({ id: params.id, input: body, ctx: { user, audit, request } }),
);
