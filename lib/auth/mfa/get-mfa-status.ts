import 'server-only';
import { prisma } from '@/lib/db';
import type { Role } from '../permissions';

export type MfaStatus = {
  isEnabled: boolean;
  enabledAt: Date | null;
  recoveryCodesLeft: number;
  isRequired: boolean;
};

/** The signed-in user's own two-factor state, for the account page. */
export async function getMfaStatus(userId: string, role: Role): Promise<MfaStatus> {
  const [user, recoveryCodesLeft, policy] = await Promise.all([
    prisma.user.findUnique({ where: { id: userId }, select: { mfaEnabledAt: true } }),
    prisma.mfaRecoveryCode.count({ where: { userId, usedAt: null } }),
    prisma.roleSecurityPolicy.findUnique({ where: { role }, select: { isMfaRequired: true } }),
  ]);
  return {
    isEnabled: Boolean(user?.mfaEnabledAt),
    enabledAt: user?.mfaEnabledAt ?? null,
    recoveryCodesLeft,
    isRequired: Boolean(policy?.isMfaRequired),
  };
}
