import { defineRoute } from '@/lib/auth/guard';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { exportLotLogCsv } from '@/lib/drug-inventory/export-lot-log-csv';
import { drugIdParamsSchema } from '@/lib/validations/drug-inventory';

export const GET = defineRoute({ permission: 'drug.read', params: drugIdParamsSchema }, async ({ params, user }) => {
  const { filename, csv } = await exportLotLogCsv({
    lotId: params.id,
    viewerId: user.id,
    timeZone: await getClinicTimeZone(),
  });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
