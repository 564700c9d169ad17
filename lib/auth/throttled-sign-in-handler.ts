import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { AppError } from '@/lib/errors/app-error';
import { getRequestContext } from './request-context';
import { checkSignInThrottle } from './sign-in-throttle';

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: NextRequest, context: RouteContext) => Promise<Response>;

/** The error next-auth's client reads from the answer's `url` (signIn() returns it as result.error). */
const SIGN_IN_THROTTLED_ERROR = 'TooManyAttempts';

/**
 * Wraps next-auth's POST handler: once a client address has used up its failed
 * sign-ins (lib/auth/sign-in-throttle.ts), credential sign-ins from it answer 429
 * with Retry-After before any password is checked. next-auth's `authorize` can
 * only say yes or no, so the status has to be set here, around it.
 */
export function withSignInThrottle(handler: Handler): Handler {
  return async (req, context) => {
    if (!req.nextUrl.pathname.endsWith('/callback/credentials')) return handler(req, context);
    const { ipAddress } = await getRequestContext();
    const throttle = await checkSignInThrottle(ipAddress);
    if (!throttle.isThrottled) return handler(req, context);
    const error = new AppError(
      'RATE_LIMITED',
      'Too many failed sign-ins from this network. Wait a few minutes and try again.',
      { details: { retryAfterSeconds: throttle.retryAfterSeconds } },
    );
    const url = new URL(`/signin?error=${SIGN_IN_THROTTLED_ERROR}`, req.nextUrl.origin).toString();
    return NextResponse.json(
      { url, ...error.toBody() },
      { status: 429, headers: { 'retry-after': String(throttle.retryAfterSeconds) } },
    );
  };
}
