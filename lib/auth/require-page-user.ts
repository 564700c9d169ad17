import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { AppError } from '@/lib/errors/app-error';
import { isDatabaseUnavailable } from '@/lib/errors/database-unavailable';
import { logRequestError } from '@/lib/errors/log-request-error';
import { getCurrentUser, type CurrentUser } from './current-user';
import { isMfaSetupRequired } from './mfa/mfa-policy';
import { hasPermission, type Permission } from './permissions';
import { getRequestContext } from './request-context';

const MFA_SETUP_PATH = '/account/two-factor';

/**
 * The first line of every protected page: anonymous visitors go to sign-in
 * (and come back afterwards), a role without the permission gets the 403 page,
 * and a user whose role requires two-factor sign-in but who has none yet is
 * sent to set it up.
 */
export async function requirePageUser(permission: Permission): Promise<CurrentUser> {
  const user = await currentUserOrOutagePage();
  const { pathname } = await getRequestContext();
  if (!user) {
    const callbackUrl = pathname && pathname.startsWith('/') && !pathname.startsWith('//') ? pathname : '/';
    redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }
  const isOnSetupPage = pathname?.split('?')[0] === MFA_SETUP_PATH;
  const mustSetUpMfa = user.isMfaSetupRequired ?? (await isMfaSetupRequired(user.id, user.role));
  if (!isOnSetupPage && mustSetUpMfa) redirect(`${MFA_SETUP_PATH}?required=1`);
  if (!hasPermission(user.role, permission)) forbidden();
  return user;
}

/**
 * While the database is down a page goes to the calm outage page (a redirect, which
 * Next does not log) instead of failing with a stack trace per request.
 */
async function currentUserOrOutagePage(): Promise<CurrentUser | null> {
  try {
    return await getCurrentUser();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const { pathname } = await getRequestContext();
    logRequestError(`page ${pathname ?? ''}`, error, new AppError('SERVICE_UNAVAILABLE'));
    const from = pathname && pathname.startsWith('/') && !pathname.startsWith('//') ? pathname : '/';
    redirect(`/unavailable?from=${encodeURIComponent(from)}`);
  }
}
