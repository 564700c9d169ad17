import { created, defineRoute } from '@/lib/auth/guard';
import { verifyDose } from '@/lib/infusions/verify-dose';
import { idParamsSchema, doseVerificationSchema } from '@/lib/validations/infusions';

export const POST = defineRoute(
  { permission: 'dose.verify', params: idParamsSchema, body: doseVerificationSchema },
  async ({ params, body, user, audit, request }) =>
    created(await verifyDose({ visitId: params.id, input: body, ctx: { user, audit, request } })),
);
