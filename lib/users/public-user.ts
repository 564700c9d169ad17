import type { Role } from '@/lib/auth/permissions';

// The columns of a user that may leave the server. passwordHash, the failed
// sign-in counter and the session version never do.
export const PUBLIC_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  lockedUntil: true,
  mfaEnabledAt: true,
  lastSignInAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  lockedUntil: Date | null;
  mfaEnabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};
