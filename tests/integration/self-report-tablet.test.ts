import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrollParticipant, makeOutcomeTrial, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-tablet');

const startRoute = await import('@/app/api/v1/enrollments/[id]/tablet-session/route');
const queueRoute = await import('@/app/api/v1/tablet/route');
const answersRoute = await import('@/app/api/v1/tablet/answers/route');
const endRoute = await import('@/app/api/v1/tablet/end/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trial: Awaited<ReturnType<typeof makeOutcomeTrial>>;
const noParams = { params: Promise.resolve({}) };

function request(method: string, path: string, options: { body?: unknown; cookie?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', host: 'localhost:3000' };
  if (options.cookie) headers.cookie = options.cookie;
  return new NextRequest(`http://localhost:3000/api/v1${path}`, {
    method,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    headers,
  });
}

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  trial = await makeOutcomeTrial(prisma, {
    plan: [
      { instrument: 'PHQ9', timepoint: 'BASELINE', windowBeforeDays: 30 },
      { instrument: 'PHQ9', timepoint: 'AFTER_SESSION_1', windowAfterDays: 1 },
      { instrument: 'BPI_SF', timepoint: 'BASELINE', windowBeforeDays: 30 },
    ],
  });
});

beforeEach(() => {
  session.user = users.coordinator;
});

async function start(pin = '4826') {
  const { enrollment } = await enrollParticipant(prisma, {
    trialId: trial.id,
    armId: trial.arms[0].id,
    sessionDays: [-1, 5],
  });
  const response = await startRoute.POST(
    request('POST', `/enrollments/${enrollment.id}/tablet-session`, { body: { pin } }),
    { params: Promise.resolve({ id: enrollment.id }) },
  );
  return { enrollment, response };
}

const cookieOf = (response: Response) => {
  const match = /td_tablet=([^;]+)/.exec(response.headers.get('set-cookie') ?? '');
  return match ? `td_tablet=${match[1]}` : '';
};

describe('clinic tablet mode', () => {
  it('[COORDINATOR] hands the tablet over: due self-report questionnaires are queued, the staff session cookie is removed', async () => {
    const { response } = await start();
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ queued: 2 });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/td_tablet=[A-Za-z0-9_-]{43}; Path=\/; .*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=strict/i);
    expect(setCookie).toMatch(/next-auth\.session-token=;/);
  });

  it('[ADMIN] cannot start tablet mode (403)', async () => {
    session.user = users.admin;
    expect((await start()).response.status).toBe(403);
  });

  it('walks the participant through the queue, records PATIENT answers, and ends only with the PIN', async () => {
    const { enrollment, response } = await start('7391');
    const cookie = cookieOf(response);
    session.user = null; // the device no longer has a staff session

    const first = await (await queueRoute.GET(request('GET', '/tablet', { cookie }), noParams)).json();
    expect(first).toMatchObject({ remaining: 2, answered: 0 });
    expect(first.next.form.code).toBe('PHQ9');
    const answered = await answersRoute.POST(
      request('POST', '/tablet/answers', { cookie, body: { linkId: first.next.linkId, items: phq9Items(8) } }),
      noParams,
    );
    expect(answered.status).toBe(201);
    // The same questionnaire cannot be sent twice.
    expect(
      (
        await answersRoute.POST(
          request('POST', '/tablet/answers', { cookie, body: { linkId: first.next.linkId, items: phq9Items(8) } }),
          noParams,
        )
      ).status,
    ).toBe(410);

    const second = await (await queueRoute.GET(request('GET', '/tablet', { cookie }), noParams)).json();
    expect(second.remaining).toBe(1);
    await answersRoute.POST(
      request('POST', '/tablet/answers', { cookie, body: { linkId: second.next.linkId, items: phq9Items(6) } }),
      noParams,
    );
    const done = await (await queueRoute.GET(request('GET', '/tablet', { cookie }), noParams)).json();
    expect(done).toMatchObject({ next: null, remaining: 0, answered: 2 });
    const rows = await prisma.assessment.findMany({ where: { enrollmentId: enrollment.id } });
    expect(rows.map((row) => row.source)).toEqual(['PATIENT', 'PATIENT']);
    expect(rows.every((row) => row.recordedById === null)).toBe(true);

    const wrong = await endRoute.POST(request('POST', '/tablet/end', { cookie, body: { pin: '0000' } }), noParams);
    expect(wrong.status).toBe(403);
    const ended = await endRoute.POST(request('POST', '/tablet/end', { cookie, body: { pin: '7391' } }), noParams);
    expect(ended.status).toBe(200);
    expect(ended.headers.get('set-cookie')).toMatch(/td_tablet=;/);
    expect((await queueRoute.GET(request('GET', '/tablet', { cookie }), noParams)).status).toBe(401);
  });

  it('refuses answers for a link that is not on this tablet (404) and a missing cookie (401)', async () => {
    const { response } = await start();
    const cookie = cookieOf(response);
    expect(
      (
        await answersRoute.POST(
          request('POST', '/tablet/answers', { cookie, body: { linkId: 'not-a-link', items: phq9Items(3) } }),
          noParams,
        )
      ).status,
    ).toBe(404);
    expect((await queueRoute.GET(request('GET', '/tablet'), noParams)).status).toBe(401);
  });

  it('locks the PIN after five wrong tries: only a staff sign-in ends it then', async () => {
    const { response } = await start('5555');
    const cookie = cookieOf(response);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(
        (await endRoute.POST(request('POST', '/tablet/end', { cookie, body: { pin: '1111' } }), noParams)).status,
      ).toBe(403);
    }
    const locked = await endRoute.POST(request('POST', '/tablet/end', { cookie, body: { pin: '5555' } }), noParams);
    expect(locked.status).toBe(403);
    expect((await locked.json()).error.message).toMatch(/staff member must sign in/);
  });

  it('answers 409 when nothing the participant can answer is due', async () => {
    const quiet = await makeOutcomeTrial(prisma, {
      plan: [{ instrument: 'BPI_SF', timepoint: 'BASELINE', windowBeforeDays: 30 }],
    });
    const { enrollment } = await enrollParticipant(prisma, {
      trialId: quiet.id,
      armId: quiet.arms[0].id,
      sessionDays: [-1],
    });
    const response = await startRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/tablet-session`, { body: { pin: '1234' } }),
      { params: Promise.resolve({ id: enrollment.id }) },
    );
    expect(response.status).toBe(409);
  });
});
