import { recordBaselineFromScreening } from '@/lib/assessments/record-baseline-from-screening';
import { created, defineRoute } from '@/lib/auth/guard';
import { baselineFromScreeningInputSchema, enrollmentIdParamsSchema } from '@/lib/validations/assessments';

/**
 * Uses the participant's screening PHQ-9 (entered item by item) as their PHQ-9 baseline:
 * 201 {id, total, subscores, severity, flags, sourceMeasurementId}; 409 with the reason when it cannot.
 */
export const POST = defineRoute(
  { permission: 'outcome.record', params: enrollmentIdParamsSchema, body: baselineFromScreeningInputSchema },
  async ({ params, body, user, audit }) =>
    created(await recordBaselineFromScreening({ enrollmentId: params.id, input: body, ctx: { user, audit } })),
);
