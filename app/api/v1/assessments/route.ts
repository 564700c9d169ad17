import { listAssessments } from '@/lib/assessments/list-assessments';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { created, defineRoute } from '@/lib/auth/guard';
import { recordAssessmentInputSchema } from '@/lib/validations/assessments';
import { listAssessmentsQuerySchema } from '@/lib/validations/self-report';

/** Every questionnaire of an enrollment (`?enrollmentId=`), with its source: STAFF or PATIENT. */
export const GET = defineRoute({ permission: 'outcome.read', query: listAssessmentsQuerySchema }, async ({ query }) =>
  listAssessments({ enrollmentId: query.enrollmentId }),
);

/** Records a questionnaire: 201 {id, total, subscores, severity, flags}. */
export const POST = defineRoute(
  { permission: 'outcome.record', body: recordAssessmentInputSchema },
  async ({ body, user, audit }) => created(await recordAssessment({ input: body, ctx: { user, audit } })),
);
