import { defineRoute } from '@/lib/auth/guard';
import { listMfaRoleSettings, setMfaRequiredRoles } from '@/lib/auth/mfa/mfa-policy';
import { mfaRolesSchema } from '@/lib/validations/auth';

/** Which roles must use two-factor sign-in (and which are recommended to). */
export const GET = defineRoute({ permission: 'user.manage' }, async () => ({ roles: await listMfaRoleSettings() }));

/** {requiredRoles: ['admin', 'clinician']}: the full list; roles left out no longer require it. */
export const PUT = defineRoute({ permission: 'user.manage', body: mfaRolesSchema }, async ({ body, audit }) => ({
  roles: await setMfaRequiredRoles({ roles: body.requiredRoles, audit }),
}));
