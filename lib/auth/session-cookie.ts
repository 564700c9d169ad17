import 'server-only';
import { hkdfSync } from 'node:crypto';
import { jwtDecrypt } from 'jose';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { authOptions } from './auth-options';

// The claims in the session cookie, decrypted straight from the cookie. getServerSession
// did the same and then, on every request, built next-auth's whole option set, ran the
// jwt and session callbacks and encrypted a fresh cookie (a second key derivation and
// JWE encryption), only to throw that cookie away: in a route handler or server component
// it cannot be set. Nothing is lost: our jwt callback changes the token only at sign-in
// and on an explicit update, and the session callback copies the claims unchanged. The
// database check of the session is the caller's (lib/auth/current-user.ts).
//
// Decryption is next-auth's own (next-auth/jwt decode: A256GCM with a key derived from the
// secret by HKDF, jose checking `exp` with 15 s of tolerance), except that the key is
// derived once per secret instead of on every request: the derivation cost more CPU than
// the decryption (profiled under load).

export type SessionClaims = { uid?: string; sv?: number; sid?: string; authTime?: number; lastActive?: number };

type CookieSource = { getAll(): Array<{ name: string; value: string }> };

/**
 * next-auth's name for the session cookie (defaultCookies): __Secure- prefixed when the app
 * is served over https, which next-auth reads from NEXTAUTH_URL (always set when deployed).
 */
export function sessionCookieName(nextAuthUrl = process.env.NEXTAUTH_URL): string {
  return `${(nextAuthUrl ?? '').startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
}

/** Where a cookie goes in the token: 0 for the whole token or chunk name.N at N; null for other cookies. */
function chunkIndex(cookieName: string, name: string): number | null {
  if (cookieName === name) return 0;
  const suffix = cookieName.startsWith(`${name}.`) ? cookieName.slice(name.length + 1) : '';
  return /^\d+$/.test(suffix) ? Number(suffix) : null;
}

/** The token, whole or put back together from the chunks (name.0, name.1, …) next-auth splits a large one into. */
function tokenOf(source: CookieSource, name: string): string | null {
  const parts = source
    .getAll()
    .map((cookie) => ({ index: chunkIndex(cookie.name, name), value: cookie.value }))
    .filter((part): part is { index: number; value: string } => part.index !== null)
    .sort((a, b) => a.index - b.index);
  return parts.length === 0 ? null : parts.map((part) => part.value).join('');
}

const keys = new Map<string, Uint8Array>();

/** next-auth's encryption key for `secret` (getDerivedEncryptionKey, salt ""). */
function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32));
    keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/**
 * The claims of a session cookie, or null when there is none or it does not decrypt with
 * `secret` (tampered, another deployment's) or has expired (jose checks `exp`).
 */
export async function claimsFromCookies(
  source: CookieSource,
  { secret, nextAuthUrl }: { secret: string; nextAuthUrl?: string },
): Promise<SessionClaims | null> {
  const token = tokenOf(source, sessionCookieName(nextAuthUrl));
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), {
      clockTolerance: 15,
      // What next-auth's encode writes; nothing else is accepted.
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return payload as SessionClaims;
  } catch {
    return null;
  }
}

/** This request's session claims (before the database has had its say). */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const secret = authOptions.secret ?? process.env.AUTH_SECRET;
  // Without a configured secret next-auth derives one of its own (development only; every
  // start script sets NEXTAUTH_SECRET): let it decode its own cookie.
  if (!secret) return (await getServerSession(authOptions)) as SessionClaims | null;
  return claimsFromCookies(await cookies(), { secret });
}
