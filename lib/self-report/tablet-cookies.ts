import type { NextResponse } from 'next/server';
import { TABLET_COOKIE, TABLET_SESSION_HOURS } from './tablet-session';

// The device cookies of tablet mode. Starting it removes the staff member's session
// cookie from the device, so nothing else of the app is reachable until a staff member
// signs in again.

const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

type CookieJar = Pick<NextResponse['cookies'], 'set' | 'delete'>;

const isSecure = () => (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

export function enterTabletMode(cookies: CookieJar, token: string): void {
  for (const name of SESSION_COOKIES) cookies.delete(name);
  cookies.set(TABLET_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: isSecure(),
    path: '/',
    maxAge: TABLET_SESSION_HOURS * 3600,
  });
}

export function leaveTabletMode(cookies: CookieJar): void {
  cookies.delete(TABLET_COOKIE);
}
