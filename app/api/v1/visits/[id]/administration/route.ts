import { created, defineRoute } from '@/lib/auth/guard';
import { recordAdministration } from '@/lib/infusions/record-administration';
import { idParamsSchema, administrationSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'infusion.record', params: idParamsSchema, body: administrationSchema },
  async ({ params, body, user, audit, request }) =>
    created(await recordAdministration({ visitId: params.id, input: body, ctx: { user, audit, request } })),
);
