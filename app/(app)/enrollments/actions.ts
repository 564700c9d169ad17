'use server';

import { revalidatePath } from 'next/cache';
import { checkProposedSeries } from '@/lib/visits/check-proposed-series';
import { defineAction } from '@/lib/auth/guard';
import { applyVisitShifts } from '@/lib/visits/apply-visit-shifts';
import { bookSeries } from '@/lib/visits/book-series';
import { cancelVisit } from '@/lib/visits/cancel-visit';
import { markMissed } from '@/lib/visits/mark-missed';
import { previewSeries } from '@/lib/visits/preview-series';
import { rescheduleVisit } from '@/lib/visits/reschedule-visit';
import {
  applyShiftsSchema,
  idParamsSchema,
  visitRescheduleSchema,
  visitStatusChangeSchema,
} from '@/lib/validations/infusions';
import { bookSeriesSchema, schedulePreviewSchema } from '@/lib/validations/scheduling';

// A participant's series: propose, check, book, and the later changes (reschedule with
// proposed shifts, missed, cancelled). Each parses with the API's schema plus the ids,
// calls one lib function and refreshes the pages that show the visits.

const id = idParamsSchema.shape.id;
function refresh(enrollmentId?: string) {
  revalidatePath('/schedule');
  revalidatePath('/candidates/[id]', 'page');
  if (enrollmentId) revalidatePath(`/enrollments/${enrollmentId}/schedule`);
}

export const previewSeriesAction = defineAction(
  { permission: 'schedule.book', input: schedulePreviewSchema.extend({ enrollmentId: id }) },
  async ({ input: { enrollmentId, ...input } }) => previewSeries({ enrollmentId, input }),
);

export const checkSeriesAction = defineAction(
  { permission: 'schedule.book', input: bookSeriesSchema.extend({ enrollmentId: id }) },
  async ({ input: { enrollmentId, ...input } }) => ({
    conflicts: await checkProposedSeries({ enrollmentId, input }),
  }),
);

export const bookSeriesAction = defineAction(
  { permission: 'schedule.book', input: bookSeriesSchema.extend({ enrollmentId: id }) },
  async ({ input: { enrollmentId, ...input }, user, audit, request }) => {
    const result = await bookSeries({ enrollmentId, input, ctx: { user, audit, request } });
    refresh(enrollmentId);
    return { booked: result.visits.length };
  },
);

export const rescheduleVisitAction = defineAction(
  {
    permission: 'schedule.book',
    input: visitRescheduleSchema.extend({ enrollmentId: id, visitId: id }),
  },
  async ({ input: { enrollmentId, visitId, ...input }, user, audit, request }) => {
    const result = await rescheduleVisit({ visitId, input, ctx: { user, audit, request } });
    refresh(enrollmentId);
    return result;
  },
);

export const applyShiftsAction = defineAction(
  { permission: 'schedule.book', input: applyShiftsSchema.extend({ enrollmentId: id }) },
  async ({ input: { enrollmentId, ...input }, user, audit, request }) => {
    const result = await applyVisitShifts({ enrollmentId, input, ctx: { user, audit, request } });
    refresh(enrollmentId);
    return { moved: result.visits.length };
  },
);

export const markMissedAction = defineAction(
  { permission: 'schedule.book', input: visitStatusChangeSchema.extend({ enrollmentId: id, visitId: id }) },
  async ({ input: { enrollmentId, visitId, ...input }, user, audit, request }) => {
    const result = await markMissed({ visitId, input, ctx: { user, audit, request } });
    refresh(enrollmentId);
    return result;
  },
);

export const cancelVisitAction = defineAction(
  { permission: 'schedule.book', input: visitStatusChangeSchema.extend({ enrollmentId: id, visitId: id }) },
  async ({ input: { enrollmentId, visitId, ...input }, user, audit, request }) => {
    const result = await cancelVisit({ visitId, input, ctx: { user, audit, request } });
    refresh(enrollmentId);
    return { id: result.id };
  },
);
