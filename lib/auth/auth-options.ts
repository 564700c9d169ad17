import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { isDatabaseUnavailable } from '@/lib/errors/database-unavailable';
import { signInSchema } from '@/lib/validations/auth';
import { attemptSignIn } from './attempt-sign-in';
import { endSession } from './end-session';
import { clientIpOf, getRequestContext } from './request-context';
import { ABSOLUTE_SESSION_MS, isSessionLive } from './session-policy';
import { startSession } from './start-session';

type TokenClaims = { uid?: string; sv?: number; sid?: string; authTime?: number; lastActive?: number };

/** The request's id and address when there is a request scope (there always is in a route). */
async function requestMeta() {
  try {
    return await getRequestContext();
  } catch {
    return null;
  }
}

function headerOf(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== 'object') return null;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * next-auth puts a thrown error's message in the redirect URL (?error=…): a database
 * outage becomes the fixed code SIGN_IN_UNAVAILABLE, never the driver's error text,
 * and the form says the service is unavailable instead of "password is incorrect".
 */
export const SIGN_IN_UNAVAILABLE = 'ServiceUnavailable';

async function attemptSignInOrUnavailable(options: Parameters<typeof attemptSignIn>[0]) {
  try {
    return await attemptSignIn(options);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw new Error(SIGN_IN_UNAVAILABLE);
    throw new Error('SignInFailed');
  }
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // JWT sessions: the cookie says who the user is; role, active flag and
  // session version are re-read from the database on every request.
  session: { strategy: 'jwt', maxAge: ABSOLUTE_SESSION_MS / 1000 },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: {
        email: { label: 'Email', type: 'email' },
        password: { label: 'Password', type: 'password' },
        code: { label: 'Two-factor code', type: 'text' },
      },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const result = await attemptSignInOrUnavailable({
          ...parsed.data,
          ipAddress: clientIpOf(req?.headers as Record<string, string | undefined> | undefined),
          requestId: headerOf(req?.headers, 'x-request-id'),
        });
        if (!result.ok) return null;
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      const claims = token as typeof token & TokenClaims;
      const now = Date.now();
      if (user) {
        claims.uid = user.id;
        claims.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        claims.sid = await startSession(user.id);
        claims.authTime = now;
        claims.lastActive = now;
      } else if (
        trigger === 'update' &&
        isSessionLive({ authTime: Number(claims.authTime), lastActive: Number(claims.lastActive) }, now)
      ) {
        // The browser pings on user activity; this is what keeps a session from
        // idling out. A session that has already expired is not brought back.
        claims.lastActive = now;
      }
      return claims;
    },
    async session({ session, token }) {
      const claims = token as TokenClaims;
      return {
        ...session,
        uid: claims.uid,
        sv: claims.sv,
        sid: claims.sid,
        authTime: claims.authTime,
        lastActive: claims.lastActive,
      };
    },
  },
  events: {
    // Deleting the cookie is not enough: a copy of it would stay valid until it expires.
    async signOut({ token }) {
      const claims = token as TokenClaims | null;
      if (!claims?.sid || !claims.uid) return;
      await endSession({ sessionId: claims.sid, userId: claims.uid, reason: 'sign_out', request: await requestMeta() });
    },
  },
};
