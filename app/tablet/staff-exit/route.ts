import { NextResponse, type NextRequest } from 'next/server';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getPageContext } from '@/lib/auth/page-context';
import { isAppError } from '@/lib/errors/app-error';
import { leaveTabletMode } from '@/lib/self-report/tablet-cookies';
import { endTabletSessionAsStaff, TABLET_COOKIE } from '@/lib/self-report/tablet-session';

/** After a staff sign-in on the tablet: ends tablet mode on this device and goes to the dashboard. */
export async function GET(req: NextRequest) {
  // The page guard: anonymous devices go to sign-in and come back here afterwards.
  const user = await requirePageUser('dashboard.read');
  try {
    await endTabletSessionAsStaff({ token: req.cookies.get(TABLET_COOKIE)?.value, ctx: await getPageContext(user) });
  } catch (error) {
    // Already ended (or never started) on this device: nothing to end, just leave.
    if (!isAppError(error) || error.code !== 'UNAUTHENTICATED') throw error;
  }
  const response = NextResponse.redirect(new URL('/', req.url));
  leaveTabletMode(response.cookies);
  return response;
}
