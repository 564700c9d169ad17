import { NextResponse, type NextRequest } from 'next/server';

// Runs before every request: gives it a request id (for the audit trail and
// logs) and passes the path on so server pages can send visitors back after
// sign-in. Authorization itself happens in each page and route (lib/auth/guard.ts).
export function proxy(req: NextRequest) {
  const requestId = req.headers.get('x-request-id') ?? crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set('x-request-id', requestId);
  headers.set('x-pathname', req.nextUrl.pathname + req.nextUrl.search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('x-request-id', requestId);
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
