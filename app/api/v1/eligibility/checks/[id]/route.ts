import { defineRoute } from '@/lib/auth/guard';
import { getCheck } from '@/lib/eligibility/get-check';
import { checkIdParamsSchema } from '@/lib/validations/screening';

/** A saved check with its evidence, review and signature (`isValid` recomputed). The read is logged. */
export const GET = defineRoute(
  { permission: 'candidate.read', params: checkIdParamsSchema },
  async ({ params, user, audit, request }) => getCheck({ id: params.id, ctx: { user, audit, request } }),
);
