import { defineRoute } from '@/lib/auth/guard';
import { exportTrialCsv } from '@/lib/results/export-csv';
import { exportFileParamsSchema } from '@/lib/validations/assessments';
import { csvResponse } from '../csv-response';

/** GET /api/v1/trials/{id}/exports/{kind}.csv, e.g. assessments.csv (long format) or summary.csv. */
export const GET = defineRoute({ permission: 'outcome.read', params: exportFileParamsSchema }, async ({ params, user, audit }) =>
  csvResponse(await exportTrialCsv({ trialId: params.id, kind: params.file, ctx: { user, audit } })),
);
