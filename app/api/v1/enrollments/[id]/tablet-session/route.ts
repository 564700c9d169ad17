import { NextResponse } from 'next/server';
import { defineRoute } from '@/lib/auth/guard';
import { enterTabletMode } from '@/lib/self-report/tablet-cookies';
import { startTabletSession } from '@/lib/self-report/tablet-session';
import { selfReportLinkIdParamsSchema, startTabletSchema } from '@/lib/validations/self-report';

/** Hands this device to the participant: queues their due questionnaires and ends the staff session here. */
export const POST = defineRoute(
  {
    permission: 'selfreport.send',
    params: selfReportLinkIdParamsSchema,
    body: startTabletSchema.omit({ enrollmentId: true }),
  },
  async ({ params, body, user, audit, request }) => {
    const { token, queued } = await startTabletSession({
      enrollmentId: params.id,
      pin: body.pin,
      staffSessionId: user.sessionId,
      ctx: { user, audit, request },
    });
    const response = NextResponse.json({ queued, tabletUrl: '/tablet' }, { status: 201 });
    enterTabletMode(response.cookies, token);
    return response;
  },
);
