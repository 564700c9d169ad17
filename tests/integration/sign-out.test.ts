import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

// The session cookie is a JWT that next-auth decodes into these claims; here the test
// holds "the cookie" itself and readSessionClaims hands it over (its decoding is
// lib/auth/session-cookie.test.ts's), so the jwt callback (sign-in), the signOut event
// and the database re-read all run for real.
const cookie = vi.hoisted(() => ({ claims: null as Record<string, unknown> | null }));
vi.mock('@/lib/auth/session-cookie', () => ({ readSessionClaims: async () => cookie.claims }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-sign-out', ipAddress: '203.0.113.9', pathname: '/candidates' }),
}));

const { authOptions } = await import('@/lib/auth/auth-options');
const { requirePageUser } = await import('@/lib/auth/require-page-user');
const meRoute = await import('@/app/api/v1/me/route');
const { getCurrentUser } = await import('@/lib/auth/current-user');
const { revokeSession } = await import('@/lib/auth/end-session');

const prisma = getTestPrisma();

async function signIn(user: { id: string; email: string; name: string }) {
  const jwt = authOptions.callbacks!.jwt!;
  const claims = await jwt({
    token: {},
    user: { ...user, sessionVersion: 1 } as never,
    account: null,
    trigger: 'signIn',
  } as never);
  return claims as Record<string, unknown>;
}

async function signOut(claims: Record<string, unknown>) {
  await authOptions.events!.signOut!({ token: claims as never, session: undefined as never });
}

function getMe() {
  return meRoute.GET(new NextRequest('http://localhost:3000/api/v1/me'), { params: Promise.resolve({}) });
}

describe('signing out', () => {
  it('[COORDINATOR] a cookie copied before sign-out gets 401 from the API and sign-in for pages afterwards; the sign-out is audited', async () => {
    const user = await createUser(prisma, { role: 'COORDINATOR' });
    const claims = await signIn(user);
    expect(claims.sid).toEqual(expect.any(String));
    const copied = { ...claims };

    cookie.claims = claims;
    expect((await getMe()).status).toBe(200);

    await signOut(claims);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: String(claims.sid) } });
    expect(session).toMatchObject({ revokedReason: 'sign_out', revokedAt: expect.any(Date) });
    const [event] = await prisma.auditEvent.findMany({ where: { action: 'auth.sign_out', entityId: user.id } });
    expect(event).toMatchObject({ actorId: user.id, requestId: 'req-sign-out', ipAddress: '203.0.113.9' });

    cookie.claims = copied;
    const res = await getMe();
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
    await expect(requirePageUser('dashboard.read')).rejects.toMatchObject({
      digest: expect.stringContaining('/signin?callbackUrl=%2Fcandidates'),
    });
  });

  it('[CLINICIAN] signing out ends only that session, and a second sign-out records nothing more', async () => {
    const user = await createUser(prisma, { role: 'CLINICIAN' });
    const laptop = await signIn(user);
    const tablet = await signIn(user);
    await signOut(laptop);
    await signOut(laptop);
    expect(await prisma.auditEvent.count({ where: { action: 'auth.sign_out', entityId: user.id } })).toBe(1);

    cookie.claims = tablet;
    expect((await getMe()).status).toBe(200);
    cookie.claims = laptop;
    expect((await getMe()).status).toBe(401);
  });

  it('[COORDINATOR] handing the device over as a clinic tablet ends the staff session server-side', async () => {
    const user = await createUser(prisma, { role: 'COORDINATOR' });
    const claims = await signIn(user);
    cookie.claims = claims;
    const current = await getCurrentUser();
    expect(current?.sessionId).toBe(claims.sid);
    // What startTabletSession does with the sessionId the route passes it, in its transaction.
    await prisma.$transaction((tx) => revokeSession(tx, current!.sessionId!, 'tablet_mode'));
    expect((await getMe()).status).toBe(401);
    expect(await prisma.session.findUniqueOrThrow({ where: { id: String(claims.sid) } })).toMatchObject({
      revokedReason: 'tablet_mode',
    });
  });

  it('[ADMIN] a cookie from before server-side sessions (no session id) counts as signed out', async () => {
    const user = await createUser(prisma, { role: 'ADMIN' });
    const { sid: _sid, ...legacy } = await signIn(user);
    cookie.claims = legacy;
    expect((await getMe()).status).toBe(401);
  });

  it('[COORDINATOR] a deactivated account or a reset password counts as signed out at the next request', async () => {
    const deactivated = await createUser(prisma, { role: 'COORDINATOR' });
    cookie.claims = await signIn(deactivated);
    expect((await getMe()).status).toBe(200);
    await prisma.user.update({ where: { id: deactivated.id }, data: { isActive: false } });
    expect((await getMe()).status).toBe(401);

    const reset = await createUser(prisma, { role: 'COORDINATOR' });
    cookie.claims = await signIn(reset);
    expect((await getMe()).status).toBe(200);
    await prisma.user.update({ where: { id: reset.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await getMe()).status).toBe(401);
  });

  it('[CLINICIAN] the session check reads whether the role still needs two-factor set up, in the same query', async () => {
    const before = await prisma.roleSecurityPolicy.findUnique({ where: { role: 'CLINICIAN' } });
    const user = await createUser(prisma, { role: 'CLINICIAN' });
    cookie.claims = await signIn(user);
    try {
      await prisma.roleSecurityPolicy.upsert({
        where: { role: 'CLINICIAN' },
        create: { role: 'CLINICIAN', isMfaRequired: true },
        update: { isMfaRequired: true },
      });
      expect(await getCurrentUser()).toMatchObject({ id: user.id, isMfaSetupRequired: true });
      await prisma.user.update({ where: { id: user.id }, data: { mfaEnabledAt: new Date() } });
      expect(await getCurrentUser()).toMatchObject({ id: user.id, isMfaSetupRequired: false });
      await prisma.roleSecurityPolicy.update({ where: { role: 'CLINICIAN' }, data: { isMfaRequired: false } });
      await prisma.user.update({ where: { id: user.id }, data: { mfaEnabledAt: null } });
      expect(await getCurrentUser()).toMatchObject({ id: user.id, isMfaSetupRequired: false });
    } finally {
      await prisma.roleSecurityPolicy.update({
        where: { role: 'CLINICIAN' },
        data: { isMfaRequired: before?.isMfaRequired ?? false },
      });
    }
  });
});
