import { defineRoute } from '@/lib/auth/guard';
import { saveReviewDraft } from '@/lib/eligibility/save-review-draft';
import { checkIdParamsSchema, reviewDraftSchema } from '@/lib/validations/screening';

/**
 * A clinician's review saved as a draft (replaces the previous one); not a decision. 409 once
 * the check is signed. The draft comes back with the check (GET /eligibility/checks/{id}, `draft`).
 */
export const PUT = defineRoute(
  { permission: 'eligibility.sign', params: checkIdParamsSchema, body: reviewDraftSchema },
  async ({ params, body, user, audit, request }) =>
    saveReviewDraft({ checkId: params.id, input: body, ctx: { user, audit, request } }),
);
