import { defineRoute } from '@/lib/auth/guard';
import { getScreeningForms } from '@/lib/screening/get-screening-forms';
import { trialIdParamsSchema } from '@/lib/validations/trials';
import { screeningFormQuerySchema } from '@/lib/validations/screening-form';

/**
 * The trial's screening form for one candidate: the values its rules read, with units, plausible
 * ranges and whether the candidate's latest value is current, stale or missing (the read is logged).
 */
export const GET = defineRoute(
  { permission: 'screening.record', params: trialIdParamsSchema, query: screeningFormQuerySchema },
  async ({ params, query, user, audit, request }) => {
    const { forms, ...rest } = await getScreeningForms({
      candidateId: query.candidateId,
      trialIds: [params.id],
      ctx: { user, audit, request },
    });
    return { ...rest, ...forms[0] };
  },
);
