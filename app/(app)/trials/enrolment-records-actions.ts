'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/guard';
import { addConsentFormVersion } from '@/lib/consent/add-consent-form-version';
import { retireConsentFormVersion } from '@/lib/consent/retire-consent-form-version';
import { setSubjectIdPattern } from '@/lib/enrollments/set-subject-id-pattern';
import {
  consentFormParamsSchema,
  consentFormVersionSchema,
  retireConsentFormVersionSchema,
  subjectIdPatternSchema,
} from '@/lib/validations/consent';
import { trialIdParamsSchema } from '@/lib/validations/trials';

// The trial page's enrolment records (subject ID pattern, consent form versions): thin wrappers
// over the same lib functions and schemas as the API routes, guarded by `trial.edit`.

const refresh = (trialId: string) => revalidatePath(`/trials/${trialId}`);

export const setSubjectIdPatternAction = defineAction(
  { permission: 'trial.edit', input: trialIdParamsSchema.extend(subjectIdPatternSchema.shape) },
  async ({ input, user, audit }) => {
    const settings = await setSubjectIdPattern({ trialId: input.id, pattern: input.pattern, ctx: { user, audit } });
    refresh(input.id);
    return settings;
  },
);

export const addConsentFormVersionAction = defineAction(
  { permission: 'trial.edit', input: trialIdParamsSchema.extend(consentFormVersionSchema.shape) },
  async ({ input: { id, ...version }, user, audit }) => {
    const added = await addConsentFormVersion({ trialId: id, input: version, ctx: { user, audit } });
    refresh(id);
    return added;
  },
);

export const retireConsentFormVersionAction = defineAction(
  { permission: 'trial.edit', input: consentFormParamsSchema.extend(retireConsentFormVersionSchema.shape) },
  async ({ input, user, audit }) => {
    const retired = await retireConsentFormVersion({
      trialId: input.id,
      versionId: input.versionId,
      reason: input.reason,
      ctx: { user, audit },
    });
    refresh(input.id);
    return retired;
  },
);
