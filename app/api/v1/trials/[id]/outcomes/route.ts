import { defineRoute } from '@/lib/auth/guard';
import { getTrialOutcomes } from '@/lib/results/get-trial-outcomes';
import { trialIdParamsSchema } from '@/lib/validations/assessments';

/** The trial's results report (arms pooled for non-admins in masked trials). */
export const GET = defineRoute({ permission: 'outcome.read', params: trialIdParamsSchema }, async ({ params, user, audit }) =>
  getTrialOutcomes({ trialId: params.id, ctx: { user, audit } }),
);
