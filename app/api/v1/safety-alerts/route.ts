import { defineRoute } from '@/lib/auth/guard';
import { listSafetyAlerts } from '@/lib/safety/list-safety-alerts';
import { safetyAlertListQuerySchema } from '@/lib/validations/safety';

/** Safety alerts by status (`?status=open|acknowledged`, optionally `&enrollmentId=`). */
export const GET = defineRoute({ permission: 'safety.read', query: safetyAlertListQuerySchema }, async ({ query }) => ({
  alerts: await listSafetyAlerts({ status: query.status, enrollmentId: query.enrollmentId }),
}));
