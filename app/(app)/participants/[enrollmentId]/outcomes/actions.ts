'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { correctAssessment } from '@/lib/assessments/correct-assessment';
import { recordAssessment } from '@/lib/assessments/record-assessment';
import { recordBaselineFromScreening } from '@/lib/assessments/record-baseline-from-screening';
import { defineAction } from '@/lib/auth/guard';
import {
  baselineFromScreeningActionSchema,
  correctAssessmentInputSchema,
  recordAssessmentInputSchema,
} from '@/lib/validations/assessments';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { publicBaseUrl } from '@/lib/self-report/base-url';
import { createSelfReportLink } from '@/lib/self-report/create-link';
import { resendSelfReportLink } from '@/lib/self-report/resend-link';
import { enterTabletMode } from '@/lib/self-report/tablet-cookies';
import { startTabletSession } from '@/lib/self-report/tablet-session';
import { createSelfReportLinkSchema, startTabletSchema } from '@/lib/validations/self-report';

// The participant outcome page's writes: the API's own schemas and lib functions,
// then a refresh of the pages that show the scores and the due lists.

function refresh(enrollmentId: string) {
  revalidatePath(`/participants/${enrollmentId}/outcomes`);
  revalidatePath('/outcomes', 'layout');
}

export const recordAssessmentAction = defineAction(
  { permission: 'outcome.record', input: recordAssessmentInputSchema },
  async ({ input, user, audit }) => {
    const result = await recordAssessment({ input, ctx: { user, audit } });
    refresh(input.enrollmentId);
    return result;
  },
);

/** "Use screening PHQ-9 as baseline": the API's schema and use case (decision 0040). */
export const recordScreeningBaselineAction = defineAction(
  { permission: 'outcome.record', input: baselineFromScreeningActionSchema },
  async ({ input: { enrollmentId, ...input }, user, audit }) => {
    const result = await recordBaselineFromScreening({ enrollmentId, input, ctx: { user, audit } });
    refresh(enrollmentId);
    return result;
  },
);

export const correctAssessmentAction = defineAction(
  {
    permission: 'outcome.record',
    input: correctAssessmentInputSchema.extend({
      assessmentId: z.string().trim().min(1).max(64),
      enrollmentId: z.string().trim().min(1).max(64),
    }),
  },
  async ({ input: { assessmentId, enrollmentId, ...input }, user, audit }) => {
    const result = await correctAssessment({ id: assessmentId, input, ctx: { user, audit } });
    refresh(enrollmentId);
    return result;
  },
);

const idSchema = z.string().trim().min(1).max(64);

async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const protocol = h.get('x-forwarded-proto') ?? 'http';
  return publicBaseUrl(`${protocol}://${host}`);
}

export const createSelfReportLinkAction = defineAction(
  { permission: 'selfreport.send', input: createSelfReportLinkSchema.extend({ enrollmentId: idSchema }) },
  async ({ input: { enrollmentId, ...input }, user, audit, request }) => {
    const link = await createSelfReportLink({
      enrollmentId,
      input,
      ctx: { user, audit, request },
      baseUrl: await requestOrigin(),
    });
    refresh(enrollmentId);
    return link;
  },
);

export const resendSelfReportLinkAction = defineAction(
  { permission: 'selfreport.send', input: z.object({ linkId: idSchema, enrollmentId: idSchema }) },
  async ({ input, user, audit, request }) => {
    const link = await resendSelfReportLink({
      linkId: input.linkId,
      ctx: { user, audit, request },
      baseUrl: await requestOrigin(),
    });
    refresh(input.enrollmentId);
    return link;
  },
);

/** Hands this device to the participant: the staff session on it ends, the tablet page opens. */
export const startTabletAction = defineAction(
  { permission: 'selfreport.send', input: startTabletSchema },
  async ({ input, user, audit, request }) => {
    const { token } = await startTabletSession({
      enrollmentId: input.enrollmentId,
      pin: input.pin,
      ctx: { user, audit, request },
      // The device's staff session ends server-side too, not only its cookie.
      staffSessionId: user.sessionId,
    });
    enterTabletMode(await cookies(), token);
    redirect('/tablet');
  },
);
