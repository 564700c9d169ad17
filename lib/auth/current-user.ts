import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { prisma } from '@/lib/db';
import { authOptions } from './auth-options';
import type { Role } from './permissions';
import { isSessionLive } from './session-policy';

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The server-side session this request came with (absent for users built outside a request). */
  sessionId?: string;
};

type SessionClaims = { uid?: string; sv?: number; sid?: string; authTime?: number; lastActive?: number };

/**
 * The signed-in user as the database sees them right now, or null. The cookie
 * only says who it is; a deactivated account, a reset password (session
 * version), a signed-out (revoked) session or an idle/expired session all count
 * as signed out at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as SessionClaims | null;
  if (!session?.uid || !session.sid) return null;
  if (!isSessionLive({ authTime: Number(session.authTime), lastActive: Number(session.lastActive) }, Date.now()))
    return null;
  const row = await prisma.session.findUnique({
    where: { id: session.sid },
    select: {
      userId: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, isActive: true, sessionVersion: true } },
    },
  });
  if (!row || row.revokedAt !== null || row.userId !== session.uid) return null;
  const { user } = row;
  if (!user.isActive || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.sid };
});
