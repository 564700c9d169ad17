import { vi } from 'vitest';
import { NextRequest } from 'next/server';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { Role } from '@/lib/auth/permissions';

// The session and request every integration test drives route handlers with. Importing this
// module replaces the signed-in user (lib/auth/current-user) and the proxy's request metadata
// (lib/auth/request-context) with the state below; import it before the routes under test
// (which the tests load with `await import(...)`). Everything else (the guard, the permission
// table, zod, the database) runs for real.

type SessionState = {
  user: CurrentUser | null;
  requestId: string;
  ip: string | null;
  staff: Partial<Record<Role, CurrentUser>>;
};

// Hoisted above the mocks that read it (vi.hoisted values cannot be exported directly).
const state = vi.hoisted((): SessionState => ({ user: null, requestId: 'req-test', ip: '127.0.0.1', staff: {} }));

vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => state.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: state.requestId, ipAddress: state.ip, pathname: '/' }),
}));

/** Who is signed in and what the proxy would attach; tests set `session.user` directly or through asRole. */
export const session: SessionState = state;

/** The request id the audit trail will show for this file's requests. */
export function useRequestId(requestId: string): void {
  session.requestId = requestId;
}

/** Registers the staff `asRole` signs in as (e.g. the users of prisma/seed/users.ts createStaff). */
export function useStaff(staff: Partial<Record<'admin' | 'coordinator' | 'clinician', CurrentUser>>): void {
  for (const user of Object.values(staff)) if (user) session.staff[user.role] = user;
}

/** Signs in as the registered user of this role, a given user, or nobody (null). */
export function asRole(who: Role | CurrentUser | null): CurrentUser | null {
  session.user = typeof who === 'string' ? (session.staff[who] ?? null) : who;
  if (typeof who === 'string' && !session.user) throw new Error(`No ${who} registered: call useStaff() first.`);
  return session.user;
}

export const BASE_URL = 'http://localhost:3000/api/v1';

export type Handler = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type CallOptions = {
  /** Defaults to POST when there is a body, else GET. */
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
  query?: Record<string, string>;
  /** Shown in the URL only (the guard reads params and query from their own options). */
  path?: string;
  headers?: Record<string, string>;
};

/** A same-origin JSON request, as the app's own pages send it. */
export function jsonRequest(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  return new NextRequest(`${BASE_URL}${path}`, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000', ...headers },
  });
}

/** Calls a route handler (route.GET, route.POST, ...) as the signed-in user. */
export function call(handler: Handler, options: CallOptions = {}): Promise<Response> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const search = options.query ? `?${new URLSearchParams(options.query)}` : '';
  const req = jsonRequest(method, `${options.path ?? '/'}${search}`, options.body, options.headers);
  return handler(req, { params: Promise.resolve(options.params ?? {}) });
}
