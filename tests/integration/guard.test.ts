import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AppError } from '@/lib/errors/app-error';
import { getTestPrisma } from '../helpers/test-db';

useRequestId('req-test');

const { defineAction, defineRoute } = await import('@/lib/auth/guard');
const prisma = getTestPrisma();

const ADMIN: CurrentUser = { id: 'u-admin', email: 'a@t.test', name: 'A', role: 'ADMIN' };
const COORDINATOR: CurrentUser = { id: 'u-coord', email: 'c@t.test', name: 'C', role: 'COORDINATOR' };

const bodySchema = z.object({ label: z.string().min(3, 'At least 3 characters.'), count: z.number().int() });
let writes = 0;
const route = defineRoute(
  { permission: 'user.manage', body: bodySchema, params: z.object({ id: z.string().min(2) }) },
  async ({ body, params }) => {
    writes += 1;
    if (body.label === 'missing') throw new AppError('NOT_FOUND');
    if (body.label === 'explode') throw new Error('secret stack detail');
    if (body.label === 'unique') throw Object.assign(new Error('dup'), { code: 'P2002' });
    return { ok: true, id: params.id, label: body.label };
  },
);

function post(body: string, headers: Record<string, string> = {}) {
  return new NextRequest('http://localhost:3000/api/v1/things/abc', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', host: 'localhost:3000', ...headers },
  });
}
const ctx = { params: Promise.resolve({ id: 'abc' }) };

beforeEach(() => {
  session.user = ADMIN;
  writes = 0;
});

describe('defineRoute', () => {
  it('runs the handler for a permitted role with valid input', async () => {
    const res = await route(post(JSON.stringify({ label: 'fine', count: 1 })), ctx);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, id: 'abc', label: 'fine' });
  });

  it('answers 401 without a session', async () => {
    session.user = null;
    const res = await route(post('{}'), ctx);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
    expect(writes).toBe(0);
  });

  it('answers 403 for a role without the permission and runs nothing', async () => {
    session.user = COORDINATOR;
    const res = await route(post(JSON.stringify({ label: 'fine', count: 1 })), ctx);
    expect(res.status).toBe(403);
    expect(writes).toBe(0);
  });

  it('answers 400 with per-field messages', async () => {
    const res = await route(post(JSON.stringify({ label: 'x', count: 'many' })), ctx);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields.label).toEqual(['At least 3 characters.']);
    expect(body.error.fields.count).toHaveLength(1);
    expect(writes).toBe(0);
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await route(post('{"label":'), ctx);
    expect(res.status).toBe(400);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await route(post(JSON.stringify({ label: 'x'.repeat(1_100_000), count: 1 })), ctx);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses cross-origin writes', async () => {
    const res = await route(post(JSON.stringify({ label: 'fine', count: 1 }), { origin: 'https://evil.example' }), ctx);
    expect(res.status).toBe(403);
    const sameOrigin = await route(
      post(JSON.stringify({ label: 'fine', count: 1 }), { origin: 'http://localhost:3000' }),
      ctx,
    );
    expect(sameOrigin.status).toBe(200);
  });

  it('maps domain errors: 404, 409, and a generic 500 without internals', async () => {
    expect((await route(post(JSON.stringify({ label: 'missing', count: 1 })), ctx)).status).toBe(404);
    expect((await route(post(JSON.stringify({ label: 'unique', count: 1 })), ctx)).status).toBe(409);
    const errorSpy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await route(post(JSON.stringify({ label: 'explode', count: 1 })), ctx);
    errorSpy.mockRestore();
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret stack detail');
  });
});

describe('defineAction', () => {
  const action = defineAction(
    { permission: 'user.manage', input: z.object({ note: z.string().min(5) }) },
    async ({ input, audit, user }) =>
      prisma.$transaction(async (tx) => {
        await audit(tx, { action: 'test.guarded_write', entityType: 'Test', entityId: input.note });
        return { by: user.id };
      }),
  );

  it('writes the audit event with the actor and request id', async () => {
    const admin = await prisma.user.create({
      data: { email: `guard-${Date.now()}@t.test`, name: 'Guard Admin', role: 'ADMIN', passwordHash: 'x' },
    });
    session.user = { ...ADMIN, id: admin.id };
    const note = `note-${Date.now()}`;
    expect(await action({ note })).toEqual({ ok: true, data: { by: admin.id } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: note } });
    expect(event).toMatchObject({ actorId: admin.id, requestId: 'req-test', action: 'test.guarded_write' });
  });

  it('returns the error shape instead of throwing', async () => {
    session.user = COORDINATOR;
    expect(await action({ note: 'valid note' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    session.user = ADMIN;
    expect(await action({ note: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { note: [expect.any(String)] } },
    });
  });
});
