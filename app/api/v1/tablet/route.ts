import { NextResponse } from 'next/server';
import { definePublicRoute } from '@/lib/auth/guard';
import { getTabletQueue, TABLET_COOKIE } from '@/lib/self-report/tablet-session';

/** The clinic tablet's queue, for the device holding the tablet cookie. */
export const GET = definePublicRoute({}, async ({ req }) =>
  NextResponse.json(await getTabletQueue({ token: req.cookies.get(TABLET_COOKIE)?.value }), {
    headers: { 'cache-control': 'no-store' },
  }),
);
