import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { hashPassword } from '@/lib/auth/password-hash';
import type { Role } from '@/lib/auth/permissions';
import type { Db } from '@/lib/db';
import { DEMO_ACCOUNTS as DEMO_ACCOUNT_LIST } from '../../scripts/lib/demo-accounts.mjs';

export type DemoAccount = { email: string; name: string; role: Role; password: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = DEMO_ACCOUNT_LIST;

export type UserOverrides = Partial<DemoAccount> & { isActive?: boolean };

let counter = 0;

/** Factory: a user with a unique email unless one is given; audited as created by the seed. */
export async function createUser(db: Db, overrides: UserOverrides = {}) {
  counter += 1;
  const email = (
    overrides.email ??
    `user-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}@trialdesk.test`
  ).toLowerCase();
  const passwordHash = await hashPassword(overrides.password ?? 'Quiet-Meadow-Lamp-7');
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email,
        name: overrides.name ?? `Test User ${counter}`,
        role: overrides.role ?? 'COORDINATOR',
        isActive: overrides.isActive ?? true,
        passwordHash,
      },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      actorLabel: 'seed',
      action: 'user.create',
      entityType: 'User',
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role, isActive: user.isActive },
    });
    return user;
  });
}

/** The three demo accounts; existing ones are left as they are. */
export async function seedDemoUsers(db: Db) {
  const users = [];
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email } });
    users.push(existing ?? (await createUser(db, account)));
  }
  return users;
}

export type StaffMember = { id: string; email: string; name: string; role: Role };

/** Factory: one active account per role, as the guard's CurrentUser, for tests that act as each role. */
export async function createStaff(
  db: Db,
  options: { password?: string } = {},
): Promise<Record<'admin' | 'coordinator' | 'clinician', StaffMember>> {
  const [admin, coordinator, clinician] = await Promise.all([
    createUser(db, { role: 'ADMIN', name: 'Ada Admin', password: options.password }),
    createUser(db, { role: 'COORDINATOR', name: 'Cora Coordinator', password: options.password }),
    createUser(db, { role: 'CLINICIAN', name: 'Kit Clinician', password: options.password }),
  ]);
  const member = (user: typeof admin): StaffMember => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
  });
  return { admin: member(admin), coordinator: member(coordinator), clinician: member(clinician) };
}
