import 'server-only';
import type { AuditFn } from '@/lib/auth/actor-context';
import { prisma, type Db, type Tx } from '@/lib/db';
import { ROLES, type Role } from '../permissions';

/** Roles the admin page recommends requiring: they sign clinical decisions or manage accounts. */
export const MFA_RECOMMENDED_ROLES: readonly Role[] = ['ADMIN', 'CLINICIAN'];

export type MfaRoleSetting = { role: Role; isMfaRequired: boolean; isRecommended: boolean };

export async function listMfaRoleSettings(): Promise<MfaRoleSetting[]> {
  const rows = await prisma.roleSecurityPolicy.findMany();
  const required = new Set(rows.filter((row) => row.isMfaRequired).map((row) => row.role));
  return ROLES.map((role) => ({
    role,
    isMfaRequired: required.has(role),
    isRecommended: MFA_RECOMMENDED_ROLES.includes(role),
  }));
}

/** Sets which roles must use two-factor sign-in; audited with the before and after. */
export async function setMfaRequiredRoles({
  roles,
  audit,
}: {
  roles: readonly Role[];
  audit: AuditFn;
}): Promise<MfaRoleSetting[]> {
  await prisma.$transaction(async (tx) => {
    const before = await tx.roleSecurityPolicy.findMany({ where: { isMfaRequired: true }, orderBy: { role: 'asc' } });
    for (const role of ROLES) {
      const isMfaRequired = roles.includes(role);
      await tx.roleSecurityPolicy.upsert({
        where: { role },
        create: { role, isMfaRequired },
        update: { isMfaRequired },
      });
    }
    await audit(tx, {
      action: 'settings.mfa_roles_update',
      entityType: 'RoleSecurityPolicy',
      before: { requiredRoles: before.map((row) => row.role) },
      after: { requiredRoles: ROLES.filter((role) => roles.includes(role)) },
    });
  });
  return listMfaRoleSettings();
}

/** True when the user's role requires a second factor and they have not set one up yet. */
export async function isMfaSetupRequired(userId: string, role: Role, db: Db | Tx = prisma): Promise<boolean> {
  const [policy, user] = await Promise.all([
    db.roleSecurityPolicy.findUnique({ where: { role }, select: { isMfaRequired: true } }),
    db.user.findUnique({ where: { id: userId }, select: { mfaEnabledAt: true } }),
  ]);
  return Boolean(policy?.isMfaRequired) && !user?.mfaEnabledAt;
}
