import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { startDbRelay } from '@/tests/helpers/db-relay';

// The app's own pool (lib/db.ts, with its timeouts) is pointed at a relay this test
// can break, so these are the requests a clinic would make during an outage.
const realUrl = new URL(process.env.DATABASE_URL ?? '');
const relay = startDbRelay({ host: realUrl.hostname, port: Number(realUrl.port || 5432) });
await relay.listen();
const relayed = new URL(realUrl);
relayed.port = String(relay.port);
process.env.DATABASE_URL = relayed.toString();

// A real account: the list read is logged (PHI access log) with the viewer as its actor.
const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-outage', ipAddress: '127.0.0.1', pathname: '/' }),
  clientIpOf: () => '127.0.0.1',
}));

const candidates = await import('@/app/api/v1/candidates/route');
const { prisma } = await import('@/lib/db');
const { authOptions } = await import('@/lib/auth/auth-options');
const { createUser } = await import('@/prisma/seed/users');

beforeAll(async () => {
  const coordinator = await createUser(prisma, { role: 'COORDINATOR', name: 'Outage Coordinator' });
  session.user = { id: coordinator.id, email: coordinator.email, name: coordinator.name, role: 'COORDINATOR' };
});

afterAll(async () => {
  await relay.cut();
  await prisma.$disconnect();
});

const noParams = { params: Promise.resolve({}) };
async function listCandidates() {
  const started = Date.now();
  const res = await candidates.GET(new NextRequest('http://localhost:3000/api/v1/candidates'), noParams);
  return { res, ms: Date.now() - started };
}

describe('database outage', () => {
  it('[COORDINATOR] warm connections to a database that stopped answering give 503 within seconds', async () => {
    expect((await listCandidates()).res.status).toBe(200);
    relay.hang();
    const { res, ms } = await listCandidates();
    expect(res.status).toBe(503);
    // The 6 s reply timeout, plus slack for a loaded test machine; it was over 40 s without one.
    expect(ms).toBeLessThan(10_000);
    const body = await res.json();
    expect(body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.error.message).toMatch(/cannot reach its database/);
  }, 20_000);

  it('[COORDINATOR] a database that refuses connections gives 503 at once, with one log line and no stack', async () => {
    await relay.cut();
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (let i = 0; i < 5; i += 1) {
        const { res, ms } = await listCandidates();
        expect(res.status).toBe(503);
        expect(ms).toBeLessThan(5_000);
      }
      const lines = log.mock.calls.map((args) => args.map(String).join(' '));
      expect(lines.length).toBeLessThanOrEqual(1);
      for (const line of lines) {
        expect(line).toMatch(/^\[database unavailable\]/);
        expect(line).not.toMatch(/\n\s+at /);
      }
    } finally {
      log.mockRestore();
    }
  }, 30_000);

  it('[ANYONE] sign-in says the service is unavailable, with no error text for the redirect URL', async () => {
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: unknown) => Promise<unknown> };
    };
    const attempt = provider.options.authorize({ email: 'coordinator@example.org', password: 'x'.repeat(12) }, {});
    await expect(attempt).rejects.toThrow(/^ServiceUnavailable$/);
  }, 20_000);

  it('[COORDINATOR] the API answers again once the database is back', async () => {
    await relay.listen();
    // Pooled connections the outage broke are dropped one by one as they fail.
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i += 1) {
      status = (await listCandidates()).res.status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  }, 30_000);
});
