import { defineRoute } from '@/lib/auth/guard';
import { getScreenFailReport } from '@/lib/eligibility/screen-fail-report';
import { trialIdParamsSchema } from '@/lib/validations/trials';

/** Counts per blocking criterion and conversion per referral source (aggregates only, no names). */
export const GET = defineRoute({ permission: 'candidate.read', params: trialIdParamsSchema }, async ({ params }) =>
  getScreenFailReport(params.id),
);
