import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-hygiene', ipAddress: '127.0.0.1', pathname: '/' }),
  clientIpOf: () => '127.0.0.1',
}));

const { proxy } = await import('@/proxy');
const candidates = await import('@/app/api/v1/candidates/route');
const candidate = await import('@/app/api/v1/candidates/[id]/route');
const { defineAction } = await import('@/lib/auth/guard');
const { candidateInputSchema } = await import('@/lib/validations/candidates');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
const BASE = 'http://localhost:3000';

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
});
beforeEach(() => {
  session.user = users.coordinator;
});

function proxied(path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return proxy(new NextRequest(`${BASE}${path}`, { method: init.method ?? 'GET', headers: init.headers }));
}

describe('proxy: request ids', () => {
  it('[ANYONE] a short token request id is kept and echoed', () => {
    const res = proxied('/candidates', { headers: { 'x-request-id': 'abc-123_DEF' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123_DEF');
  });

  it('[ANYONE] a 325-character or oddly-formed request id is replaced by a fresh one', () => {
    for (const sent of ['a'.repeat(325), 'id with spaces', 'id;rm -rf', '']) {
      const res = proxied('/candidates', { headers: { 'x-request-id': sent } });
      const used = res.headers.get('x-request-id');
      expect(used).not.toBe(sent);
      expect(used).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('proxy: methods and addresses', () => {
  it('[ANYONE] TRACE and other unknown methods get 405 with Allow and the error shape', async () => {
    // undici refuses to build a TRACE Request, so the proxy gets the fields it reads.
    for (const method of ['TRACE', 'PROPFIND', 'BREW']) {
      const req = new NextRequest(`${BASE}/api/v1/candidates`);
      const res = proxy({ method, headers: req.headers, nextUrl: req.nextUrl } as unknown as NextRequest);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
      expect((await res.json()).error.code).toBe('METHOD_NOT_ALLOWED');
    }
  });

  it('[ANYONE] a NUL byte or an encoded surrogate in the path or query is a 400 with the error shape', async () => {
    for (const path of ['/candidates/%00', '/api/v1/candidates?q=a%00b', '/candidates?q=%ED%A0%80', '/x%FF']) {
      const res = proxied(path);
      expect(res.status, path).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.fields.url).toHaveLength(1);
    }
  });

  it('[ANYONE] an ordinary page gets a CSP with a fresh nonce and no unsafe-inline scripts', () => {
    const first = proxied('/candidates').headers.get('content-security-policy') ?? '';
    const second = proxied('/candidates').headers.get('content-security-policy') ?? '';
    const scriptSrc = first.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(first).not.toBe(second);
  });
});

describe('guard: bad bytes in input', () => {
  function post(body: string) {
    return new NextRequest(`${BASE}/api/v1/candidates`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', host: 'localhost:3000' },
    });
  }
  const noParams = { params: Promise.resolve({}) };

  it('[COORDINATOR] a NUL byte in a JSON field is a 400 naming the field, and nothing is written', async () => {
    const before = await prisma.candidate.count();
    const res = await candidates.POST(post('{"firstName":"An\\u0000n","lastName":"X"}'), noParams);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields.firstName[0]).toMatch(/NUL byte/);
    expect(await prisma.candidate.count()).toBe(before);
  });

  it('[COORDINATOR] a lone surrogate in a JSON field or key is a 400', async () => {
    const res = await candidates.POST(post('{"lastName":"\\ud800"}'), noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty('lastName');
    const keyed = await candidates.POST(post('{"\\udc00":"x"}'), noParams);
    expect(keyed.status).toBe(400);
  });

  it('[COORDINATOR] a body that is not UTF-8 is a 400, not silently repaired', async () => {
    const req = new NextRequest(`${BASE}/api/v1/candidates`, {
      method: 'POST',
      body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      headers: { 'content-type': 'application/json', host: 'localhost:3000' },
    });
    const res = await candidates.POST(req, noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/not valid UTF-8/);
  });

  it('[COORDINATOR] a NUL byte in a search query or a path id is a 400, not a 500', async () => {
    const search = await candidates.GET(new NextRequest(`${BASE}/api/v1/candidates?q=a%00b`), noParams);
    expect(search.status).toBe(400);
    expect((await search.json()).error.fields).toHaveProperty('query.q');
    const byId = await candidate.GET(new NextRequest(`${BASE}/api/v1/candidates/x`), {
      params: Promise.resolve({ id: 'abc\u0000' }),
    });
    expect(byId.status).toBe(400);
    expect((await byId.json()).error.fields).toHaveProperty('params.id');
  });

  it('[COORDINATOR] a server action refuses a NUL byte in a form value', async () => {
    const action = defineAction({ permission: 'candidate.edit', input: candidateInputSchema.partial() }, async () => {
      throw new Error('must not run');
    });
    const result = await action({ firstName: 'A\u0000' } as never);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.fields).toHaveProperty('firstName');
  });
});
