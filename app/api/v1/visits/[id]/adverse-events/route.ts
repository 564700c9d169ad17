import { created, defineRoute } from '@/lib/auth/guard';
import { recordAdverseEvent } from '@/lib/infusions/record-adverse-event';
import { idParamsSchema, adverseEventSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'infusion.record', params: idParamsSchema, body: adverseEventSchema },
  async ({ params, body, user, audit, request }) =>
    created(await recordAdverseEvent({ visitId: params.id, input: body, ctx: { user, audit, request } })),
);
