import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrollParticipant, makeOutcomeTrial, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// A questionnaire entered as "08:00" is 08:00 on the clinic's clock (its settings' zone), whatever
// zone the browser or the server runs in; decision 0039.

useRequestId('req-clinic-time');

const assessments = await import('@/app/api/v1/assessments/route');
const { getClinicTimeZone } = await import('@/lib/clinic/clock');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trial: Awaited<ReturnType<typeof makeOutcomeTrial>>;
const serverZone = process.env.TZ;

function post(body: unknown) {
  return new NextRequest('http://localhost:3000/api/v1/assessments', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

async function recordAt(administeredAt: string) {
  const { enrollment } = await enrollParticipant(prisma, { trialId: trial.id, armId: trial.arms[0].id });
  const res = await assessments.POST(
    post({
      enrollmentId: enrollment.id,
      instrument: 'PHQ9',
      timepoint: 'BASELINE',
      administeredAt,
      items: phq9Items(12),
    }),
    { params: Promise.resolve({}) },
  );
  return { res, enrollmentId: enrollment.id };
}

async function storedInstant(enrollmentId: string): Promise<string> {
  const row = await prisma.assessment.findFirstOrThrow({ where: { enrollmentId }, select: { administeredAt: true } });
  return row.administeredAt.toISOString();
}

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  trial = await makeOutcomeTrial(prisma);
});

beforeEach(() => {
  session.user = users.clinician;
});

afterEach(() => {
  process.env.TZ = serverZone;
});

describe('POST /api/v1/assessments: a time without an offset is the clinic clock', () => {
  it('[CLINICIAN] records a PHQ-9 at 08:00 clinic time: the stored instant is 08:00 in the clinic zone', async () => {
    // The migration's clinic settings are in New York; the expectation below follows from that zone.
    expect(await getClinicTimeZone()).toBe('America/New_York');
    // A server in Tokyo must not read "08:00" as Tokyo time (Node re-reads TZ when it is set).
    process.env.TZ = 'Asia/Tokyo';
    const { res, enrollmentId } = await recordAt('2026-11-23T08:00');
    expect(res.status).toBe(201);
    // 08:00 EST (UTC−5).
    expect(await storedInstant(enrollmentId)).toBe('2026-11-23T13:00:00.000Z');
    const [audit] = await prisma.auditEvent.findMany({
      where: { action: 'assessment.record', entityId: (await res.json()).id },
    });
    expect(audit.after).toMatchObject({ administeredAt: '2026-11-23T13:00:00.000Z' });
  });

  it('[CLINICIAN] an instant with an offset is stored as sent', async () => {
    const { res, enrollmentId } = await recordAt('2026-11-23T08:00:00+09:00');
    expect(res.status).toBe(201);
    expect(await storedInstant(enrollmentId)).toBe('2026-11-22T23:00:00.000Z');
  });

  it('[CLINICIAN] 01:30 on the fall-back night is the earlier 01:30 (EDT)', async () => {
    const { res, enrollmentId } = await recordAt('2026-11-01T01:30');
    expect(res.status).toBe(201);
    expect(await storedInstant(enrollmentId)).toBe('2026-11-01T05:30:00.000Z');
  });

  it('[CLINICIAN] 02:30 on the spring-forward night never showed on the clinic clock: 400 on administeredAt', async () => {
    const { res, enrollmentId } = await recordAt('2026-03-08T02:30');
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.administeredAt[0]).toBe(
      '02:30 on 2026-03-08 does not exist in America/New_York: the clocks went forward that night. Enter the time the clinic clock showed.',
    );
    expect(await prisma.assessment.count({ where: { enrollmentId } })).toBe(0);
  });

  it('[CLINICIAN] a date without a time is still refused by the schema', async () => {
    const { res } = await recordAt('2026-11-23');
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.administeredAt[0]).toMatch(/^Administered at must be a date and time/);
  });
});
