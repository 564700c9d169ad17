import 'server-only';
import { headers } from 'next/headers';

export type RequestContext = { requestId: string | null; ipAddress: string | null; pathname: string | null };

/** Request metadata the proxy attaches (see proxy.ts), for audit events and redirects. */
export async function getRequestContext(): Promise<RequestContext> {
  const h = await headers();
  return {
    requestId: h.get('x-request-id'),
    ipAddress: h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? h.get('x-real-ip'),
    pathname: h.get('x-pathname'),
  };
}
