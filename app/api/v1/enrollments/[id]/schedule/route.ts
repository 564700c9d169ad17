import { created, defineRoute } from '@/lib/auth/guard';
import { bookSeries } from '@/lib/visits/book-series';
import { getParticipantSchedule } from '@/lib/visits/get-participant-schedule';
import { idParamsSchema } from '@/lib/validations/infusions';
import { bookSeriesSchema } from '@/lib/validations/scheduling';

/** The participant's schedule (every visit, every status). */
export const GET = defineRoute({ permission: 'schedule.read', params: idParamsSchema }, async ({ params }) =>
  getParticipantSchedule(params.id),
);

/** Books the series all-or-nothing; 409 with error.details.conflicts when any session conflicts. */
export const POST = defineRoute(
  { permission: 'schedule.book', params: idParamsSchema, body: bookSeriesSchema },
  async ({ params, body, user, audit, request }) =>
    created(await bookSeries({ enrollmentId: params.id, input: body, ctx: { user, audit, request } })),
);
