import { defineRoute } from '@/lib/auth/guard';
import { listVisits } from '@/lib/visits/list-visits';
import { visitListQuerySchema } from '@/lib/validations/infusions';

/** Visits starting between `from` and `to` (clinic-local days, inclusive, or ISO instants); optional chairId, enrollmentId, status. */
export const GET = defineRoute({ permission: 'schedule.read', query: visitListQuerySchema }, async ({ query }) =>
  listVisits(query),
);
