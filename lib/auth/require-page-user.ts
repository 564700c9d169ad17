import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getCurrentUser, type CurrentUser } from './current-user';
import { hasPermission, type Permission } from './permissions';
import { getRequestContext } from './request-context';

/**
 * The first line of every protected page: anonymous visitors go to sign-in
 * (and come back afterwards), a role without the permission gets the 403 page.
 */
export async function requirePageUser(permission: Permission): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const { pathname } = await getRequestContext();
    const callbackUrl = pathname && pathname.startsWith('/') && !pathname.startsWith('//') ? pathname : '/';
    redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }
  if (!hasPermission(user.role, permission)) forbidden();
  return user;
}
