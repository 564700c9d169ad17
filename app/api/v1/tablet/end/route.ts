import { NextResponse } from 'next/server';
import { definePublicRoute } from '@/lib/auth/guard';
import { leaveTabletMode } from '@/lib/self-report/tablet-cookies';
import { endTabletSessionWithPin, TABLET_COOKIE } from '@/lib/self-report/tablet-session';
import { endTabletSchema } from '@/lib/validations/self-report';

/** Leaves tablet mode with the staff PIN; the device then shows the sign-in page. */
export const POST = definePublicRoute({ body: endTabletSchema }, async ({ req, body, request }) => {
  await endTabletSessionWithPin({ token: req.cookies.get(TABLET_COOKIE)?.value, pin: body.pin, request });
  const response = NextResponse.json({ ended: true });
  leaveTabletMode(response.cookies);
  return response;
});
