import { randomUUID } from 'node:crypto';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/current-user';
import { defineAction } from '@/lib/auth/guard';
import { intakeInput, makeTrial, randomDateOfBirth, uniqueSurname, uniqueToken } from '@/lib/candidates/test-support';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-idempotency', ipAddress: '127.0.0.1', pathname: '/' }),
}));

const collection = await import('@/app/api/v1/candidates/route');
const contacts = await import('@/app/api/v1/candidates/[id]/contacts/route');
const measurements = await import('@/app/api/v1/candidates/[id]/measurements/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
const BASE = 'http://localhost:3000/api/v1';
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
});

beforeEach(() => {
  session.user = users.coordinator;
});

function post(path: string, body: unknown, key?: string) {
  return new NextRequest(`${BASE}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      host: 'localhost:3000',
      ...(key ? { 'idempotency-key': key } : {}),
    },
  });
}

function intakeBody(overrides: Record<string, unknown> = {}) {
  return { ...intakeInput(), mrn: `IDEM-${uniqueToken()}`, ...overrides };
}

describe('Idempotency-Key on creating POSTs', () => {
  it('[COORDINATOR] 20 parallel identical referrals with one key make one candidate; every answer is the first one', async () => {
    const body = intakeBody();
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => collection.POST(post('/candidates', body, key), noParams)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect(await prisma.candidate.count({ where: { lastName: body.lastName } })).toBe(1);
    const [id] = [...ids];
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: 'candidate.create' } })).toBe(1);
  });

  it('[COORDINATOR] 20 parallel identical contact attempts with one key log one contact', async () => {
    const trial = await makeTrial(prisma);
    const created = await (
      await collection.POST(post('/candidates', intakeBody({ trialId: trial.id })), noParams)
    ).json();
    const body = { trialId: trial.id, method: 'PHONE', outcome: 'NO_ANSWER', contactedAt: new Date().toISOString() };
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        contacts.POST(post(`/candidates/${created.id}/contacts`, body, key), idParams(created.id)),
      ),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(await prisma.contactAttempt.count({ where: { candidateId: created.id } })).toBe(1);
  });

  it('[CLINICIAN] 20 parallel identical measurement posts with one key record one measurement', async () => {
    const created = await (await collection.POST(post('/candidates', intakeBody()), noParams)).json();
    session.user = users.clinician;
    const today = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const body = { code: 'weight_kg', value: 80, unit: 'kg', measuredAt: today };
    const key = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        measurements.POST(post(`/candidates/${created.id}/measurements`, body, key), idParams(created.id)),
      ),
    );
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(await prisma.measurement.count({ where: { candidateId: created.id } })).toBe(1);
  });

  it('the same key with a different body is refused with 409 and creates nothing', async () => {
    const key = randomUUID();
    const first = intakeBody();
    expect((await collection.POST(post('/candidates', first, key), noParams)).status).toBe(201);
    const other = intakeBody();
    const res = await collection.POST(post('/candidates', other, key), noParams);
    expect(res.status).toBe(409);
    expect((await res.json()).error.details.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await prisma.candidate.count({ where: { lastName: other.lastName } })).toBe(0);
  });

  it('keys belong to one user: another user with the same key gets their own record', async () => {
    const key = randomUUID();
    const body = intakeBody();
    expect((await collection.POST(post('/candidates', body, key), noParams)).status).toBe(201);
    const otherCoordinator = (await createStaff(prisma)).coordinator;
    session.user = otherCoordinator;
    const res = await collection.POST(post('/candidates', intakeBody(), key), noParams);
    expect(res.status).toBe(201);
    expect(res.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a failed first attempt is not kept: the same submission can be retried with its key', async () => {
    const key = randomUUID();
    const body = intakeBody({ assignedCoordinatorId: 'no-such-user' });
    const first = await collection.POST(post('/candidates', body, key), noParams);
    expect(first.status).toBeGreaterThanOrEqual(400);
    expect(await prisma.idempotencyRecord.count({ where: { key } })).toBe(0);
  });

  it('a malformed key is a 400 on the header', async () => {
    const res = await collection.POST(post('/candidates', intakeBody(), 'x'), noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields['Idempotency-Key']).toBeDefined();
  });

  it('server actions take the key too: 20 parallel calls of one submission run the handler once', async () => {
    let runs = 0;
    const action = defineAction({ permission: 'candidate.edit', input: z.object({ note: z.string() }) }, async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { run: runs };
    });
    const idempotencyKey = randomUUID();
    const results = await Promise.all(Array.from({ length: 20 }, () => action({ note: 'x' }, { idempotencyKey })));
    expect(runs).toBe(1);
    expect(results.every((r) => r.ok && r.data.run === 1)).toBe(true);
    const reused = await action({ note: 'different' }, { idempotencyKey });
    expect(reused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('duplicate-person check under concurrency', () => {
  it('[COORDINATOR] 20 parallel referrals of the same name and birth date: one is created, the rest need a reason', async () => {
    const dateOfBirth = randomDateOfBirth();
    const lastName = uniqueSurname('Racey');
    const responses = await Promise.all(
      Array.from({ length: 20 }, () =>
        collection.POST(post('/candidates', intakeBody({ firstName: 'Imogen', lastName, dateOfBirth })), noParams),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const res of responses.filter((r) => r.status === 409))
      expect((await res.json()).error.details.reason).toBe('POSSIBLE_DUPLICATE');
    const rows = await prisma.candidate.findMany({ where: { lastName } });
    expect(rows).toHaveLength(1);
    expect(rows[0].duplicateOverrideReason).toBeNull();
  });

  it('[COORDINATOR] with a reason, parallel duplicates are all created and each stores the reason', async () => {
    const dateOfBirth = randomDateOfBirth();
    const lastName = uniqueSurname('Twinning');
    await collection.POST(post('/candidates', intakeBody({ firstName: 'Ivy', lastName, dateOfBirth })), noParams);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        collection.POST(
          post(
            '/candidates',
            intakeBody({ firstName: 'Ivy', lastName, dateOfBirth, duplicateOverrideReason: 'Different MRN, twin' }),
          ),
          noParams,
        ),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(5).fill(201));
    const rows = await prisma.candidate.findMany({ where: { lastName }, orderBy: { createdAt: 'asc' } });
    expect(rows.slice(1).every((row) => row.duplicateOverrideReason === 'Different MRN, twin')).toBe(true);
  });
});
