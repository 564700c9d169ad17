import 'server-only';
import { headers } from 'next/headers';

export type RequestContext = { requestId: string | null; ipAddress: string | null; pathname: string | null };

/**
 * Set by the server process from the socket (scripts/lib/client-ip.mjs), after it
 * deletes any copy the client sent. X-Forwarded-For is never read here: a client
 * can write anything in it; only the stamp knows which proxies are trusted.
 */
const CLIENT_IP_HEADER = 'x-trialdesk-client-ip';

type HeaderSource = Headers | Record<string, string | string[] | undefined> | null | undefined;

function headerValue(source: HeaderSource, name: string): string | null {
  if (!source) return null;
  if (source instanceof Headers) return source.get(name);
  const value = source[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/** The client address stamped on a request (Headers, or a Node-style header record as next-auth passes). */
export function clientIpOf(source: HeaderSource): string | null {
  return headerValue(source, CLIENT_IP_HEADER);
}

/** Request metadata the server and proxy attach (see proxy.ts), for audit events and redirects. */
export async function getRequestContext(): Promise<RequestContext> {
  const h = await headers();
  return {
    requestId: h.get('x-request-id'),
    ipAddress: clientIpOf(h),
    pathname: h.get('x-pathname'),
  };
}
