import { defineRoute } from '@/lib/auth/guard';
import { getTrial } from '@/lib/trials/get-trial';
import { updateTrial } from '@/lib/trials/update-trial';
import { trialIdParamsSchema, trialPatchSchema } from '@/lib/validations/trials';

export const GET = defineRoute({ permission: 'trial.read', params: trialIdParamsSchema }, async ({ params }) => ({
  trial: await getTrial(params.id),
}));

export const PATCH = defineRoute(
  { permission: 'trial.edit', params: trialIdParamsSchema, body: trialPatchSchema },
  async ({ params, body, user, audit }) => ({
    trial: await updateTrial({ id: params.id, patch: body, ctx: { user, audit } }),
  }),
);
