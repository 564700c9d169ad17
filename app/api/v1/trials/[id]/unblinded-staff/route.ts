import { defineRoute } from '@/lib/auth/guard';
import { listUnblindedStaff, setUnblindedStaff } from '@/lib/blinding/unblinded-staff';
import { blindingIdParamsSchema, setUnblindedStaffSchema } from '@/lib/validations/blinding';

/** Who may see allocation in this masked trial. */
export const GET = defineRoute({ permission: 'blinding.manage', params: blindingIdParamsSchema }, async ({ params }) =>
  listUnblindedStaff({ trialId: params.id }),
);

/** Replaces the list: `{userIds}`. */
export const PUT = defineRoute(
  { permission: 'blinding.manage', params: blindingIdParamsSchema, body: setUnblindedStaffSchema },
  async ({ params, body, user, audit, request }) =>
    setUnblindedStaff({ trialId: params.id, input: body, ctx: { user, audit, request } }),
);
