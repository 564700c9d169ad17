import { defineRoute } from '@/lib/auth/guard';
import { exportTrialCsv } from '@/lib/results/export-csv';
import { exportFileParamsSchema } from '@/lib/validations/assessments';
import { outcomeRangeQuerySchema } from '@/lib/validations/results';
import { csvResponse } from '../csv-response';

/** GET /api/v1/trials/{id}/exports/{kind}.csv, e.g. assessments.csv (long format) or summary.csv; change.csv takes `?from=&to=`. */
export const GET = defineRoute(
  { permission: 'outcome.read', params: exportFileParamsSchema, query: outcomeRangeQuerySchema },
  async ({ params, query, user, audit }) =>
    csvResponse(await exportTrialCsv({ trialId: params.id, kind: params.file, ctx: { user, audit }, range: query })),
);
