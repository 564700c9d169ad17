import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  intakeInput,
  isoDaysAgo,
  makeTrial,
  randomDateOfBirth,
  uniqueSurname,
  uniqueToken,
} from '@/lib/candidates/test-support';
import type { CandidateDetail } from '@/lib/candidates/types';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-candidates-api');

const collection = await import('@/app/api/v1/candidates/route');
const item = await import('@/app/api/v1/candidates/[id]/route');
const pipeline = await import('@/app/api/v1/candidates/[id]/pipeline/route');
const contacts = await import('@/app/api/v1/candidates/[id]/contacts/route');
const reviewQueue = await import('@/app/api/v1/review-queue/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
});

beforeEach(() => {
  session.user = users.coordinator;
});

const BASE = 'http://localhost:3000/api/v1';
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, path: string, body?: unknown) {
  return new NextRequest(`${BASE}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

/** API intake body: what a client sends (lower-case sex, plain strings). */
function intakeBody(overrides: Record<string, unknown> = {}) {
  const input = intakeInput();
  return { ...input, mrn: `API-${uniqueToken()}`, ...overrides };
}

async function createViaApi(overrides: Record<string, unknown> = {}): Promise<CandidateDetail> {
  session.user = users.coordinator;
  const res = await collection.POST(request('POST', '/candidates', intakeBody(overrides)), noParams);
  expect(res.status).toBe(201);
  return res.json();
}

describe('roles', () => {
  it('a coordinator creates (201) and edits; a clinician cannot create or edit (403)', async () => {
    const created = await createViaApi();
    expect(created).toMatchObject({ version: 1, sex: 'female', pipelines: [], contacts: [] });

    session.user = users.clinician;
    expect((await collection.POST(request('POST', '/candidates', intakeBody()), noParams)).status).toBe(403);
    expect(
      (
        await item.PATCH(
          request('PATCH', `/candidates/${created.id}`, { version: 1, notes: 'x' }),
          idParams(created.id),
        )
      ).status,
    ).toBe(403);
    expect((await item.GET(request('GET', `/candidates/${created.id}`), idParams(created.id))).status).toBe(200);
  });

  it('an admin can read the list and a record but not create or edit', async () => {
    const created = await createViaApi();
    session.user = users.admin;
    expect((await collection.GET(request('GET', '/candidates'), noParams)).status).toBe(200);
    expect((await item.GET(request('GET', `/candidates/${created.id}`), idParams(created.id))).status).toBe(200);
    expect((await collection.POST(request('POST', '/candidates', intakeBody()), noParams)).status).toBe(403);
    expect(
      (
        await item.PATCH(
          request('PATCH', `/candidates/${created.id}`, { version: 1, notes: 'x' }),
          idParams(created.id),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await pipeline.POST(
          request('POST', `/candidates/${created.id}/pipeline`, { trialId: 'x', to: 'REFERRED' }),
          idParams(created.id),
        )
      ).status,
    ).toBe(403);
  });

  it('answers 401 without a session', async () => {
    session.user = null;
    expect((await collection.GET(request('GET', '/candidates'), noParams)).status).toBe(401);
  });
});

describe('intake', () => {
  it('answers 400 with per-field messages', async () => {
    const res = await collection.POST(
      request('POST', '/candidates', { firstName: '', phone: 'call me', dateOfBirth: '2999-01-01' }),
      noParams,
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.fields.firstName).toEqual(['Enter the first name.']);
    expect(body.error.fields.phone[0]).toMatch(/area code/);
    expect(body.error.fields.dateOfBirth).toEqual(['The date of birth must be in the past.']);
  });

  it('the same MRN (in any letter case) is 409 on the mrn field', async () => {
    const created = await createViaApi();
    const res = await collection.POST(
      request('POST', '/candidates', intakeBody({ mrn: created.mrn.toLowerCase() })),
      noParams,
    );
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.fields.mrn).toEqual(['A candidate with this MRN already exists.']);
    expect(body.error.details.candidateId).toBe(created.id);
  });

  it('a similar name with the same date of birth is a possible duplicate until a reason is given', async () => {
    const dateOfBirth = randomDateOfBirth();
    const lastName = uniqueSurname('Sampleton');
    const original = await createViaApi({ firstName: 'Mabel', lastName, dateOfBirth });

    const again = await collection.POST(
      request('POST', '/candidates', intakeBody({ firstName: 'Mabél', lastName: `${lastName}e`, dateOfBirth })),
      noParams,
    );
    expect(again.status).toBe(409);
    const body = await again.json();
    expect(body.error.message).toBe('Possible duplicate');
    expect(body.error.details.matches).toEqual([
      { id: original.id, firstName: 'Mabel', lastName, dateOfBirth, mrn: original.mrn },
    ]);

    // A different birth date is not a duplicate.
    const otherDob = await collection.POST(
      request('POST', '/candidates', intakeBody({ firstName: 'Mabel', lastName, dateOfBirth: '1931-01-01' })),
      noParams,
    );
    expect(otherDob.status).toBe(201);

    const reason = 'Twin sister, different MRN confirmed with the referring clinic';
    const overridden = await collection.POST(
      request(
        'POST',
        '/candidates',
        intakeBody({ firstName: 'Mabél', lastName: `${lastName}e`, dateOfBirth, duplicateOverrideReason: reason }),
      ),
      noParams,
    );
    expect(overridden.status).toBe(201);
    const created = (await overridden.json()) as CandidateDetail;
    expect(created.duplicateOverrideReason).toBe(reason);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'candidate.duplicate_override', entityId: created.id },
    });
    expect(event).toMatchObject({ reason, actorId: users.coordinator.id, requestId: 'req-candidates-api' });
    expect(JSON.stringify(event.after)).toContain(original.id);
  });

  it('creation with a trial puts the candidate at REFERRED with a first history event', async () => {
    const trial = await makeTrial(prisma);
    const created = await createViaApi({ trialId: trial.id });
    expect(created.pipelines).toMatchObject([
      {
        trialId: trial.id,
        stage: 'REFERRED',
        enrollmentId: null,
        armId: null,
        history: [{ fromStage: null, toStage: 'REFERRED', actorName: 'Cora Coordinator' }],
      },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: 'candidate.create', entityId: created.id } })).toBe(1);
  });
});

describe('GET /candidates/{id}', () => {
  it('logs every view (candidate.view) with the reader and request id, and 404s an unknown id without logging', async () => {
    const created = await createViaApi();
    session.user = users.clinician;
    await item.GET(request('GET', `/candidates/${created.id}`), idParams(created.id));
    session.user = users.admin;
    const res = await item.GET(request('GET', `/candidates/${created.id}`), idParams(created.id));
    const body = await res.json();
    expect(body).toMatchObject({ id: created.id, pipelines: [] });
    const views = await prisma.auditEvent.findMany({
      where: { action: 'candidate.view', entityId: created.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(views.map((v) => v.actorId)).toEqual([users.clinician.id, users.admin.id]);
    expect(views[0]).toMatchObject({ entityType: 'Candidate', requestId: 'req-candidates-api' });

    expect((await item.GET(request('GET', '/candidates/nope'), idParams('nope'))).status).toBe(404);
    expect(await prisma.auditEvent.count({ where: { action: 'candidate.view', entityId: 'nope' } })).toBe(0);
  });
});

describe('PATCH /candidates/{id}', () => {
  it('writes changed fields with the current version, audits before/after, and answers 409 to a stale version', async () => {
    const created = await createViaApi({ notes: 'Prefers mornings' });
    const res = await item.PATCH(
      request('PATCH', `/candidates/${created.id}`, {
        version: 1,
        notes: 'Prefers afternoons',
        phone: '(212) 555-0148',
        firstName: created.firstName,
      }),
      idParams(created.id),
    );
    expect(res.status).toBe(200);
    const updated = (await res.json()) as CandidateDetail;
    expect(updated).toMatchObject({ version: 2, notes: 'Prefers afternoons', phone: '(212) 555-0148' });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'candidate.update', entityId: created.id },
    });
    expect(event.before).toEqual({ notes: 'Prefers mornings', phone: created.phone, version: 1 });
    expect(event.after).toEqual({ notes: 'Prefers afternoons', phone: '(212) 555-0148', version: 2 });

    const stale = await item.PATCH(
      request('PATCH', `/candidates/${created.id}`, { version: 1, notes: 'Overwrites?' }),
      idParams(created.id),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.details).toEqual({ reason: 'STALE_VERSION', currentVersion: 2 });
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: created.id } })).notes).toBe('Prefers afternoons');

    expect(
      (await item.PATCH(request('PATCH', `/candidates/${created.id}`, { notes: 'no version' }), idParams(created.id)))
        .status,
    ).toBe(400);
  });

  it('two concurrent edits of the same version: one wins, the other is 409', async () => {
    const created = await createViaApi();
    const results = await Promise.all(
      ['First edit', 'Second edit'].map((notes) =>
        item.PATCH(request('PATCH', `/candidates/${created.id}`, { version: 1, notes }), idParams(created.id)),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(2);
  });

  it('refuses an MRN another candidate has', async () => {
    const [a, b] = [await createViaApi(), await createViaApi()];
    const res = await item.PATCH(request('PATCH', `/candidates/${b.id}`, { version: 1, mrn: a.mrn }), idParams(b.id));
    expect(res.status).toBe(409);
    expect((await res.json()).error.fields.mrn).toHaveLength(1);
  });
});

describe('POST /candidates/{id}/pipeline and /contacts', () => {
  it('moves with the answer codes the issue asks for', async () => {
    const trial = await makeTrial(prisma);
    const created = await createViaApi({ trialId: trial.id });
    const post = (body: unknown) =>
      pipeline.POST(request('POST', `/candidates/${created.id}/pipeline`, body), idParams(created.id));

    const invalid = await post({ trialId: trial.id, to: 'ENROLLED' });
    expect(invalid.status).toBe(409);
    expect((await invalid.json()).error.details.allowed).toEqual([
      'CONTACTED',
      'WITHDRAWN',
      'SCREEN_FAILED',
      'LOST_TO_FOLLOW_UP',
    ]);

    const noReason = await post({ trialId: trial.id, to: 'SCREEN_FAILED' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.fields.reason).toHaveLength(1);

    for (const to of ['CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'])
      expect((await post({ trialId: trial.id, to })).status).toBe(200);
    expect((await post({ trialId: trial.id, to: 'ELIGIBLE' })).status).toBe(403);
    session.user = users.clinician;
    expect((await post({ trialId: trial.id, to: 'ELIGIBLE' })).status).toBe(403);

    // Awaiting review but never checked: the review queue lists checks, so there is nothing for a clinician yet.
    const queue = await reviewQueue.GET(request('GET', `/review-queue?trialId=${trial.id}`), noParams);
    expect((await queue.json()).items).toEqual([]);

    const detail = await (await item.GET(request('GET', `/candidates/${created.id}`), idParams(created.id))).json();
    expect(detail.pipelines[0]).toMatchObject({
      trialId: trial.id,
      stage: 'AWAITING_REVIEW',
      enrollmentId: null,
      armId: null,
    });
    expect(detail.pipelines[0].history).toHaveLength(4);
  });

  it('logs a contact (201, audited) and a first REACHED contact does not move the stage', async () => {
    const trial = await makeTrial(prisma);
    const created = await createViaApi({ trialId: trial.id });
    const res = await contacts.POST(
      request('POST', `/candidates/${created.id}/contacts`, {
        trialId: trial.id,
        method: 'PHONE',
        outcome: 'REACHED',
        notes: 'Interested; call back after work',
        contactedAt: new Date(Date.now() - 60_000).toISOString(),
        nextFollowUpOn: isoDaysAgo(-2),
      }),
      idParams(created.id),
    );
    expect(res.status).toBe(201);
    const contact = await res.json();
    expect(contact).toMatchObject({
      outcome: 'REACHED',
      nextFollowUpOn: isoDaysAgo(-2),
      actor: { id: users.coordinator.id },
    });
    expect(await prisma.auditEvent.count({ where: { action: 'contact.log', entityId: contact.id } })).toBe(1);
    expect((await prisma.pipelineEntry.findFirstOrThrow({ where: { candidateId: created.id } })).stage).toBe(
      'REFERRED',
    );

    session.user = users.clinician;
    const forbidden = await contacts.POST(
      request('POST', `/candidates/${created.id}/contacts`, {
        method: 'PHONE',
        outcome: 'NO_ANSWER',
        contactedAt: new Date().toISOString(),
      }),
      idParams(created.id),
    );
    expect(forbidden.status).toBe(403);
  });
});
