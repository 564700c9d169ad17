import { defineRoute } from '@/lib/auth/guard';
import { reviewCount } from '@/lib/drug-inventory/review-count';
import { countReviewSchema, drugIdParamsSchema } from '@/lib/validations/drug-inventory';

export const POST = defineRoute(
  { permission: 'drug.review', params: drugIdParamsSchema, body: countReviewSchema },
  async ({ params, body, user, audit, request }) =>
    reviewCount({ countId: params.id, input: body, ctx: { user, audit, request } }),
);
