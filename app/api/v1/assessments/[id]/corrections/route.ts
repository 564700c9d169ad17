import { correctAssessment } from '@/lib/assessments/correct-assessment';
import { created, defineRoute } from '@/lib/auth/guard';
import { assessmentIdParamsSchema, correctAssessmentInputSchema } from '@/lib/validations/assessments';

/** Corrects a recorded questionnaire (a reason is required); the old values are kept. */
export const POST = defineRoute(
  { permission: 'outcome.record', params: assessmentIdParamsSchema, body: correctAssessmentInputSchema },
  async ({ params, body, user, audit }) =>
    created(await correctAssessment({ id: params.id, input: body, ctx: { user, audit } })),
);
