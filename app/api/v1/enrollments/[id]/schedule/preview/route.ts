import { defineRoute } from '@/lib/auth/guard';
import { previewSeries } from '@/lib/visits/preview-series';
import { idParamsSchema } from '@/lib/validations/infusions';
import { schedulePreviewSchema } from '@/lib/validations/scheduling';

/** Proposes every session from startDate: {visits: [{sessionNumber, scheduledAt, chairId, ...}], problems}. Nothing is booked. */
export const POST = defineRoute(
  { permission: 'schedule.book', params: idParamsSchema, body: schedulePreviewSchema },
  async ({ params, body }) => previewSeries({ enrollmentId: params.id, input: body }),
);
