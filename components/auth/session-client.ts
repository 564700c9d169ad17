// The three calls the browser makes to next-auth's REST endpoints (/api/auth/*):
// sign in with the credentials provider, sign out, and refresh the session.
// next-auth/react does the same but ships as ES5 with a regenerator runtime and
// a SessionProvider that fetched the session on every page load: about 12 KB
// compressed on every page's first load, pages without a session included.
// Same endpoints, same CSRF double-submit, same cross-tab message.

const AUTH_BASE = '/api/auth';
/** The localStorage key next-auth uses to tell other tabs about a sign-out. */
export const SESSION_MESSAGE_KEY = 'nextauth.message';

async function csrfToken(): Promise<string> {
  const response = await fetch(`${AUTH_BASE}/csrf`, { credentials: 'same-origin', cache: 'no-store' });
  const body = (await response.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error('No CSRF token');
  return body.csrfToken;
}

function formBody(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(fields);
}

export type SignInResult = { ok: boolean; status: number; error: string | null };

/** Posts the credentials; the session cookie is set by the response when they are accepted. */
export async function signInWithCredentials(fields: Record<string, string>): Promise<SignInResult> {
  const response = await fetch(`${AUTH_BASE}/callback/credentials`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: 'true' }),
  });
  const body = (await response.json()) as { url?: string };
  const error = body.url ? new URL(body.url, window.location.origin).searchParams.get('error') : null;
  return { ok: response.ok, status: response.status, error };
}

/** Ends the session on the server, tells the other tabs, and leaves for `callbackUrl`. */
export async function signOut({ callbackUrl }: { callbackUrl: string }): Promise<void> {
  const response = await fetch(`${AUTH_BASE}/signout`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: formBody({ csrfToken: await csrfToken(), callbackUrl, json: 'true' }),
  });
  if (!response.ok) throw new Error(`Sign-out answered ${response.status}`);
  try {
    window.localStorage.setItem(
      SESSION_MESSAGE_KEY,
      JSON.stringify({ event: 'session', data: { trigger: 'signout' }, timestamp: Math.floor(Date.now() / 1000) }),
    );
  } catch {
    // Storage blocked: other tabs find out at their next session refresh.
  }
  window.location.assign(callbackUrl);
}

/**
 * Refreshes the session: a POST with the CSRF token is an "update", the only
 * request that moves its "last active" time (lib/auth/auth-options.ts).
 * `null`: signed out; `undefined`: no answer (offline, server error).
 */
export async function refreshSession(): Promise<Record<string, unknown> | null | undefined> {
  try {
    const response = await fetch(`${AUTH_BASE}/session`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ csrfToken: await csrfToken() }),
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as Record<string, unknown> | null;
    return body && Object.keys(body).length > 0 ? body : null;
  } catch {
    return undefined;
  }
}

/** Whether a storage event is another tab's sign-out. */
export function isSignOutMessage(event: StorageEvent): boolean {
  if (event.key !== SESSION_MESSAGE_KEY || !event.newValue) return false;
  try {
    const message = JSON.parse(event.newValue) as { event?: string; data?: { trigger?: string } };
    return message.event === 'session' && message.data?.trigger === 'signout';
  } catch {
    return false;
  }
}
