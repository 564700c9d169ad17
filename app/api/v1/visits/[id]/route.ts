import { defineRoute } from '@/lib/auth/guard';
import { getVisitDay } from '@/lib/infusions/get-visit-day';
import { updateVisit } from '@/lib/visits/update-visit';
import { idParamsSchema, visitPatchSchema } from '@/lib/validations/infusions';

/** The infusion-day record of a visit (every read is logged). */
export const GET = defineRoute(
  { permission: 'schedule.read', params: idParamsSchema },
  async ({ params, user, audit, request }) => getVisitDay({ visitId: params.id, ctx: { user, audit, request } }),
);

/** Reschedule ({scheduledAt?, chairId?, reason, version}) or change status ({status: MISSED | CANCELLED, reason, version}). */
export const PATCH = defineRoute(
  { permission: 'schedule.book', params: idParamsSchema, body: visitPatchSchema },
  async ({ params, body, user, audit, request }) =>
    updateVisit({ visitId: params.id, input: body, ctx: { user, audit, request } }),
);
