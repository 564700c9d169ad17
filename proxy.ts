import { NextResponse, type NextRequest } from 'next/server';
import { AppError } from '@/lib/errors/app-error';
import { contentSecurityPolicy, createNonce } from '@/lib/http/content-security-policy';
import { ALLOWED_METHODS, isAllowedMethod } from '@/lib/http/methods';
import { acceptRequestId } from '@/lib/http/request-id';
import { urlTextProblem } from '@/lib/http/unsafe-text';

// Runs before every request: refuses methods and addresses no page or route can
// serve, gives the request an id (for the audit trail and logs), a CSP nonce, and
// passes the path on so server pages can send visitors back after sign-in.
// Authorization itself happens in each page and route (lib/auth/guard.ts).
// The client address is stamped before this runs (scripts/lib/client-ip.mjs).
export function proxy(req: NextRequest) {
  const requestId = acceptRequestId(req.headers.get('x-request-id'));
  const refusal = refuse(req);
  if (refusal) {
    refusal.headers.set('x-request-id', requestId);
    return refusal;
  }

  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { isDev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(req.headers);
  headers.set('x-request-id', requestId);
  headers.set('x-pathname', req.nextUrl.pathname + req.nextUrl.search);
  headers.set('x-nonce', nonce);
  // Next takes the nonce for its own scripts from the request's CSP header.
  headers.set('content-security-policy', csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('x-request-id', requestId);
  res.headers.set('content-security-policy', csp);
  return res;
}

/** The API error shape for a request refused before routing, or null to let it through. */
function refuse(req: NextRequest): NextResponse | null {
  if (!isAllowedMethod(req.method)) {
    const error = new AppError('METHOD_NOT_ALLOWED', `The ${req.method} method is not supported.`);
    return NextResponse.json(error.toBody(), { status: error.status, headers: { allow: ALLOWED_METHODS.join(', ') } });
  }
  const problem = urlTextProblem(req.nextUrl.pathname, req.nextUrl.search);
  if (problem) {
    const error = new AppError('VALIDATION_FAILED', problem, { fields: { url: [problem] } });
    return NextResponse.json(error.toBody(), { status: error.status });
  }
  return null;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
