import { defineRoute } from '@/lib/auth/guard';
import { acknowledgeSafetyAlert } from '@/lib/safety/acknowledge-safety-alert';
import { acknowledgeSafetyAlertSchema, safetyAlertIdParamsSchema } from '@/lib/validations/safety';

/** A clinician acknowledges an open alert with the action taken. */
export const POST = defineRoute(
  { permission: 'safety.acknowledge', params: safetyAlertIdParamsSchema, body: acknowledgeSafetyAlertSchema },
  async ({ params, body, user, audit, request }) =>
    acknowledgeSafetyAlert({ alertId: params.id, action: body.action, ctx: { user, audit, request } }),
);
