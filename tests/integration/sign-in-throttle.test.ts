import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
import { attemptSignIn } from '@/lib/auth/attempt-sign-in';
import { reauthenticate } from '@/lib/auth/reauthenticate';
import { SIGN_IN_IP_LIMIT } from '@/lib/auth/sign-in-throttle';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '@/lib/auth/session-policy';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const client = vi.hoisted(() => ({ ipAddress: '198.51.100.1' }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-throttle', ipAddress: client.ipAddress, pathname: '/' }),
}));
// next-auth itself needs a live Next request; these tests are about what happens before it runs.
const nextAuthHandler = vi.hoisted(() => vi.fn(async () => new Response('{"url":"/"}', { status: 200 })));
vi.mock('next-auth', () => ({ default: () => nextAuthHandler }));

const authRoute = await import('@/app/api/auth/[...nextauth]/route');
const prisma = getTestPrisma();
const PASSWORD = 'Granite-Willow-Drum-8';

function uniqueIp() {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return `10.${n()}.${n()}.${n()}`;
}

function credentialsPost() {
  return new NextRequest('http://localhost:3000/api/auth/callback/credentials', {
    method: 'POST',
    body: new URLSearchParams({ email: 'x@y.test', password: 'nope', json: 'true' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3000' },
  });
}
const nextAuthParams = { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) };

describe('failed sign-ins per client address', () => {
  it('answers 429 with Retry-After once one address has failed 20 times across several accounts', async () => {
    const ip = uniqueIp();
    client.ipAddress = ip;
    const accounts = await Promise.all(Array.from({ length: 5 }, () => createUser(prisma, { password: PASSWORD })));
    // Four failures per account: under the per-account lockout, so only the address limit can stop this.
    for (let i = 0; i < SIGN_IN_IP_LIMIT.limit; i += 1) {
      const account = accounts[i % accounts.length];
      expect((await attemptSignIn({ email: account.email, password: `wrong-${i}`, ipAddress: ip })).ok).toBe(false);
    }
    for (const account of accounts)
      expect((await prisma.user.findUniqueOrThrow({ where: { id: account.id } })).lockedUntil).toBeNull();

    nextAuthHandler.mockClear();
    const res = await authRoute.POST(credentialsPost(), nextAuthParams);
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_IP_LIMIT.windowMs / 1000);
    const body = await res.json();
    expect(body.error.code).toBe('RATE_LIMITED');
    // next-auth's client reads the error from `url`.
    expect(new URL(body.url).searchParams.get('error')).toBe('TooManyAttempts');
    expect(nextAuthHandler).not.toHaveBeenCalled();

    // Even the right password is not checked from this address now, and nothing is counted on the account.
    expect(await attemptSignIn({ email: accounts[0].email, password: PASSWORD, ipAddress: ip })).toMatchObject({
      ok: false,
    });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: accounts[0].id } })).failedSignInCount).toBe(4);
  });

  it('lets another address through, and does not count successes', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const ip = uniqueIp();
    for (let i = 0; i < 25; i += 1)
      expect((await attemptSignIn({ email: user.email, password: PASSWORD, ipAddress: ip })).ok).toBe(true);
    client.ipAddress = ip;
    nextAuthHandler.mockClear();
    expect((await authRoute.POST(credentialsPost(), nextAuthParams)).status).toBe(200);
    expect(nextAuthHandler).toHaveBeenCalledTimes(1);
  });

  it('unknown emails count toward the address limit too', async () => {
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_IP_LIMIT.limit; i += 1)
      await attemptSignIn({ email: `ghost-${i}-${ip}@nowhere.test`, password: 'x', ipAddress: ip });
    client.ipAddress = ip;
    expect((await authRoute.POST(credentialsPost(), nextAuthParams)).status).toBe(429);
  });
});

describe('the account lockout cannot be extended', () => {
  it('failures while locked, one by one or 20 at once, neither count nor move the lock', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) await attemptSignIn({ email: user.email, password: 'wrong-one' });
    const locked = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil).not.toBeNull();

    for (let i = 0; i < 6; i += 1) await attemptSignIn({ email: user.email, password: 'wrong-again' });
    await Promise.all(Array.from({ length: 20 }, () => attemptSignIn({ email: user.email, password: 'wrong-again' })));
    await expect(reauthenticate({ userId: user.id, password: 'wrong', purpose: 'test' })).rejects.toThrow(/locked/);

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBe(locked.lockedUntil!.getTime());
    expect(row.failedSignInCount).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'auth.locked_out' } })).toBe(1);

    // When the lock runs out the owner is back in, with the right password.
    await prisma.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await attemptSignIn({ email: user.email, password: PASSWORD })).ok).toBe(true);
  });

  it('20 parallel wrong passwords lock the account once, for LOCKOUT_MS from the lock', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    const started = Date.now();
    await Promise.all(Array.from({ length: 20 }, () => attemptSignIn({ email: user.email, password: 'wrong-pass' })));
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThanOrEqual(started + LOCKOUT_MS);
    expect(row.lockedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + LOCKOUT_MS);
    expect(await prisma.auditEvent.count({ where: { entityId: user.id, action: 'auth.locked_out' } })).toBe(1);
  });

  it('e-signature failures count toward the same lock and end the sessions when it locks', async () => {
    const user = await createUser(prisma, { password: PASSWORD });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1)
      await expect(
        reauthenticate({ userId: user.id, password: 'wrong', purpose: 'eligibility.sign' }),
      ).rejects.toThrow();
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil).not.toBeNull();
    expect(row.sessionVersion).toBe(user.sessionVersion + 1);
    expect((await attemptSignIn({ email: user.email, password: PASSWORD })).ok).toBe(false);
  });
});
