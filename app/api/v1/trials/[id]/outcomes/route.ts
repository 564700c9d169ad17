import { defineRoute } from '@/lib/auth/guard';
import { getTrialOutcomes } from '@/lib/results/get-trial-outcomes';
import { trialIdParamsSchema } from '@/lib/validations/assessments';
import { outcomeRangeQuerySchema } from '@/lib/validations/results';

/** The trial's results report (arms pooled for non-admins in masked trials); `?from=&to=` picks the two timepoints compared. */
export const GET = defineRoute(
  { permission: 'outcome.read', params: trialIdParamsSchema, query: outcomeRangeQuerySchema },
  async ({ params, query, user, audit }) =>
    getTrialOutcomes({ trialId: params.id, ctx: { user, audit }, range: query }),
);
