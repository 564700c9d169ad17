import { created, defineRoute } from '@/lib/auth/guard';
import { runEligibilityCheck } from '@/lib/eligibility/run-check';
import { runCheckSchema } from '@/lib/validations/screening';

/** Runs and saves a check of one candidate against the trial's current protocol. */
export const POST = defineRoute(
  { permission: 'eligibility.check', body: runCheckSchema },
  async ({ body, user, audit, request }) =>
    created(
      await runEligibilityCheck({
        candidateId: body.candidateId,
        trialId: body.trialId,
        ctx: { user, audit, request },
      }),
    ),
);
