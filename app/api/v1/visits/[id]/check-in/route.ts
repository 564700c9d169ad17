import { defineRoute } from '@/lib/auth/guard';
import { checkIn } from '@/lib/infusions/check-in';
import { idParamsSchema, checkInSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'infusion.record', params: idParamsSchema, body: checkInSchema },
  async ({ params, body, user, audit, request }) =>
    checkIn({ visitId: params.id, input: body, ctx: { user, audit, request } }),
);
