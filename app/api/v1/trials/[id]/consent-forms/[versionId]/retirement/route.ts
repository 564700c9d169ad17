import { defineRoute } from '@/lib/auth/guard';
import { retireConsentFormVersion } from '@/lib/consent/retire-consent-form-version';
import { consentFormParamsSchema, retireConsentFormVersionSchema } from '@/lib/validations/consent';

/** Retires a consent form version with a reason; it is never deleted. */
export const POST = defineRoute(
  { permission: 'trial.edit', params: consentFormParamsSchema, body: retireConsentFormVersionSchema },
  async ({ params, body, user, audit }) =>
    retireConsentFormVersion({
      trialId: params.id,
      versionId: params.versionId,
      reason: body.reason,
      ctx: { user, audit },
    }),
);
