import { created, defineRoute } from '@/lib/auth/guard';
import { recordVitals } from '@/lib/infusions/record-vitals';
import { idParamsSchema, vitalsSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'infusion.record', params: idParamsSchema, body: vitalsSchema },
  async ({ params, body, user, audit, request }) =>
    created(await recordVitals({ visitId: params.id, input: body, ctx: { user, audit, request } })),
);
