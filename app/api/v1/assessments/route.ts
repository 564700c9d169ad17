import { recordAssessment } from '@/lib/assessments/record-assessment';
import { created, defineRoute } from '@/lib/auth/guard';
import { recordAssessmentInputSchema } from '@/lib/validations/assessments';

/** Records a questionnaire: 201 {id, total, subscores, severity, flags}. */
export const POST = defineRoute({ permission: 'outcome.record', body: recordAssessmentInputSchema }, async ({ body, user, audit }) =>
  created(await recordAssessment({ input: body, ctx: { user, audit } })),
);
