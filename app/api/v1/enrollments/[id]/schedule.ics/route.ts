import { defineRoute } from '@/lib/auth/guard';
import { buildParticipantIcs } from '@/lib/visits/build-participant-ics';
import { idParamsSchema } from '@/lib/validations/infusions';

/** The participant's appointments as an ICS download (no name or trial in the events). */
export const GET = defineRoute({ permission: 'schedule.read', params: idParamsSchema }, async ({ params }) => {
  const ics = await buildParticipantIcs(params.id);
  return new Response(ics, {
    status: 200,
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="infusion-appointments.ics"',
      'cache-control': 'no-store',
    },
  });
});
