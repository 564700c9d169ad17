import { defineRoute } from '@/lib/auth/guard';
import { confirmArmDosing } from '@/lib/trials/confirm-arm-dosing';
import { armParamsSchema, confirmArmDosingSchema } from '@/lib/validations/trials';

export const POST = defineRoute(
  { permission: 'trial.edit', params: armParamsSchema, body: confirmArmDosingSchema },
  async ({ params, body, user, audit }) => ({
    trial: await confirmArmDosing({ trialId: params.id, armId: params.armId, ...body, ctx: { user, audit } }),
  }),
);
