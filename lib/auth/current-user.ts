import 'server-only';
import { cache } from 'react';
import { prisma } from '@/lib/db';
import type { Role } from './permissions';
import { readSessionClaims } from './session-cookie';
import { isSessionLive } from './session-policy';

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The server-side session this request came with (absent for users built outside a request). */
  sessionId?: string;
  /**
   * Whether the role requires two-factor sign-in that this user has not set up, read in
   * the same query as the session (absent for users built outside a request: the guard
   * then asks lib/auth/mfa/mfa-policy.ts).
   */
  isMfaSetupRequired?: boolean;
};

type SessionUserRow = {
  userId: string;
  revokedAt: Date | null;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  sessionVersion: number;
  isMfaSetupRequired: boolean;
};

/**
 * The signed-in user as the database sees them right now, or null. The cookie
 * only says who it is; a deactivated account, a reset password (session
 * version), a signed-out (revoked) session or an idle/expired session all count
 * as signed out at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await readSessionClaims();
  if (!session?.uid || !session.sid) return null;
  if (!isSessionLive({ authTime: Number(session.authTime), lastActive: Number(session.lastActive) }, Date.now()))
    return null;
  // One round trip for the session row, its user and the role's two-factor policy (was
  // four): under load the server spent more CPU on round trips than on these lookups.
  const [row] = await prisma.$queryRaw<SessionUserRow[]>`
    SELECT s."userId", s."revokedAt", u.email, u.name, u.role, u."isActive", u."sessionVersion",
           u."mfaEnabledAt" IS NULL AND COALESCE(p."isMfaRequired", false) AS "isMfaSetupRequired"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "RoleSecurityPolicy" p ON p.role = u.role
    WHERE s.id = ${session.sid}`;
  if (!row || row.revokedAt !== null || row.userId !== session.uid) return null;
  if (!row.isActive || row.sessionVersion !== session.sv) return null;
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    sessionId: session.sid,
    isMfaSetupRequired: row.isMfaSetupRequired,
  };
});
