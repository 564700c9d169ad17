// Two app instances on one database, as behind a load balancer: nothing that matters may live in
// one process's memory. A session from one works on the other, failed sign-ins spread over both
// lock the account, and two bookings of the last chair on different instances give one 409.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNext, waitForHealthy } from '@/scripts/lib/app-server.mjs';
import { buildApp, isBuildCurrent } from '@/scripts/lib/build.mjs';
import { freePort } from '@/scripts/lib/database.mjs';
import {
  TEST_PASSWORD,
  UNCAPPED_SINGLE,
  farFutureMonday,
  makeChairs,
  makeDosingTrial,
  makeEnrollment,
} from '@/lib/infusions/test-support';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { createStaff, createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const prisma = getTestPrisma();
const instances: { url: string; child: ChildProcess }[] = [];

beforeAll(async () => {
  if (!isBuildCurrent()) await buildApp();
  const secret = randomBytes(32).toString('base64url');
  for (let i = 0; i < 2; i += 1) {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    // Same database and secret, different processes: the load balancer's view of two replicas.
    const child = startNext({
      port,
      env: { DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: url },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    instances.push({ url, child });
  }
  await Promise.all(instances.map(({ url, child }) => waitForHealthy(url, { child, timeoutMs: 180_000 })));
}, 900_000);

afterAll(async () => {
  await Promise.all(
    instances.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
});

/** Signs in through next-auth's credentials endpoint and returns the session cookie (or null). */
async function signIn(baseUrl: string, email: string, password: string): Promise<string | null> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie.join('; '), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes('session-token='));
  return session ? session.split(';')[0] : null;
}

describe('[REPLICAS] two app instances on one database', () => {
  it('a session signed in on one instance is accepted by the other', async () => {
    const [a, b] = instances;
    const user = await createUser(prisma, { role: 'COORDINATOR', password: TEST_PASSWORD });
    const cookie = await signIn(a.url, user.email, TEST_PASSWORD);
    expect(cookie).not.toBeNull();
    const me = await fetch(`${b.url}/api/v1/me`, { headers: { cookie: cookie as string } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: user.email });
  }, 60_000);

  it('five failed sign-ins spread over both instances lock the account everywhere', async () => {
    const [a, b] = instances;
    const user = await createUser(prisma, { role: 'CLINICIAN', password: TEST_PASSWORD });
    for (const instance of [a, b, a, b, a]) {
      expect(await signIn(instance.url, user.email, 'Wrong-Password-123')).toBeNull();
    }
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // The right password is refused on both while the lock lasts.
    expect(await signIn(b.url, user.email, TEST_PASSWORD)).toBeNull();
    expect(await signIn(a.url, user.email, TEST_PASSWORD)).toBeNull();
  }, 60_000);

  it('two bookings of the last chair on different instances: one is booked, the other gets 409', async () => {
    const [a, b] = instances;
    const staff = await createStaff(prisma, { password: TEST_PASSWORD });
    const { trial, armIds } = await makeDosingTrial(prisma, [{ label: 'Single', dosing: UNCAPPED_SINGLE }]);
    const [chair] = await makeChairs(prisma, 1);
    // Every other chair in service is taken out for this test's slot by being out of service.
    const others = await prisma.chair.findMany({ where: { isActive: true, id: { not: chair.id } } });
    await prisma.chair.updateMany({ where: { id: { in: others.map((c) => c.id) } }, data: { isActive: false } });
    try {
      const first = await makeEnrollment(prisma, { trialId: trial.id, armId: armIds[0] });
      const second = await makeEnrollment(prisma, { trialId: trial.id, armId: armIds[0] });
      const scheduledAt = zonedTimeToUtc({
        date: farFutureMonday(),
        time: '10:00',
        timeZone: 'America/New_York',
      }).toISOString();
      const [cookieA, cookieB] = await Promise.all([
        signIn(a.url, staff.coordinator.email, TEST_PASSWORD),
        signIn(b.url, staff.coordinator.email, TEST_PASSWORD),
      ]);
      const book = (instance: { url: string }, cookie: string | null, enrollmentId: string) =>
        fetch(`${instance.url}/api/v1/enrollments/${enrollmentId}/schedule`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookie as string, origin: instance.url },
          body: JSON.stringify({ visits: [{ sessionNumber: 1, scheduledAt, chairId: chair.id }] }),
        });
      const responses = await Promise.all([
        book(a, cookieA, first.enrollment.id),
        book(b, cookieB, second.enrollment.id),
      ]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
      expect(await prisma.visit.count({ where: { chairId: chair.id, scheduledAt: new Date(scheduledAt) } })).toBe(1);
    } finally {
      await prisma.chair.updateMany({ where: { id: { in: others.map((c) => c.id) } }, data: { isActive: true } });
    }
  }, 60_000);
});
