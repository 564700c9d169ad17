import { defineRoute } from '@/lib/auth/guard';
import { listReviewQueue } from '@/lib/candidates/list-review-queue';
import { reviewQueueQuerySchema } from '@/lib/validations/candidates';

/** Eligibility checks awaiting a clinician (newest unsigned check per candidate and trial), the longest-waiting first. */
export const GET = defineRoute(
  { permission: 'candidate.read', query: reviewQueueQuerySchema },
  async ({ query, audit }) => ({
    items: await listReviewQueue({ audit }, query),
  }),
);
