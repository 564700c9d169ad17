import { defineRoute } from '@/lib/auth/guard';
import { exportTrialCsv } from '@/lib/results/export-csv';
import { exportQuerySchema, trialIdParamsSchema } from '@/lib/validations/assessments';
import { csvResponse } from './csv-response';

/** GET /api/v1/trials/{id}/exports?kind=assessments|summary|responders|adverse-events|funnel|adherence|completion */
export const GET = defineRoute(
  { permission: 'outcome.read', params: trialIdParamsSchema, query: exportQuerySchema },
  async ({ params, query, user, audit }) =>
    csvResponse(await exportTrialCsv({ trialId: params.id, kind: query.kind, ctx: { user, audit } })),
);
