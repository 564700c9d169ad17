import { defineRoute } from '@/lib/auth/guard';
import { exportScreenFailCsv } from '@/lib/eligibility/export-screen-fail-csv';
import { getScreenFailReport } from '@/lib/eligibility/screen-fail-report';
import { reportFormatQuerySchema, trialIdParamsSchema } from '@/lib/validations/trials';

/** Counts per blocking criterion and conversion per referral source (aggregates only, no names); `?format=csv` as a file. */
export const GET = defineRoute(
  { permission: 'candidate.read', params: trialIdParamsSchema, query: reportFormatQuerySchema },
  async ({ params, query }) => {
    if (query.format === 'json') return getScreenFailReport(params.id);
    const file = await exportScreenFailCsv({ trialId: params.id });
    return new Response(file.csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'x-row-count': String(file.rowCount),
      },
    });
  },
);
