import { defineRoute } from '@/lib/auth/guard';
import { applyVisitShifts } from '@/lib/visits/apply-visit-shifts';
import { applyShiftsSchema, idParamsSchema } from '@/lib/validations/infusions';

/** Applies the shifts a reschedule proposed, all-or-nothing. */
export const POST = defineRoute(
  { permission: 'schedule.book', params: idParamsSchema, body: applyShiftsSchema },
  async ({ params, body, user, audit, request }) =>
    applyVisitShifts({ enrollmentId: params.id, input: body, ctx: { user, audit, request } }),
);
