import { defineRoute } from '@/lib/auth/guard';
import { reviewUnblinding } from '@/lib/blinding/emergency-unblind';
import { blindingIdParamsSchema } from '@/lib/validations/blinding';

/** An admin marks an emergency unblinding reviewed (clears the dashboard alert). */
export const POST = defineRoute(
  { permission: 'blinding.manage', params: blindingIdParamsSchema },
  async ({ params, user, audit, request }) => reviewUnblinding({ id: params.id, ctx: { user, audit, request } }),
);
