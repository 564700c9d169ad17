import { exportAuditCsv } from '@/lib/audit/export-audit-csv';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { defineRoute } from '@/lib/auth/guard';
import { getClinicTimeZone } from '@/lib/clinic/clock';
import { auditQuerySchema } from '@/lib/validations/audit';

// GET /api/v1/audit?entityType=&entityId=&actor=&action=&from=&to=&page=[&format=csv]
// `from`/`to` are inclusive days in the clinic settings' zone; times come back as ISO instants. `format=csv`
// streams every matching event (not one page) as a file, and is itself audited.
export const GET = defineRoute(
  { permission: 'audit.read', query: auditQuerySchema },
  async ({ query: { format, ...filter }, user, audit }) => {
    const timeZone = await getClinicTimeZone();
    if (format === 'csv') {
      const file = await exportAuditCsv({ filter, timeZone, ctx: { user, audit } });
      return new Response(file.body, {
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${file.filename}"`,
          'cache-control': 'no-store',
          'x-row-count': String(file.rowCount),
        },
      });
    }
    const result = await listAuditEvents({ filter, timeZone, viewerId: user.id });
    return {
      events: result.events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      pageCount: result.pageCount,
      entityTypes: result.entityTypes,
    };
  },
);
