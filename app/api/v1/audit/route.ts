import { CLINIC_TIME_ZONE } from '@/lib/clinic/clinic-time';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { defineRoute } from '@/lib/auth/guard';
import { auditFilterSchema } from '@/lib/validations/audit';

// GET /api/v1/audit?entityType=&entityId=&actor=&action=&from=&to=&page=
// `from`/`to` are inclusive clinic-local days; times come back as ISO instants.
export const GET = defineRoute({ permission: 'audit.read', query: auditFilterSchema }, async ({ query, user }) => {
  const result = await listAuditEvents({ filter: query, timeZone: CLINIC_TIME_ZONE, viewerId: user.id });
  return {
    events: result.events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
    total: result.total,
    page: result.page,
    pageSize: result.pageSize,
    pageCount: result.pageCount,
    entityTypes: result.entityTypes,
  };
});
