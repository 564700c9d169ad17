'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { defineAction } from '@/lib/auth/guard';
import { getClinicClock } from '@/lib/clinic/clock';
import { runEligibilityCheck } from '@/lib/eligibility/run-check';
import { runPrescreen } from '@/lib/eligibility/run-prescreen';
import { signEligibilityCheck } from '@/lib/eligibility/sign-check';
import { recordMeasurements } from '@/lib/screening/record-measurements';
import {
  checkIdParamsSchema,
  measurementBatchSchema,
  prescreenSchema,
  runCheckSchema,
  signCheckSchema,
} from '@/lib/validations/screening';

// The eligibility screens' writes. Each parses with the API's own schema (plus
// the ids the page knows), calls one lib function and refreshes the pages that
// show the result.

const candidateId = z.string().trim().min(1, 'Choose a candidate.').max(64, 'This is not a candidate id.');
const trialId = z.string().trim().min(1, 'Choose a trial.').max(64, 'This is not a trial id.');

function refreshCandidate(id: string) {
  revalidatePath(`/candidates/${id}`);
  revalidatePath('/candidates');
  revalidatePath('/review');
  revalidatePath('/');
}

export const recordMeasurementsAction = defineAction(
  { permission: 'screening.record', input: z.object({ candidateId, measurements: measurementBatchSchema }).strict() },
  async ({ input, user, audit, request }) => {
    const rows = await recordMeasurements({
      candidateId: input.candidateId,
      inputs: input.measurements,
      ctx: { user, audit, request },
      today: (await getClinicClock()).today(),
    });
    refreshCandidate(input.candidateId);
    return { count: rows.length };
  },
);

export const runEligibilityCheckAction = defineAction(
  { permission: 'eligibility.check', input: runCheckSchema },
  async ({ input, user, audit, request }) => {
    const check = await runEligibilityCheck({
      candidateId: input.candidateId,
      trialId: input.trialId,
      ctx: { user, audit, request },
      asOf: (await getClinicClock()).today(),
    });
    refreshCandidate(input.candidateId);
    return { id: check.id, overall: check.overall };
  },
);

export const signEligibilityCheckAction = defineAction(
  { permission: 'eligibility.sign', input: signCheckSchema.extend({ checkId: checkIdParamsSchema.shape.id }) },
  async ({ input: { checkId, ...input }, user, audit, request }) => {
    const check = await signEligibilityCheck({ checkId, input, ctx: { user, audit, request } });
    refreshCandidate(check.candidate.id);
    revalidatePath(`/candidates/${check.candidate.id}/eligibility/${checkId}`);
    return { id: check.id, overall: check.overall };
  },
);

export const runPrescreenAction = defineAction(
  { permission: 'eligibility.check', input: prescreenSchema.extend({ trialId }) },
  async ({ input: { trialId: id, candidateIds, stage }, user, audit, request }) => {
    const result = await runPrescreen({
      trialId: id,
      candidateIds,
      filter: stage ? { stage } : undefined,
      ctx: { user, audit, request },
      asOf: (await getClinicClock()).today(),
    });
    revalidatePath(`/trials/${id}/prescreen`);
    return result;
  },
);
