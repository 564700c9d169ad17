import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  TEST_PASSWORD,
  farFutureMonday,
  makeChairs,
  makeDosingTrial,
  makeEnrollment,
} from '@/lib/infusions/test-support';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { NCT06419439_DOSING, NCT06668571_DOSING, dosingProtocolSchema } from '@/lib/validations/dosing';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-spacing');

const scheduleRoute = await import('@/app/api/v1/enrollments/[id]/schedule/route');
const visitRoute = await import('@/app/api/v1/visits/[id]/route');
const vitalsRoute = await import('@/app/api/v1/visits/[id]/vitals/route');
const verifyRoute = await import('@/app/api/v1/visits/[id]/dose-verification/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let twiceWeeklyArmId: string;
let extensionArmId: string;
let trialId: string;
let chairId: string;
const ny = (date: string, time: string) => zonedTimeToUtc({ date, time, timeZone: 'America/New_York' });
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const request = (method: string, path: string, body?: unknown) =>
  new NextRequest(`http://localhost:3000/api/v1${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  // NCT06419439 as its page states it (twice weekly, no numbers) and NCT06668571 with its open-label extension.
  const stated = dosingProtocolSchema.parse({
    ...NCT06419439_DOSING,
    minHoursBetweenSessions: null,
    maxDaysBetweenSessions: null,
    infusionMinutes: 40,
  });
  const made = await makeDosingTrial(prisma, [
    { label: 'Twice weekly as stated', dosing: stated },
    { label: 'Single with extension', dosing: NCT06668571_DOSING },
  ]);
  trialId = made.trial.id;
  [twiceWeeklyArmId, extensionArmId] = made.armIds;
  chairId = (await makeChairs(prisma, 1))[0].id;
});

beforeEach(() => {
  session.user = users.coordinator;
});

const book = (enrollmentId: string, visits: Array<{ sessionNumber: number; scheduledAt: Date }>) =>
  scheduleRoute.POST(
    request('POST', `/enrollments/${enrollmentId}/schedule`, {
      visits: visits.map((visit) => ({ ...visit, scheduledAt: visit.scheduledAt.toISOString(), chairId })),
    }),
    params(enrollmentId),
  );

describe('twice weekly with no numbers: ≥ 48 h and ≤ 7 days apart, ≤ 2 in any 7 days', () => {
  it('refuses Mon + Tue (409 naming 48 h), a 9-day gap (409 naming 7 days) and 3 in 6 days; books Mon/Thu', async () => {
    const monday = farFutureMonday();
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: twiceWeeklyArmId });
    const at = (offset: number, time = '09:00') => ny(addDaysToDate(monday, offset), time);
    const tooClose = await book(enrollment.id, [
      { sessionNumber: 1, scheduledAt: at(0) },
      { sessionNumber: 2, scheduledAt: at(1) },
    ]);
    expect(tooClose.status).toBe(409);
    expect((await tooClose.json()).error.message).toMatch(/48 h/);
    const tooFar = await book(enrollment.id, [
      { sessionNumber: 1, scheduledAt: at(0) },
      { sessionNumber: 2, scheduledAt: at(9) },
    ]);
    expect(tooFar.status).toBe(409);
    expect((await tooFar.json()).error.message).toMatch(/7 days/);
    const crowded = await book(enrollment.id, [
      { sessionNumber: 1, scheduledAt: at(0) },
      { sessionNumber: 2, scheduledAt: at(2) },
      { sessionNumber: 3, scheduledAt: at(4) },
    ]);
    expect(crowded.status).toBe(409);
    expect((await crowded.json()).error.message).toMatch(/2 in any 7 days/);
    expect(await prisma.visit.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
    const good = await book(
      enrollment.id,
      [0, 3, 7, 10].map((offset, index) => ({ sessionNumber: index + 1, scheduledAt: at(offset) })),
    );
    expect(good.status).toBe(201);
  });
});

describe('the open-label extension (NCT06668571: 1–7 days after the blinded infusion)', () => {
  async function completedSeries() {
    const monday = farFutureMonday();
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: extensionArmId });
    const at = (offset: number) => ny(addDaysToDate(monday, offset), '10:00');
    expect((await book(enrollment.id, [{ sessionNumber: 1, scheduledAt: at(0) }])).status).toBe(201);
    return { enrollment, at };
  }

  it('cannot be booked before the blinded session is completed (409)', async () => {
    const { enrollment, at } = await completedSeries();
    const early = await book(enrollment.id, [{ sessionNumber: 2, scheduledAt: at(1) }]);
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toMatch(/once session 1 is completed/);
  });

  it('is booked as session 2 inside the window (day 1 and day 7), refused on day 0 and day 8 naming the window, and gets its own dose', async () => {
    const { enrollment, at } = await completedSeries();
    await prisma.visit.updateMany({
      where: { enrollmentId: enrollment.id, sessionNumber: 1 },
      data: { status: 'COMPLETED', checkedInAt: at(0), completedAt: at(0) },
    });
    const day8 = await book(enrollment.id, [{ sessionNumber: 2, scheduledAt: at(8) }]);
    expect(day8.status).toBe(409);
    expect((await day8.json()).error.message).toMatch(/must be 1–7 days after session 1 .* is day 8/);
    const day0 = await book(enrollment.id, [
      {
        sessionNumber: 2,
        scheduledAt: ny(
          addDaysToDate(
            (await prisma.visit.findFirstOrThrow({ where: { enrollmentId: enrollment.id } })).scheduledAt
              .toISOString()
              .slice(0, 10),
            0,
          ),
          '15:00',
        ),
      },
    ]);
    expect(day0.status).toBe(409);
    expect((await book(enrollment.id, [{ sessionNumber: 3, scheduledAt: at(2) }])).status).toBe(409);
    const day7 = await book(enrollment.id, [{ sessionNumber: 2, scheduledAt: at(7) }]);
    expect(day7.status).toBe(201);
    const [extension] = (await day7.json()).visits;
    expect(extension.sessionNumber).toBe(2);

    // On its infusion day the extension has its own dose: 0.5 mg/kg capped at 50 mg.
    await prisma.visit.update({
      where: { id: extension.id },
      data: { status: 'CHECKED_IN', checkedInAt: new Date(), isDriverConfirmed: true, hasNoNewExclusion: true },
    });
    session.user = users.clinician;
    expect(
      (
        await vitalsRoute.POST(
          request('POST', `/visits/${extension.id}/vitals`, {
            timepoint: 'PRE',
            sbp: 120,
            dbp: 78,
            heartRate: 70,
            spo2: 98,
          }),
          params(extension.id),
        )
      ).status,
    ).toBe(201);
    const verified = await verifyRoute.POST(
      request('POST', `/visits/${extension.id}/dose-verification`, { weightKg: 120, password: TEST_PASSWORD }),
      params(extension.id),
    );
    expect(verified.status).toBe(201);
    const body = await verified.json();
    expect(body).toMatchObject({ doseMg: 50, isCapped: true });
    expect(body.steps.join(' ')).toMatch(/open-label/i);
    const day = await (await visitRoute.GET(request('GET', `/visits/${extension.id}`), params(extension.id))).json();
    expect(day.visit.sessionNumber).toBe(2);
  });

  it('accepts day 1 as well', async () => {
    const { enrollment, at } = await completedSeries();
    await prisma.visit.updateMany({
      where: { enrollmentId: enrollment.id, sessionNumber: 1 },
      data: { status: 'COMPLETED', checkedInAt: at(0), completedAt: at(0) },
    });
    expect((await book(enrollment.id, [{ sessionNumber: 2, scheduledAt: at(1) }])).status).toBe(201);
  });
});
