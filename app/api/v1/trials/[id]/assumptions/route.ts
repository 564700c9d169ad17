import { defineRoute } from '@/lib/auth/guard';
import { confirmAssumption } from '@/lib/provenance/confirm-assumption';
import { confirmAssumptionSchema } from '@/lib/validations/provenance';
import { trialIdParamsSchema } from '@/lib/validations/trials';

/** Confirms one clinic assumption of the current protocol version (the trial's `assumptions` list names them). */
export const POST = defineRoute(
  { permission: 'trial.edit', params: trialIdParamsSchema, body: confirmAssumptionSchema },
  async ({ params, body, user, audit }) => ({
    trial: await confirmAssumption({ trialId: params.id, input: body, ctx: { user, audit } }),
  }),
);
