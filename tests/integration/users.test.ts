import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PATCH } from '@/app/api/v1/users/[id]/route';
import { POST } from '@/app/api/v1/users/route';
import { verifyPassword } from '@/lib/auth/password-hash';
import { createUser } from '@/lib/users/create-user';
import { resetPassword } from '@/lib/users/reset-password';
import { unlockUser } from '@/lib/users/unlock-user';
import { updateUser } from '@/lib/users/update-user';
import { createUser as seedUser } from '@/prisma/seed/users';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/database.mjs';
import { migrateDatabase } from '@/scripts/lib/migrate.mjs';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-users');

const prisma = getTestPrisma();
const PASSWORD = 'Granite-Willow-Drum-8';
let sequence = 0;

function uniqueEmail(label: string) {
  sequence += 1;
  return `${label}-${Date.now().toString(36)}-${sequence}@users.test`;
}

function auditFor(entityId: string) {
  return prisma.auditEvent.findMany({ where: { entityId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

describe('createUser', () => {
  it('stores a lower-cased email and an argon2id hash, with a user.create event that never holds the hash', async () => {
    const email = uniqueEmail('Create').toUpperCase();
    const user = await createUser({
      input: { email, name: 'Avery Stone', role: 'CLINICIAN', password: PASSWORD },
      actorId: null,
      actorLabel: 'test',
    });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email.toLowerCase());
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);

    const events = await auditFor(user.id);
    expect(events.map((e) => e.action)).toEqual(['user.create']);
    expect(events[0]).toMatchObject({
      actorId: null,
      actorLabel: 'test',
      after: { email: row.email, role: 'CLINICIAN', isActive: true },
    });
    expect(JSON.stringify(events[0])).not.toContain(row.passwordHash);
  });

  it('writes nothing when the audit event cannot be written (one transaction)', async () => {
    const email = uniqueEmail('atomic');
    const failingAudit = async () => {
      throw new Error('audit store unavailable');
    };
    await expect(
      createUser({
        input: { email, name: 'Blake Moor', role: 'COORDINATOR', password: PASSWORD },
        actorId: null,
        audit: failingAudit,
      }),
    ).rejects.toThrow('audit store unavailable');
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
  });

  it('answers 409 CONFLICT on the email field for a duplicate, whatever its case, and audits only the one that won', async () => {
    const email = uniqueEmail('dup');
    const input = { email, name: 'Casey Lin', role: 'COORDINATOR' as const, password: PASSWORD };
    // Both pass the up-front check; the unique index decides, and P2002 maps to the same answer.
    const results = await Promise.allSettled([
      createUser({ input, actorId: null }),
      createUser({ input, actorId: null }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(createUser({ input: { ...input, email: email.toUpperCase() }, actorId: null })).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      fields: { email: ['An account with this email already exists.'] },
    });
    const creations = await prisma.auditEvent.count({
      where: { action: 'user.create', after: { path: ['email'], equals: email } },
    });
    expect(creations).toBe(1);
  });
});

describe('updateUser', () => {
  it('audits a role change with the role before and after, separately from a rename', async () => {
    const admin = await seedUser(prisma, { role: 'ADMIN' });
    const user = await seedUser(prisma, { role: 'COORDINATOR' });
    const updated = await updateUser({
      id: user.id,
      input: { role: 'CLINICIAN', name: 'Dana Reyes' },
      actorId: admin.id,
    });
    expect(updated).toMatchObject({ role: 'CLINICIAN', name: 'Dana Reyes' });
    const events = (await auditFor(user.id)).filter((e) => e.action !== 'user.create');
    const roleChange = events.find((e) => e.action === 'user.role_change');
    expect(roleChange).toMatchObject({
      actorId: admin.id,
      before: { role: 'COORDINATOR' },
      after: { role: 'CLINICIAN' },
    });
    expect(events.find((e) => e.action === 'user.update')).toMatchObject({
      before: { name: user.name },
      after: { name: 'Dana Reyes' },
    });
  });

  it('deactivation bumps the session version (ending sessions) and reactivation is audited too', async () => {
    const admin = await seedUser(prisma, { role: 'ADMIN' });
    const user = await seedUser(prisma, { role: 'CLINICIAN' });
    await updateUser({ id: user.id, input: { isActive: false }, actorId: admin.id });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ isActive: false, sessionVersion: user.sessionVersion + 1 });
    await updateUser({ id: user.id, input: { isActive: true }, actorId: admin.id });
    const actions = (await auditFor(user.id)).map((e) => e.action);
    expect(actions).toEqual(['user.create', 'user.deactivate', 'user.reactivate']);
  });

  it('refuses to let an admin deactivate or demote themselves', async () => {
    const admin = await seedUser(prisma, { role: 'ADMIN' });
    await expect(updateUser({ id: admin.id, input: { isActive: false }, actorId: admin.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('your own account'),
    });
    await expect(updateUser({ id: admin.id, input: { role: 'CLINICIAN' }, actorId: admin.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('your own admin role'),
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({
      role: 'ADMIN',
      isActive: true,
    });
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    await expect(updateUser({ id: 'no-such-user', input: { name: 'X' }, actorId: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

// "Last active admin" is a fact about the whole table, and other test files add
// admins to the shared database in parallel, so this runs on a database of its own.
describe('last active admin', () => {
  // Tests run as the app's role; creating a database needs the owner (tests/global-setup.ts).
  const adminUrl = withDatabase(process.env.MIGRATION_DATABASE_URL!, 'postgres');
  const name = `trialdesk_test_admins_${Date.now()}_${process.pid}`;
  let isolated: { prisma: typeof prisma; updateUser: typeof updateUser; createUser: typeof createUser };

  beforeAll(async () => {
    await ensureDatabase(adminUrl, name);
    const url = withDatabase(process.env.DATABASE_URL!, name);
    await migrateDatabase({ ownerUrl: withDatabase(adminUrl, name), appUrl: url });
    // lib/db parks its client on globalThis; load fresh copies bound to the new database, then put the shared one back.
    const globals = globalThis as { prisma?: unknown };
    const shared = globals.prisma;
    const sharedUrl = process.env.DATABASE_URL;
    vi.resetModules();
    delete globals.prisma;
    process.env.DATABASE_URL = url;
    try {
      isolated = {
        prisma: (await import('@/lib/db')).prisma,
        updateUser: (await import('@/lib/users/update-user')).updateUser,
        createUser: (await import('@/lib/users/create-user')).createUser,
      };
    } finally {
      globals.prisma = shared;
      process.env.DATABASE_URL = sharedUrl;
      // Later dynamic imports must not pick up the copies bound to the isolated database.
      vi.resetModules();
    }
  });

  afterAll(async () => {
    await isolated?.prisma.$disconnect();
    await dropDatabase(adminUrl, name);
  });

  it('cannot be deactivated or demoted, by anyone; a second admin unblocks it', async () => {
    const only = await isolated.createUser({
      input: { email: 'only-admin@users.test', name: 'Eli Park', role: 'ADMIN', password: PASSWORD },
      actorId: null,
    });
    await expect(isolated.updateUser({ id: only.id, input: { isActive: false }, actorId: null })).rejects.toMatchObject(
      { code: 'CONFLICT', message: expect.stringContaining('last active admin') },
    );
    await expect(
      isolated.updateUser({ id: only.id, input: { role: 'COORDINATOR' }, actorId: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('last active admin') });

    const second = await isolated.createUser({
      input: { email: 'second-admin@users.test', name: 'Fran Ode', role: 'ADMIN', password: PASSWORD },
      actorId: only.id,
    });
    await isolated.updateUser({ id: only.id, input: { role: 'COORDINATOR' }, actorId: second.id });
    await expect(
      isolated.updateUser({ id: second.id, input: { isActive: false }, actorId: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await isolated.prisma.auditEvent.count({ where: { action: 'user.role_change' } })).toBe(1);
  });
});

describe('resetPassword and unlockUser', () => {
  it('sets a new password, clears the lockout, ends sessions and keeps the password out of the trail', async () => {
    const admin = await seedUser(prisma, { role: 'ADMIN' });
    const user = await seedUser(prisma, { role: 'CLINICIAN', name: 'Gale Hart' });
    await prisma.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() + 10 * 60_000), failedSignInCount: 3 },
    });
    const newPassword = 'Orchard-Pebble-Sail-3';
    await resetPassword({ id: user.id, password: newPassword, actorId: admin.id });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ lockedUntil: null, failedSignInCount: 0, sessionVersion: user.sessionVersion + 1 });
    expect(await verifyPassword(row.passwordHash, newPassword)).toBe(true);
    const event = (await auditFor(user.id)).find((e) => e.action === 'user.password_reset');
    expect(event).toMatchObject({ actorId: admin.id, after: { lockedUntil: null, failedSignInCount: 0 } });
    expect(JSON.stringify(event)).not.toContain(newPassword);
  });

  it('applies the policy with the stored name as context', async () => {
    const user = await seedUser(prisma, { role: 'CLINICIAN', name: 'Harper Quill' });
    await expect(resetPassword({ id: user.id, password: 'short', actorId: null })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { password: [expect.stringContaining('12')] },
    });
    await expect(
      resetPassword({ id: user.id, password: 'harper-rocks-the-ward', actorId: null }),
    ).rejects.toMatchObject({ fields: { password: [expect.stringContaining('name')] } });
  });

  it('unlock clears the lockout and is audited', async () => {
    const user = await seedUser(prisma, { role: 'COORDINATOR' });
    await prisma.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() + 10 * 60_000), failedSignInCount: 0 },
    });
    await unlockUser({ id: user.id, actorId: null });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      lockedUntil: null,
      failedSignInCount: 0,
    });
    expect((await auditFor(user.id)).map((e) => e.action)).toContain('user.unlock');
  });
});

describe('/api/v1/users', () => {
  it('creates with a lower-case role, answers 201 without the hash, then 409 for the same email', async () => {
    const admin = await seedUser(prisma, { role: 'ADMIN' });
    session.user = { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN' };
    const email = uniqueEmail('api');
    const request = () =>
      new NextRequest('http://localhost:3000/api/v1/users', {
        method: 'POST',
        body: JSON.stringify({ email, name: 'Indy Vale', role: 'clinician', password: PASSWORD }),
        headers: { 'content-type': 'application/json', host: 'localhost:3000' },
      });
    const ctx = { params: Promise.resolve({}) };

    const res = await POST(request(), ctx);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ email, role: 'clinician', isActive: true });
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);
    expect(await auditFor(body.id)).toEqual([
      expect.objectContaining({ action: 'user.create', actorId: admin.id, requestId: 'req-users' }),
    ]);

    const again = await POST(request(), ctx);
    expect(again.status).toBe(409);
    expect((await again.json()).error.fields.email).toBeDefined();
  });

  it('[ADMIN] a common or name-based password is refused by the server: 400 with the message under password, nothing written', async () => {
    const admin = await seedUser(prisma, { role: 'ADMIN' });
    session.user = { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN' };
    const ctx = { params: Promise.resolve({}) };
    const attempts = [
      { password: 'Password1234!', message: /too common/ },
      { password: 'Quillfeather-Sunday-7', message: /your name/ },
    ];
    for (const attempt of attempts) {
      const email = uniqueEmail('weak');
      const res = await POST(
        new NextRequest('http://localhost:3000/api/v1/users', {
          method: 'POST',
          body: JSON.stringify({ email, name: 'Robin Quillfeather', role: 'clinician', password: attempt.password }),
          headers: { 'content-type': 'application/json', host: 'localhost:3000' },
        }),
        ctx,
      );
      expect(res.status).toBe(400);
      expect((await res.json()).error.fields.password[0]).toMatch(attempt.message);
      expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    }
  });

  it('PATCH accepts a role in either case, answers it in lower case, and refuses an empty change', async () => {
    const admin = await seedUser(prisma, { role: 'ADMIN' });
    session.user = { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN' };
    const user = await seedUser(prisma, { role: 'CLINICIAN' });
    const patch = (body: unknown) =>
      PATCH(
        new NextRequest(`http://localhost:3000/api/v1/users/${user.id}`, {
          method: 'PATCH',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', host: 'localhost:3000' },
        }),
        { params: Promise.resolve({ id: user.id }) },
      );

    const res = await patch({ role: 'Coordinator' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: user.id, role: 'coordinator' });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ role: 'boss' })).status).toBe(400);
  });
});
