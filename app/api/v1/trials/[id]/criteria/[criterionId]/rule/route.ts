import { defineRoute } from '@/lib/auth/guard';
import { confirmCriterionRule } from '@/lib/trials/confirm-criterion-rule';
import { confirmCriterionRuleSchema, criterionParamsSchema } from '@/lib/validations/trials';

export const POST = defineRoute(
  { permission: 'trial.edit', params: criterionParamsSchema, body: confirmCriterionRuleSchema },
  async ({ params, body, user, audit }) => ({
    trial: await confirmCriterionRule({
      trialId: params.id,
      criterionId: params.criterionId,
      ...body,
      ctx: { user, audit },
    }),
  }),
);
