import { created, defineRoute } from '@/lib/auth/guard';
import { listMeasurements } from '@/lib/screening/list-measurements';
import { recordMeasurements } from '@/lib/screening/record-measurements';
import { candidateIdParamsSchema } from '@/lib/validations/candidates';
import { measurementBatchSchema } from '@/lib/validations/screening';

/** The candidate's screening measurements, newest first (the read is logged). */
export const GET = defineRoute(
  { permission: 'candidate.read', params: candidateIdParamsSchema },
  async ({ params, user, audit, request }) => ({
    measurements: await listMeasurements({ candidateId: params.id, ctx: { user, audit, request } }),
  }),
);

/** One measurement or an array of them; all are saved or none (400 names the entry: "0.value"). */
export const POST = defineRoute(
  { permission: 'screening.record', params: candidateIdParamsSchema, body: measurementBatchSchema },
  async ({ params, body, user, audit, request }) =>
    created({
      measurements: await recordMeasurements({ candidateId: params.id, inputs: body, ctx: { user, audit, request } }),
    }),
);
