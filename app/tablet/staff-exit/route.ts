import { NextResponse, type NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { getPageContext } from '@/lib/auth/page-context';
import { isAppError } from '@/lib/errors/app-error';
import { leaveTabletMode } from '@/lib/self-report/tablet-cookies';
import { endTabletSessionAsStaff, TABLET_COOKIE } from '@/lib/self-report/tablet-session';

/** After a staff sign-in on the tablet: ends tablet mode on this device and goes to the dashboard. */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.redirect(new URL('/signin?callbackUrl=%2Ftablet%2Fstaff-exit', req.url));
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
