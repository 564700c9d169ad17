import { jsonRequest, session, useRequestId } from '@/tests/helpers/route-harness';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  UNCAPPED_SINGLE,
  chairFillingMonday,
  farFutureMonday,
  makeChairs,
  makeDosingTrial,
  makeEnrollment,
} from '@/lib/infusions/test-support';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { dosingProtocolSchema } from '@/lib/validations/dosing';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// Perioperative sessions through the booking endpoints: booked, moved and shifted without a chair, even when every
// chair is taken; a chair session still needs its chair (lib/scheduling/session-policy.ts, decision 0042).

useRequestId('req-periop-sessions');

const scheduleRoute = await import('@/app/api/v1/enrollments/[id]/schedule/route');
const previewRoute = await import('@/app/api/v1/enrollments/[id]/schedule/preview/route');
const visitsRoute = await import('@/app/api/v1/visits/route');
const visitRoute = await import('@/app/api/v1/visits/[id]/route');
const shiftsRoute = await import('@/app/api/v1/enrollments/[id]/schedule/shifts/route');

/** Two perioperative infusions of 24 h each, 48 h to 7 days apart (the Mayo trial has one; two let a move shift the other). */
const PERIOPERATIVE_PAIR = dosingProtocolSchema.parse({
  ...UNCAPPED_SINGLE,
  infusionMinutes: null,
  sessionCount: 2,
  minHoursBetweenSessions: 48,
  maxDaysBetweenSessions: 7,
  sessionKind: 'PERIOPERATIVE',
  sessionDurationMinutes: 24 * 60,
});

const prisma = getTestPrisma();
const TZ = 'America/New_York';
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trialId: string;
let periopArmId: string;
let chairArmId: string;

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  const made = await makeDosingTrial(prisma, [
    { label: 'Perioperative pair', dosing: PERIOPERATIVE_PAIR },
    { label: 'Chair single', dosing: UNCAPPED_SINGLE },
  ]);
  trialId = made.trial.id;
  [periopArmId, chairArmId] = made.armIds;
  await makeChairs(prisma, 2);
});

beforeEach(() => {
  session.user = users.coordinator;
});

const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };
const ny = (date: string, time: string) => zonedTimeToUtc({ date, time, timeZone: TZ });

const request = jsonRequest;

/** Takes every active chair of the clinic for the whole open day of each date, with a filler participant's visits. */
async function fillAllChairs(dates: string[]) {
  const chairs = await prisma.chair.findMany({ where: { isActive: true }, select: { id: true } });
  const { enrollment } = await makeEnrollment(prisma, { trialId, armId: chairArmId });
  for (const date of dates) {
    for (const chair of chairs) {
      const start = ny(date, '08:00');
      await prisma.visit.create({
        data: {
          enrollmentId: enrollment.id,
          sessionNumber: 1,
          scheduledAt: start,
          originalScheduledAt: start,
          durationMin: 540,
          endsAt: ny(date, '17:00'),
          chairId: chair.id,
        },
      });
    }
  }
}

describe('a perioperative series', () => {
  it('[COORDINATOR] proposes and books it without a chair while every chair is full, then moves and shifts it chairless', async () => {
    const monday = chairFillingMonday();
    const wednesday = addDaysToDate(monday, 2);
    await fillAllChairs([monday, addDaysToDate(monday, 1), wednesday, addDaysToDate(monday, 3)]);
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: periopArmId });

    const preview = await previewRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule/preview`, { startDate: monday, preferredTime: '09:00' }),
      idParams(enrollment.id),
    );
    expect(preview.status).toBe(200);
    const proposal = await preview.json();
    expect(proposal).toMatchObject({
      problems: [],
      chairMinutes: null,
      session: { kind: 'PERIOPERATIVE', needsChair: false, minutes: 1440 },
    });
    expect(proposal.session.description).toBe('Perioperative · 24 h · no chair');
    expect(
      proposal.visits.map((visit: { localDate: string; chairId: string | null }) => [visit.localDate, visit.chairId]),
    ).toEqual([
      [monday, null],
      [wednesday, null],
    ]);

    const visits = [
      { sessionNumber: 1, scheduledAt: ny(monday, '09:00').toISOString() },
      { sessionNumber: 2, scheduledAt: ny(wednesday, '09:00').toISOString(), chairId: null },
    ];
    const booked = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, { visits }),
      idParams(enrollment.id),
    );
    expect(booked.status).toBe(201);
    const bookedVisits = (await booked.json()).visits;
    expect(bookedVisits).toEqual([
      expect.objectContaining({
        sessionNumber: 1,
        chairId: null,
        sessionKind: 'PERIOPERATIVE',
        sessionDescription: 'Perioperative · 24 h · no chair',
        durationMin: 1440,
        endsAt: ny(addDaysToDate(monday, 1), '09:00').toISOString(),
      }),
      expect.objectContaining({ sessionNumber: 2, chairId: null, sessionKind: 'PERIOPERATIVE' }),
    ]);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'visit.book_series', entityId: enrollment.id },
    });
    expect(event.after).toMatchObject({ visits: [{ sessionKind: 'PERIOPERATIVE' }, { sessionKind: 'PERIOPERATIVE' }] });

    const list = await visitsRoute.GET(
      request('GET', `/visits?from=${monday}&to=${wednesday}&enrollmentId=${enrollment.id}`),
      noParams,
    );
    expect((await list.json()).visits.map((visit: { sessionKind: string }) => visit.sessionKind)).toEqual([
      'PERIOPERATIVE',
      'PERIOPERATIVE',
    ]);

    // Naming a chair when moving it is refused; moving session 1 to Tuesday leaves session 2 too close.
    const [first, second] = bookedVisits;
    const withChair = await visitRoute.PATCH(
      request('PATCH', `/visits/${first.id}`, {
        scheduledAt: ny(addDaysToDate(monday, 1), '09:00').toISOString(),
        chairId: (await prisma.chair.findFirstOrThrow({ where: { isActive: true } })).id,
        reason: 'Surgery moved',
        version: 1,
      }),
      idParams(first.id),
    );
    expect(withChair.status).toBe(400);
    expect((await withChair.json()).error.fields.chairId).toEqual([
      'A perioperative session is booked without an infusion chair; leave the chair empty',
    ]);

    const moved = await visitRoute.PATCH(
      request('PATCH', `/visits/${first.id}`, {
        scheduledAt: ny(addDaysToDate(monday, 1), '09:00').toISOString(),
        reason: 'Surgery moved',
        version: 1,
      }),
      idParams(first.id),
    );
    expect(moved.status).toBe(200);
    const movedBody = await moved.json();
    expect(movedBody.visit).toMatchObject({ chairId: null, sessionKind: 'PERIOPERATIVE', version: 2 });
    expect(movedBody.shifts).toEqual([
      expect.objectContaining({
        visitId: second.id,
        from: expect.objectContaining({ chairId: null }),
        to: expect.objectContaining({ localDate: addDaysToDate(monday, 3), chairId: null }),
      }),
    ]);

    const applied = await shiftsRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule/shifts`, {
        shifts: movedBody.shifts.map(
          (shift: { visitId: string; version: number; to: { scheduledAt: string; chairId: string | null } }) => ({
            visitId: shift.visitId,
            version: shift.version,
            scheduledAt: shift.to.scheduledAt,
            chairId: shift.to.chairId,
          }),
        ),
        reason: 'Follows session 1',
      }),
      idParams(enrollment.id),
    );
    expect(applied.status).toBe(200);
    const rows = await prisma.visit.findMany({
      where: { enrollmentId: enrollment.id },
      orderBy: { sessionNumber: 'asc' },
    });
    expect(rows.map((row) => [row.chairId, row.sessionKind, row.durationMin])).toEqual([
      [null, 'PERIOPERATIVE', 1440],
      [null, 'PERIOPERATIVE', 1440],
    ]);
  });

  it('[COORDINATOR] gets a 400 naming the field when a chair is given for a perioperative session', async () => {
    const monday = farFutureMonday();
    const chair = await prisma.chair.findFirstOrThrow({ where: { isActive: true } });
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: periopArmId });
    const res = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, {
        visits: [{ sessionNumber: 1, scheduledAt: ny(monday, '09:00').toISOString(), chairId: chair.id }],
      }),
      idParams(enrollment.id),
    );
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.message).toBe(
      'A perioperative session is booked without an infusion chair; leave the chair empty',
    );
    expect(Object.keys(body.error.fields)).toEqual(['visits.0.chairId']);
    expect(await prisma.visit.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
  });
});

describe('a chair session', () => {
  it('[COORDINATOR] still needs a chair: none given is a 400, and full chairs are a 409', async () => {
    const monday = chairFillingMonday();
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: chairArmId });
    const noChair = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, {
        visits: [{ sessionNumber: 1, scheduledAt: ny(monday, '09:00').toISOString() }],
      }),
      idParams(enrollment.id),
    );
    expect(noChair.status).toBe(400);
    expect((await noChair.json()).error.fields['visits.0.chairId']).toEqual(['Choose a chair']);

    await fillAllChairs([monday]);
    const chair = await prisma.chair.findFirstOrThrow({ where: { isActive: true } });
    const full = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, {
        visits: [{ sessionNumber: 1, scheduledAt: ny(monday, '09:00').toISOString(), chairId: chair.id }],
      }),
      idParams(enrollment.id),
    );
    expect(full.status).toBe(409);
    expect((await full.json()).error.details.conflicts).toEqual([
      expect.objectContaining({ sessionNumber: 1, code: 'CHAIR_FULL' }),
    ]);
    expect(await prisma.visit.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
  });
});
