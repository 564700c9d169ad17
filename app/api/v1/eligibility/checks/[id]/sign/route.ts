import { defineRoute } from '@/lib/auth/guard';
import { signEligibilityCheck } from '@/lib/eligibility/sign-check';
import { checkIdParamsSchema, signCheckSchema } from '@/lib/validations/screening';

/** A clinician's signed decision (password re-entered); answers the signed check. */
export const POST = defineRoute(
  { permission: 'eligibility.sign', params: checkIdParamsSchema, body: signCheckSchema },
  async ({ params, body, user, audit, request }) =>
    signEligibilityCheck({ checkId: params.id, input: body, ctx: { user, audit, request } }),
);
