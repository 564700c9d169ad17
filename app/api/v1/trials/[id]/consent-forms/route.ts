import { created, defineRoute } from '@/lib/auth/guard';
import { addConsentFormVersion } from '@/lib/consent/add-consent-form-version';
import { getTrialEnrolmentRecords } from '@/lib/enrollments/get-trial-enrolment-records';
import { consentFormVersionSchema } from '@/lib/validations/consent';
import { trialIdParamsSchema } from '@/lib/validations/trials';

/** The trial's consent form versions (retired ones too) and its subject ID settings. */
export const GET = defineRoute({ permission: 'trial.read', params: trialIdParamsSchema }, async ({ params }) =>
  getTrialEnrolmentRecords({ trialId: params.id }),
);

export const POST = defineRoute(
  { permission: 'trial.edit', params: trialIdParamsSchema, body: consentFormVersionSchema },
  async ({ params, body, user, audit }) =>
    created(await addConsentFormVersion({ trialId: params.id, input: body, ctx: { user, audit } })),
);
