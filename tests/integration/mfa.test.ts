import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { attemptSignIn } from '@/lib/auth/attempt-sign-in';
import type { CurrentUser } from '@/lib/auth/current-user';
import { isMfaSetupRequired } from '@/lib/auth/mfa/mfa-policy';
import { openSecret } from '@/lib/auth/mfa/secret-box';
import { totpCode } from '@/lib/auth/mfa/totp';
import { createUser, createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

vi.stubEnv('NEXTAUTH_SECRET', process.env.NEXTAUTH_SECRET || 'test-secret-for-mfa-key-derivation-000000');
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-mfa', ipAddress: null, pathname: '/' }),
}));

const setupRoute = await import('@/app/api/v1/me/mfa/setup/route');
const enableRoute = await import('@/app/api/v1/me/mfa/enable/route');
const resetRoute = await import('@/app/api/v1/users/[id]/mfa/route');
const rolesRoute = await import('@/app/api/v1/security/mfa-roles/route');

const prisma = getTestPrisma();
const PASSWORD = 'Granite-Willow-Drum-8';
const BASE = 'http://localhost:3000/api/v1';
const noParams = { params: Promise.resolve({}) };
let admin: CurrentUser;

function request(method: string, path: string, body?: unknown) {
  return new NextRequest(`${BASE}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

/** A clinician who has gone through setup and enable; returns their secret and recovery codes. */
async function clinicianWithMfa() {
  const row = await createUser(prisma, { role: 'CLINICIAN', password: PASSWORD });
  session.user = { id: row.id, email: row.email, name: row.name, role: row.role };
  const setup = await setupRoute.POST(request('POST', '/me/mfa/setup'), noParams);
  expect(setup.status).toBe(200);
  const { secret, otpauthUrl, qrSvg } = await setup.json();
  const enabled = await enableRoute.POST(
    request('POST', '/me/mfa/enable', { code: totpCode(secret, Date.now()) }),
    noParams,
  );
  expect(enabled.status).toBe(200);
  const { recoveryCodes } = (await enabled.json()) as { recoveryCodes: string[] };
  return { user: row, secret, otpauthUrl, qrSvg, recoveryCodes };
}

beforeAll(async () => {
  admin = (await createStaff(prisma)).admin;
});

beforeEach(() => {
  session.user = null;
});

describe('two-factor setup', () => {
  it('[CLINICIAN] gets a secret, an otpauth URL and a QR code; the secret is stored encrypted until a code enables it', async () => {
    const { user, secret, otpauthUrl, qrSvg, recoveryCodes } = await clinicianWithMfa();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/TrialDesk:.+\?.*secret=/);
    expect(qrSvg).toContain('<svg');
    expect(recoveryCodes).toHaveLength(10);

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.mfaEnabledAt).not.toBeNull();
    expect(row.mfaPendingSecretEnc).toBeNull();
    expect(row.mfaSecretEnc).not.toContain(secret);
    expect(openSecret(row.mfaSecretEnc!, user.id)).toBe(secret);
    // Bound to the account: the ciphertext does not open for another user id.
    expect(() => openSecret(row.mfaSecretEnc!, admin.id)).toThrow();

    const stored = await prisma.mfaRecoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code);
    const events = await prisma.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { createdAt: 'asc' } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.mfa_setup_started', 'auth.mfa_enabled']));
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  it('[CLINICIAN] a wrong code does not enable it (400 on code), and a second setup once enabled is refused (409)', async () => {
    const row = await createUser(prisma, { role: 'CLINICIAN', password: PASSWORD });
    session.user = { id: row.id, email: row.email, name: row.name, role: row.role };
    const { secret } = await (await setupRoute.POST(request('POST', '/me/mfa/setup'), noParams)).json();
    const wrong = await enableRoute.POST(
      request('POST', '/me/mfa/enable', { code: totpCode(secret, Date.now() - 10 * 60_000) }),
      noParams,
    );
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error.fields.code).toBeDefined();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: row.id } })).mfaEnabledAt).toBeNull();

    await enableRoute.POST(request('POST', '/me/mfa/enable', { code: totpCode(secret, Date.now()) }), noParams);
    expect((await setupRoute.POST(request('POST', '/me/mfa/setup'), noParams)).status).toBe(409);
  });
});

describe('signing in with a second factor', () => {
  it('[CLINICIAN] needs a current code; a missing or wrong code fails like a wrong password and counts toward the lockout', async () => {
    const { user, secret } = await clinicianWithMfa();
    expect(await attemptSignIn({ email: user.email, password: PASSWORD })).toEqual({ ok: false });
    expect(await attemptSignIn({ email: user.email, password: PASSWORD, code: '000000' })).toEqual({ ok: false });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.failedSignInCount).toBe(2);

    const next = totpCode(secret, Date.now() + 30_000);
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, code: next })).ok).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignInCount).toBe(0);
    const reasons = (
      await prisma.auditEvent.findMany({ where: { entityId: user.id, action: 'auth.sign_in_failed' } })
    ).map((e) => (e.after as { reason: string }).reason);
    expect(reasons).toEqual(expect.arrayContaining(['missing_code', 'wrong_code']));
  });

  it('[CLINICIAN] a code already used in its window is refused (replay), even with the right password', async () => {
    const { user, secret } = await clinicianWithMfa();
    // The code that enabled it is spent; so is each code after a sign-in.
    const { mfaLastUsedStep } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const spent = totpCode(secret, mfaLastUsedStep! * 30_000);
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, code: spent })).ok).toBe(false);
    const next = totpCode(secret, Date.now() + 30_000);
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, code: next })).ok).toBe(true);
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, code: next })).ok).toBe(false);
  });

  it('[CLINICIAN] a recovery code works once, in any case and with or without dashes', async () => {
    const { user, recoveryCodes } = await clinicianWithMfa();
    const code = recoveryCodes[3];
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, code: code.toUpperCase() })).ok).toBe(true);
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, code: code.replace(/-/g, '') })).ok).toBe(
      false,
    );
    expect((await attemptSignIn({ email: user.email, password: PASSWORD, code: recoveryCodes[4] })).ok).toBe(true);
    const used = await prisma.mfaRecoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } });
    expect(used).toBe(2);
  });

  it('[CLINICIAN] a right code with a wrong password is still a failure', async () => {
    const { user, secret } = await clinicianWithMfa();
    const code = totpCode(secret, Date.now() + 30_000);
    expect((await attemptSignIn({ email: user.email, password: 'Wrong-Password-123', code })).ok).toBe(false);
  });
});

describe('administering two-factor sign-in', () => {
  it('[ADMIN] resets a user’s second factor: secret and recovery codes gone, sessions ended, audited', async () => {
    const { user } = await clinicianWithMfa();
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    session.user = admin;
    const res = await resetRoute.DELETE(request('DELETE', `/users/${user.id}/mfa`), {
      params: Promise.resolve({ id: user.id }),
    });
    expect(res.status).toBe(200);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ mfaEnabledAt: null, mfaSecretEnc: null, sessionVersion: before.sessionVersion + 1 });
    expect(await prisma.mfaRecoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: 'user.mfa_reset' } });
    expect(event).toMatchObject({ actorId: admin.id, after: { mfaEnabledAt: null, sessionsEnded: true } });
    // Without a second factor the password alone signs in again.
    expect((await attemptSignIn({ email: user.email, password: PASSWORD })).ok).toBe(true);
  });

  it('[CLINICIAN] cannot reset anyone’s second factor or change the role policy (403)', async () => {
    const { user } = await clinicianWithMfa();
    const res = await resetRoute.DELETE(request('DELETE', `/users/${user.id}/mfa`), {
      params: Promise.resolve({ id: user.id }),
    });
    expect(res.status).toBe(403);
    expect((await rolesRoute.PUT(request('PUT', '/security/mfa-roles', { requiredRoles: [] }), noParams)).status).toBe(
      403,
    );
  });

  it('[ADMIN] reads the per-role setting (admins and clinicians recommended) and saving it is audited', async () => {
    session.user = admin;
    const read = await (await rolesRoute.GET(request('GET', '/security/mfa-roles'), noParams)).json();
    expect(
      read.roles.filter((r: { isRecommended: boolean }) => r.isRecommended).map((r: { role: string }) => r.role),
    ).toEqual(['ADMIN', 'CLINICIAN']);
    // Other test files share this database: save the setting as it is, so nobody else is affected.
    const current = read.roles
      .filter((r: { isMfaRequired: boolean }) => r.isMfaRequired)
      .map((r: { role: string }) => r.role);
    const saved = await rolesRoute.PUT(request('PUT', '/security/mfa-roles', { requiredRoles: current }), noParams);
    expect(saved.status).toBe(200);
    const event = await prisma.auditEvent.findFirst({
      where: { action: 'settings.mfa_roles_update', actorId: admin.id },
    });
    expect(event?.after).toEqual({ requiredRoles: current });
  });

  it('[ADMIN] a required role without a second factor must set one up; with one, it need not', async () => {
    const { user } = await clinicianWithMfa();
    const bare = await createUser(prisma, { role: 'CLINICIAN', password: PASSWORD });
    // Inside a transaction that is rolled back, so the other test files never see the requirement.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.roleSecurityPolicy.update({ where: { role: 'CLINICIAN' }, data: { isMfaRequired: true } });
        expect(await isMfaSetupRequired(bare.id, 'CLINICIAN', tx)).toBe(true);
        expect(await isMfaSetupRequired(user.id, 'CLINICIAN', tx)).toBe(false);
        expect(await isMfaSetupRequired(bare.id, 'COORDINATOR', tx)).toBe(false);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await isMfaSetupRequired(bare.id, 'CLINICIAN')).toBe(false);
  });
});
