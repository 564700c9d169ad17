'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { correctAssessment } from '@/lib/assessments/correct-assessment';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { defineAction } from '@/lib/auth/guard';
import { correctAssessmentInputSchema, recordAssessmentInputSchema } from '@/lib/validations/assessments';

// The participant outcome page's writes: the API's own schemas and lib functions,
// then a refresh of the pages that show the scores and the due lists.

function refresh(enrollmentId: string) {
  revalidatePath(`/participants/${enrollmentId}/outcomes`);
  revalidatePath('/outcomes', 'layout');
}

export const recordAssessmentAction = defineAction({ permission: 'outcome.record', input: recordAssessmentInputSchema }, async ({ input, user, audit }) => {
  const result = await recordAssessment({ input, ctx: { user, audit } });
  refresh(input.enrollmentId);
  return result;
});

export const correctAssessmentAction = defineAction(
  {
    permission: 'outcome.record',
    input: correctAssessmentInputSchema.extend({ assessmentId: z.string().trim().min(1).max(64), enrollmentId: z.string().trim().min(1).max(64) }),
  },
  async ({ input: { assessmentId, enrollmentId, ...input }, user, audit }) => {
    const result = await correctAssessment({ id: assessmentId, input, ctx: { user, audit } });
    refresh(enrollmentId);
    return result;
  },
);
