import { defineRoute } from '@/lib/auth/guard';
import { overrideHold } from '@/lib/infusions/override-hold';
import { idParamsSchema, holdOverrideSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'infusion.record', params: idParamsSchema, body: holdOverrideSchema },
  async ({ params, body, user, audit, request }) =>
    overrideHold({ visitId: params.id, input: body, ctx: { user, audit, request } }),
);
