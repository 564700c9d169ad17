// POST /api/v1/trials/import with { nctId }: the study is fetched from the registry (CTGOV_API_URL)
// into the same preview and import as pasted JSON. The registry is a local stand-in server that
// serves the shared ClinicalTrials.gov records and can be told to fail in each way the real one does.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-trials-registry', ipAddress: '127.0.0.1', pathname: '/' }),
}));

const { POST: importRoute } = await import('@/app/api/v1/trials/import/route');

const prisma = getTestPrisma();
const FIXTURE = JSON.parse(readFileSync(path.join(process.cwd(), 'lib/ctgov/fixtures/NCT06171568.json'), 'utf8'));
/** Ids the stand-in answers with a failure instead of a study. */
const FAILING = { unavailable: 'NCT00000503', error: 'NCT00000500', slow: 'NCT00000504', notJson: 'NCT00000200' };

let adminUser: CurrentUser;
let registry: Server;
let registryUrl: string;
const requested: string[] = [];

function standIn(req: { url?: string }, res: import('node:http').ServerResponse) {
  const match = /^\/api\/v2\/studies\/(NCT\d{8})\?format=json$/.exec(req.url ?? '');
  const nctId = match?.[1];
  if (nctId) requested.push(nctId);
  if (!nctId || nctId.startsWith('NCT0000000')) {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"not found"}');
  } else if (nctId === FAILING.unavailable) {
    res.writeHead(503).end('maintenance');
  } else if (nctId === FAILING.error) {
    res.writeHead(500).end('oops');
  } else if (nctId === FAILING.slow) {
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 6_000);
  } else if (nctId === FAILING.notJson) {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html>captive portal</html>');
  } else {
    // Any other id is the fixture study under that id, so each test imports a trial of its own.
    const study = structuredClone(FIXTURE);
    study.protocolSection.identificationModule.nctId = nctId;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(study));
  }
}

beforeAll(async () => {
  registry = createServer(standIn);
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/api/v2`;
  vi.stubEnv('CTGOV_API_URL', registryUrl);
  vi.stubEnv('CTGOV_TIMEOUT_MS', '2000');
  const admin = await createUser(prisma, { role: 'ADMIN', name: 'Registry Admin' });
  adminUser = { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN' };
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => registry.close(resolve));
});

beforeEach(() => {
  session.user = adminUser;
});

function post(body: unknown, search = '') {
  return importRoute(
    new NextRequest(`http://localhost:3000/api/v1/trials/import${search}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', host: 'localhost:3000' },
    }),
    { params: Promise.resolve({}) },
  );
}

let counter = 0;
function uniqueNct(): string {
  counter += 1;
  return `NCT8${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`;
}

describe('[ADMIN] import by NCT number', () => {
  it('previews the fetched study without saving anything, then imports it (201)', async () => {
    const nctId = uniqueNct();
    const preview = await post({ nctId: nctId.toLowerCase() }, '?preview=1');
    expect(preview.status).toBe(200);
    const previewBody = await preview.json();
    expect(previewBody.items[0].draft.nctId).toBe(nctId);
    expect(await prisma.trial.count({ where: { nctId } })).toBe(0);

    const imported = await post({ nctId });
    expect(imported.status).toBe(201);
    expect(await prisma.trial.count({ where: { nctId } })).toBe(1);
    expect(requested).toContain(nctId);
  });

  it('answers 404 when the registry does not know the id', async () => {
    const res = await post({ nctId: 'NCT00000001' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain('ClinicalTrials.gov has no study NCT00000001');
  });

  it('answers 503 when the registry is down for maintenance, 502 on its errors and on non-JSON', async () => {
    const down = await post({ nctId: FAILING.unavailable });
    expect(down.status).toBe(503);
    expect((await down.json()).error.code).toBe('SERVICE_UNAVAILABLE');
    expect((await post({ nctId: FAILING.error })).status).toBe(502);
    const portal = await post({ nctId: FAILING.notJson });
    expect(portal.status).toBe(502);
    expect((await portal.json()).error.message).toContain('not JSON');
  });

  it('answers 504 when the registry does not answer in time', async () => {
    const res = await post({ nctId: FAILING.slow });
    expect(res.status).toBe(504);
    expect((await res.json()).error.code).toBe('GATEWAY_TIMEOUT');
  });

  it('answers 502 when the registry cannot be reached at all', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    vi.stubEnv('CTGOV_API_URL', `http://127.0.0.1:${port}/api/v2`);
    try {
      const res = await post({ nctId: uniqueNct() });
      expect(res.status).toBe(502);
      expect((await res.json()).error.message).toContain('could not be reached');
    } finally {
      vi.stubEnv('CTGOV_API_URL', registryUrl);
    }
  });

  it('answers 400 with a per-field message for something that is not an NCT number, without asking the registry', async () => {
    const before = requested.length;
    const res = await post({ nctId: 'NCT12' });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields.nctId[0]).toContain('NCT');
    expect(requested.length).toBe(before);
  });
});

describe('[COORDINATOR] import by NCT number', () => {
  it('is refused with 403 before the registry is asked', async () => {
    const coordinator = await createUser(prisma, { role: 'COORDINATOR' });
    session.user = { id: coordinator.id, email: coordinator.email, name: coordinator.name, role: 'COORDINATOR' };
    const before = requested.length;
    const res = await post({ nctId: uniqueNct() });
    expect(res.status).toBe(403);
    expect(requested.length).toBe(before);
  });
});
