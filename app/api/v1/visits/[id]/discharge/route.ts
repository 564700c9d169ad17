import { defineRoute } from '@/lib/auth/guard';
import { discharge } from '@/lib/infusions/discharge';
import { idParamsSchema, dischargeSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'infusion.record', params: idParamsSchema, body: dischargeSchema },
  async ({ params, body, user, audit, request }) =>
    discharge({ visitId: params.id, input: body, ctx: { user, audit, request } }),
);
