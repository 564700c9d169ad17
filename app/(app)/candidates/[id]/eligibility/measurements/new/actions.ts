'use server';

import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/auth/guard';
import { recordMeasurements } from '@/lib/screening/record-measurements';
import { screeningFormSchema } from '@/lib/validations/screening-form';

/** Saves the filled fields of one trial's screening form: all of them or none (a `bp` reading as sbp and dbp). */
export const recordScreeningFormAction = defineAction(
  { permission: 'screening.record', input: screeningFormSchema },
  async ({ input, user, audit, request }) => {
    const rows = await recordMeasurements({
      candidateId: input.candidateId,
      inputs: input.entries,
      ctx: { user, audit, request },
    });
    revalidatePath(`/candidates/${input.candidateId}`);
    revalidatePath(`/candidates/${input.candidateId}/eligibility/measurements/new`);
    return { count: rows.length };
  },
);
