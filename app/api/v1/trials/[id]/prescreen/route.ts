import { defineRoute } from '@/lib/auth/guard';
import { runPrescreen } from '@/lib/eligibility/run-prescreen';
import { prescreenSchema } from '@/lib/validations/screening';
import { trialIdParamsSchema } from '@/lib/validations/trials';

/** Advisory batch pre-screen: nothing is saved per candidate; one audit event records the run. */
export const POST = defineRoute(
  { permission: 'eligibility.check', params: trialIdParamsSchema, body: prescreenSchema },
  async ({ params, body, user, audit, request }) =>
    runPrescreen({
      trialId: params.id,
      candidateIds: body.candidateIds,
      filter: { stage: body.stage },
      ctx: { user, audit, request },
    }),
);
