import { defineRoute } from '@/lib/auth/guard';
import { setSubjectIdPattern } from '@/lib/enrollments/set-subject-id-pattern';
import { subjectIdPatternSchema } from '@/lib/validations/consent';
import { trialIdParamsSchema } from '@/lib/validations/trials';

/** Sets (and confirms) the trial's subject ID pattern; 409 once IDs were assigned with another. */
export const PUT = defineRoute(
  { permission: 'trial.edit', params: trialIdParamsSchema, body: subjectIdPatternSchema },
  async ({ params, body, user, audit }) =>
    setSubjectIdPattern({ trialId: params.id, pattern: body.pattern, ctx: { user, audit } }),
);
