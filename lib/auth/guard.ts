import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { IDEMPOTENCY_HEADER, requestFingerprint, withIdempotency } from '@/lib/api/idempotency';
import { DEFAULT_BODY_LIMIT, readJsonBody } from '@/lib/api/read-json-body';
import type { ActorContext } from './actor-context';
import { AppError, type ErrorBody } from '@/lib/errors/app-error';
import { logRequestError } from '@/lib/errors/log-request-error';
import { toAppError, zodFieldErrors } from '@/lib/errors/to-app-error';
import { rejectUnsafeText } from '@/lib/http/unsafe-text';
import { getCurrentUser, type CurrentUser } from './current-user';
import { isMfaSetupRequired } from './mfa/mfa-policy';
import { hasPermission, type Permission } from './permissions';
import { getPageContext } from './page-context';
import { getRequestContext, type RequestContext } from './request-context';

// The single gate every route handler and server action goes through: it loads
// the user from the database, checks the permission table, validates input with
// the shared zod schema, and turns every failure into the API error shape.

/** The ActorContext the guard hands over, with the fields it always fills (the user as the database has them, the request). */
type GuardedActor = ActorContext & { user: CurrentUser; request: RequestContext };

type AnySchema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

async function authorize(permission: Permission): Promise<GuardedActor> {
  const user = await getCurrentUser();
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!hasPermission(user.role, permission)) throw new AppError('FORBIDDEN');
  // A role that must use two-factor sign-in can do nothing but set it up until it has.
  if (permission !== 'account.self' && (user.isMfaSetupRequired ?? (await isMfaSetupRequired(user.id, user.role))))
    throw new AppError('FORBIDDEN', 'Set up two-factor sign-in first (Account → Two-factor sign-in).', {
      details: { reason: 'MFA_SETUP_REQUIRED' },
    });
  return getPageContext(user);
}

function parseWith<S extends AnySchema | undefined>(schema: S, value: unknown, prefix?: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(value ?? (prefix === 'query' ? {} : value));
  if (result.success) return result.data as Out<S>;
  const fields = zodFieldErrors(result.error);
  const named =
    prefix === 'body' ? fields : Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${prefix}.${k}`, v]));
  throw new AppError('VALIDATION_FAILED', undefined, { fields: named });
}

export function errorResponse(error: AppError, headers?: HeadersInit): NextResponse<ErrorBody> {
  const retryAfter = error.details?.retryAfterSeconds;
  const withRetry =
    typeof retryAfter === 'number'
      ? { ...Object.fromEntries(new Headers(headers)), 'retry-after': String(retryAfter) }
      : headers;
  return NextResponse.json(error.toBody(), { status: error.status, headers: withRetry });
}

/** State-changing requests must come from our own pages (or a non-browser client). */
function assertSameOrigin(req: NextRequest) {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
  if (req.headers.get('sec-fetch-site') === 'cross-site')
    throw new AppError('FORBIDDEN', 'Cross-origin requests are not allowed.');
  const origin = req.headers.get('origin');
  if (!origin) return;
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!host || originHost !== host) throw new AppError('FORBIDDEN', 'Cross-origin requests are not allowed.');
}

type RawInput = { params: unknown; query: Record<string, string>; body: unknown };

/**
 * Path params, query and JSON body as they arrived, refused with a 400 when any of them
 * holds a NUL byte or a lone surrogate (text PostgreSQL cannot store; lib/http/unsafe-text.ts).
 */
async function readRawInput(
  req: NextRequest,
  context: RouteContext,
  options: { body?: unknown; maxBodyBytes?: number },
): Promise<RawInput> {
  const params = (await context?.params) ?? {};
  rejectUnsafeText(params, 'params');
  const query = Object.fromEntries(req.nextUrl.searchParams);
  rejectUnsafeText(query, 'query');
  const body = options.body ? await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_BODY_LIMIT) : undefined;
  rejectUnsafeText(body);
  return { params, query, body };
}

/** The error shape for a route; unexpected errors are logged as one line, rate-limited (lib/errors/log-request-error.ts). */
function routeErrorResponse(req: NextRequest, error: unknown): NextResponse<ErrorBody> {
  const appError = toAppError(error);
  logRequestError(`${req.method} ${req.nextUrl.pathname}`, error, appError);
  return errorResponse(appError);
}

type RouteOptions<B, Q, P> = {
  permission: Permission;
  body?: B;
  query?: Q;
  params?: P;
  maxBodyBytes?: number;
  /**
   * POSTs honour an Idempotency-Key header by default (lib/api/idempotency.ts). Off only
   * where the answer holds a secret that must not be stored (two-factor setup).
   */
  idempotency?: false;
};
type RouteArgs<B, Q, P> = GuardedActor & { body: Out<B>; query: Out<Q>; params: Out<P>; req: NextRequest };
type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function defineRoute<
  B extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  P extends AnySchema | undefined = undefined,
>(options: RouteOptions<B, Q, P>, handler: (args: RouteArgs<B, Q, P>) => Promise<Response | unknown>) {
  return async (req: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const ctx = await authorize(options.permission);
      const raw = await readRawInput(req, context, options);
      const params = parseWith(options.params as P, raw.params, 'params');
      const query = parseWith(options.query as Q, raw.query, 'query');
      const body = parseWith(options.body as B, raw.body ?? {}, 'body');
      const respond = async () => {
        const result = await handler({ ...ctx, body, query, params, req });
        return result instanceof Response ? result : NextResponse.json(result);
      };
      const key = req.headers.get(IDEMPOTENCY_HEADER);
      if (req.method !== 'POST' || key === null || options.idempotency === false) return await respond();
      const fingerprint = requestFingerprint(`${req.method} ${req.nextUrl.pathname}${req.nextUrl.search}`, raw.body);
      const outcome = await withIdempotency({ userId: ctx.user.id, key, fingerprint }, async () => {
        const response = await respond();
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : null };
      });
      return NextResponse.json(outcome.body, {
        status: outcome.status,
        headers: outcome.isReplay ? { 'idempotent-replayed': 'true' } : undefined,
      });
    } catch (error) {
      return routeErrorResponse(req, error);
    }
  };
}

type PublicRouteOptions<B, P> = { body?: B; params?: P; maxBodyBytes?: number };
type PublicRouteArgs<B, P> = { body: Out<B>; params: Out<P>; req: NextRequest; request: RequestContext };

/**
 * The gate for the few routes that serve people without a staff account (a participant's
 * self-report link): no session, but the same origin check, input validation, body limit
 * and error shape as every other route. Whatever authorizes the request (a token) is the
 * handler's to check.
 */
export function definePublicRoute<
  B extends AnySchema | undefined = undefined,
  P extends AnySchema | undefined = undefined,
>(options: PublicRouteOptions<B, P>, handler: (args: PublicRouteArgs<B, P>) => Promise<Response | unknown>) {
  return async (req: NextRequest, context: RouteContext): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const request = await getRequestContext();
      const raw = await readRawInput(req, context, options);
      const params = parseWith(options.params as P, raw.params, 'params');
      const body = parseWith(options.body as B, raw.body ?? {}, 'body');
      const result = await handler({ body, params, req, request });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return routeErrorResponse(req, error);
    }
  };
}

export function created(body: unknown): NextResponse {
  return NextResponse.json(body, { status: 201 });
}

export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & ErrorBody);

export type ActionOptions = {
  /** One per form submission, kept across its retries: a retry replays the first result. */
  idempotencyKey?: string;
};

/** Server actions answer with a result object; they never throw to the client. */
export function defineAction<S extends AnySchema, T>(
  options: { permission: Permission; input: S },
  handler: (args: GuardedActor & { input: z.output<S> }) => Promise<T>,
) {
  return async (raw: z.input<S>, actionOptions?: ActionOptions): Promise<ActionResult<T>> => {
    try {
      const ctx = await authorize(options.permission);
      rejectUnsafeText(raw);
      const input = parseWith(options.input, raw, 'body') as z.output<S>;
      const key = actionOptions?.idempotencyKey;
      if (!key) return { ok: true, data: await handler({ ...ctx, input }) };
      const fingerprint = requestFingerprint(`action ${options.permission}`, raw);
      const outcome = await withIdempotency({ userId: ctx.user.id, key, fingerprint }, async () => ({
        status: 200,
        body: await handler({ ...ctx, input }),
      }));
      return { ok: true, data: outcome.body as T };
    } catch (error) {
      unstable_rethrow(error);
      const appError = toAppError(error);
      logRequestError('server action', error, appError);
      return { ok: false, ...appError.toBody() };
    }
  };
}
