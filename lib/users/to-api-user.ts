import { activeLockUntil } from '@/lib/auth/lockout';
import type { PublicUser } from './public-user';

export type ApiUser = Omit<
  PublicUser,
  'role' | 'lockedUntil' | 'mfaEnabledAt' | 'lastSignInAt' | 'createdAt' | 'updatedAt'
> & {
  mfaEnabled: boolean;
  role: 'admin' | 'coordinator' | 'clinician';
  isLocked: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** The JSON shape of a user in /api/v1: lower-case role, ISO instants, never a hash. */
export function toApiUser(user: PublicUser, now: Date = new Date()): ApiUser {
  const lockedUntil = activeLockUntil(user, now);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role.toLowerCase() as ApiUser['role'],
    isActive: user.isActive,
    isLocked: lockedUntil !== null,
    // An expired lock is no lock: report null so clients need not compare clocks.
    lockedUntil: lockedUntil?.toISOString() ?? null,
    mfaEnabled: user.mfaEnabledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
