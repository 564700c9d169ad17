import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  CAPPED_SERIES,
  UNCAPPED_SINGLE,
  farFutureMonday,
  makeChairs,
  makeDosingTrial,
  makeEnrollment,
  writeContextFor,
} from '@/lib/infusions/test-support';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { bookSeries } from '@/lib/visits/book-series';
import { ACTIVE_VISIT_STATUSES } from '@/lib/visits/types';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-infusions-booking');

const scheduleRoute = await import('@/app/api/v1/enrollments/[id]/schedule/route');
const previewRoute = await import('@/app/api/v1/enrollments/[id]/schedule/preview/route');
const icsRoute = await import('@/app/api/v1/enrollments/[id]/schedule.ics/route');
const visitsRoute = await import('@/app/api/v1/visits/route');
const visitRoute = await import('@/app/api/v1/visits/[id]/route');
const shiftsRoute = await import('@/app/api/v1/enrollments/[id]/schedule/shifts/route');
const clinicRoute = await import('@/app/api/v1/clinic/route');
const closuresRoute = await import('@/app/api/v1/clinic/closures/route');
const closureRoute = await import('@/app/api/v1/clinic/closures/[id]/route');

const prisma = getTestPrisma();
const TZ = 'America/New_York';
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trialId: string;
let seriesArmId: string;
let singleArmId: string;

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  const made = await makeDosingTrial(prisma, [
    { label: 'Capped series', dosing: CAPPED_SERIES },
    { label: 'Uncapped single', dosing: UNCAPPED_SINGLE },
  ]);
  trialId = made.trial.id;
  [seriesArmId, singleArmId] = made.armIds;
  await makeChairs(prisma, 2);
});

beforeEach(() => {
  session.user = users.coordinator;
});

const BASE = 'http://localhost:3000/api/v1';
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
const noParams = { params: Promise.resolve({}) };

function request(method: string, path: string, body?: unknown) {
  return new NextRequest(`${BASE}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

const ny = (date: string, time: string) => zonedTimeToUtc({ date, time, timeZone: TZ });

async function activeChairIds(): Promise<string[]> {
  return (
    await prisma.chair.findMany({ where: { isActive: true }, select: { id: true }, orderBy: { name: 'asc' } })
  ).map((chair) => chair.id);
}

/** Takes `chairIds` at `start` with visits of a filler participant. */
async function fillChairs(chairIds: string[], start: Date) {
  const { enrollment } = await makeEnrollment(prisma, { trialId, armId: singleArmId });
  for (const chairId of chairIds) {
    await prisma.visit.create({
      data: {
        enrollmentId: enrollment.id,
        sessionNumber: 1,
        scheduledAt: start,
        originalScheduledAt: start,
        durationMin: 100,
        endsAt: new Date(start.getTime() + 100 * 60_000),
        chairId,
      },
    });
  }
}

describe('concurrent booking of the last free chair', () => {
  it('exactly one of two simultaneous bookings succeeds; the other gets 409', async () => {
    const day = farFutureMonday();
    const start = ny(day, '10:00');
    const chairs = await activeChairIds();
    const lastChair = chairs[chairs.length - 1];
    await fillChairs(chairs.slice(0, -1), start);
    const [first, second] = await Promise.all([
      makeEnrollment(prisma, { trialId, armId: singleArmId }),
      makeEnrollment(prisma, { trialId, armId: singleArmId }),
    ]);
    const ctx = writeContextFor(users.coordinator);
    const input = { visits: [{ sessionNumber: 1, scheduledAt: start.toISOString(), chairId: lastChair }] };
    const results = await Promise.allSettled([
      bookSeries({ enrollmentId: first.enrollment.id, input, ctx }),
      bookSeries({ enrollmentId: second.enrollment.id, input, ctx }),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toMatchObject({ code: 'CONFLICT', status: 409 });
    expect(String(rejected[0].reason.message)).toMatch(/Someone booked that slot at the same moment|is full/);
    const onLastChair = await prisma.visit.count({
      where: { chairId: lastChair, scheduledAt: start, status: { in: [...ACTIVE_VISIT_STATUSES] } },
    });
    expect(onLastChair).toBe(1);
  });
});

describe('series booking', () => {
  it('is all-or-nothing: one conflicting session writes nothing, and explains the conflict', async () => {
    const monday = farFutureMonday();
    const wednesday = addDaysToDate(monday, 2);
    const nextMonday = addDaysToDate(monday, 7);
    const nextWednesday = addDaysToDate(monday, 9);
    const chairs = await activeChairIds();
    const chairId = chairs[0];
    await fillChairs([chairId], ny(nextMonday, '10:00'));
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: seriesArmId });
    const visits = [
      { sessionNumber: 1, scheduledAt: ny(monday, '10:00').toISOString(), chairId },
      { sessionNumber: 2, scheduledAt: ny(wednesday, '10:00').toISOString(), chairId },
      { sessionNumber: 3, scheduledAt: ny(nextMonday, '10:00').toISOString(), chairId },
      { sessionNumber: 4, scheduledAt: ny(nextWednesday, '10:00').toISOString(), chairId },
    ];
    const res = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, { visits }),
      idParams(enrollment.id),
    );
    expect(res.status).toBe(409);
    const body = await res.json();
    expect(body.error.details.conflicts).toEqual([
      expect.objectContaining({ sessionNumber: 3, code: 'CHAIR_FULL', message: expect.stringContaining('is full') }),
    ]);
    expect(await prisma.visit.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: 'visit.book_series', entityId: enrollment.id } })).toBe(0);

    // Moved to a free chair, the same series books (201), with endsAt and originalScheduledAt.
    const otherChair = chairs[1];
    const fixed = visits.map((visit) => (visit.sessionNumber === 3 ? { ...visit, chairId: otherChair } : visit));
    const ok = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, { visits: fixed }),
      idParams(enrollment.id),
    );
    expect(ok.status).toBe(201);
    const booked = (await ok.json()).visits;
    expect(booked).toHaveLength(4);
    const rows = await prisma.visit.findMany({
      where: { enrollmentId: enrollment.id },
      orderBy: { sessionNumber: 'asc' },
    });
    expect(rows.map((row) => row.endsAt!.getTime() - row.scheduledAt.getTime())).toEqual(
      [100, 100, 100, 100].map((m) => m * 60_000),
    );
    expect(rows.every((row) => row.originalScheduledAt?.getTime() === row.scheduledAt.getTime())).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'visit.book_series', entityId: enrollment.id },
    });
    expect(event).toMatchObject({ actorId: users.coordinator.id, requestId: 'req-infusions-booking' });

    // Booking an already booked session again is refused.
    const again = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, { visits: [visits[0]] }),
      idParams(enrollment.id),
    );
    expect(again.status).toBe(409);

    // The ICS has every session, without the participant's name.
    const ics = await icsRoute.GET(
      request('GET', `/enrollments/${enrollment.id}/schedule.ics`),
      idParams(enrollment.id),
    );
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toContain('SUMMARY:Infusion session 2 — TrialDesk clinic');
    const candidate = await prisma.candidate.findFirstOrThrow({
      where: { enrollments: { some: { id: enrollment.id } } },
    });
    expect(text).not.toContain(candidate.lastName);

    // The calendar lists them; a reschedule that breaks the interval rules is refused with the conflict.
    const list = await visitsRoute.GET(
      request('GET', `/visits?from=${monday}&to=${nextWednesday}&enrollmentId=${enrollment.id}`),
      noParams,
    );
    expect(list.status).toBe(200);
    expect((await list.json()).visits.map((visit: { sessionNumber: number }) => visit.sessionNumber)).toEqual([
      1, 2, 3, 4,
    ]);
    const tooClose = await visitRoute.PATCH(
      request('PATCH', `/visits/${rows[1].id}`, {
        scheduledAt: ny(addDaysToDate(monday, 1), '10:00').toISOString(),
        reason: 'Participant asked',
        version: 1,
      }),
      idParams(rows[1].id),
    );
    expect(tooClose.status).toBe(409);
    expect((await tooClose.json()).error.details.conflicts[0]).toMatchObject({ sessionNumber: 2, code: 'TOO_CLOSE' });

    // Moving session 2 to Friday keeps 48 h on both sides, but puts Fri, Mon and Wed inside 7 days
    // (at most 2 in any 7 days): moving session 4 is proposed, not applied.
    const moved = await visitRoute.PATCH(
      request('PATCH', `/visits/${rows[1].id}`, {
        scheduledAt: ny(addDaysToDate(monday, 4), '10:00').toISOString(),
        reason: 'Participant asked',
        version: 1,
      }),
      idParams(rows[1].id),
    );
    expect(moved.status).toBe(200);
    const movedBody = await moved.json();
    expect(movedBody.visit).toMatchObject({ version: 2, originalScheduledAt: rows[1].scheduledAt.toISOString() });
    expect(movedBody.shifts.map((shift: { sessionNumber: number }) => shift.sessionNumber)).toEqual([4]);

    // Moving session 3 to Tuesday leaves session 4 (Wednesday) too close: a shift is proposed, not applied.
    const moved3 = await visitRoute.PATCH(
      request('PATCH', `/visits/${rows[2].id}`, {
        scheduledAt: ny(addDaysToDate(nextMonday, 1), '10:00').toISOString(),
        reason: 'Clinic request',
        version: 1,
      }),
      idParams(rows[2].id),
    );
    expect(moved3.status).toBe(200);
    const shifts = (await moved3.json()).shifts;
    expect(shifts).toEqual([expect.objectContaining({ sessionNumber: 4, visitId: rows[3].id, version: 1 })]);
    const session4 = await prisma.visit.findUniqueOrThrow({ where: { id: rows[3].id } });
    expect(session4.scheduledAt.getTime()).toBe(rows[3].scheduledAt.getTime());

    // A follow-up call applies the proposed shift.
    const applied = await shiftsRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule/shifts`, {
        shifts: shifts.map(
          (shift: { visitId: string; version: number; to: { scheduledAt: string; chairId: string } }) => ({
            visitId: shift.visitId,
            version: shift.version,
            scheduledAt: shift.to.scheduledAt,
            chairId: shift.to.chairId,
          }),
        ),
        reason: 'Follows session 3',
      }),
      idParams(enrollment.id),
    );
    expect(applied.status).toBe(200);
    const shifted = await prisma.visit.findUniqueOrThrow({ where: { id: rows[3].id } });
    expect(shifted.scheduledAt.toISOString()).toBe(shifts[0].to.scheduledAt);
    expect(shifted.version).toBe(2);

    // Stale version → 409.
    const stale = await visitRoute.PATCH(
      request('PATCH', `/visits/${rows[1].id}`, { status: 'CANCELLED', reason: 'x', version: 1 }),
      idParams(rows[1].id),
    );
    expect(stale.status).toBe(409);
  });

  it('previews a full series with ISO times that books as proposed', async () => {
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: seriesArmId });
    const startDate = farFutureMonday();
    const res = await previewRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule/preview`, {
        startDate,
        preferredDays: [2, 4],
        preferredTime: '13:00',
      }),
      idParams(enrollment.id),
    );
    expect(res.status).toBe(200);
    const preview = await res.json();
    expect(preview.problems).toEqual([]);
    expect(preview.visits).toHaveLength(4);
    expect(preview.visits[0].scheduledAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const visits = preview.visits.map(
      ({ sessionNumber, scheduledAt, chairId }: { sessionNumber: number; scheduledAt: string; chairId: string }) => ({
        sessionNumber,
        scheduledAt,
        chairId,
      }),
    );
    const booked = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, { visits }),
      idParams(enrollment.id),
    );
    expect(booked.status).toBe(201);
  });
});

describe('missed visits', () => {
  it('marks a past visit missed and proposes a new slot for the session', async () => {
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: seriesArmId });
    const chairs = await activeChairIds();
    const past = new Date(Date.now() - 3 * 3_600_000);
    const visit = await prisma.visit.create({
      data: {
        enrollmentId: enrollment.id,
        sessionNumber: 1,
        scheduledAt: past,
        originalScheduledAt: past,
        durationMin: 100,
        endsAt: new Date(past.getTime() + 100 * 60_000),
        chairId: chairs[0],
      },
    });
    const res = await visitRoute.PATCH(
      request('PATCH', `/visits/${visit.id}`, { status: 'MISSED', reason: 'No show', version: 1 }),
      idParams(visit.id),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      action: 'MISSED',
      visit: { status: 'MISSED', version: 2 },
      rebook: { kind: 'SLOT', proposed: { sessionNumber: 1 } },
    });
    expect(new Date(body.rebook.proposed.scheduledAt).getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.auditEvent.count({ where: { action: 'visit.mark_missed', entityId: visit.id } })).toBe(1);
  });
});

describe('roles', () => {
  it('a clinician cannot book or reschedule (schedule.book is for coordinators)', async () => {
    const { enrollment } = await makeEnrollment(prisma, { trialId, armId: singleArmId });
    session.user = users.clinician;
    const chairs = await activeChairIds();
    const res = await scheduleRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/schedule`, {
        visits: [{ sessionNumber: 1, scheduledAt: ny(farFutureMonday(), '09:00').toISOString(), chairId: chairs[0] }],
      }),
      idParams(enrollment.id),
    );
    expect(res.status).toBe(403);
    expect(await prisma.visit.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
    expect(
      (
        await previewRoute.POST(
          request('POST', `/enrollments/${enrollment.id}/schedule/preview`, { startDate: farFutureMonday() }),
          idParams(enrollment.id),
        )
      ).status,
    ).toBe(403);
    expect((await visitsRoute.GET(request('GET', `/visits?from=2031-01-06&to=2031-01-10`), noParams)).status).toBe(200);
  });

  it('only an admin changes clinic setup; closures are added and removed with audit events', async () => {
    const current = await (await clinicRoute.GET(request('GET', '/clinic'), noParams)).json();
    const update = {
      timeZone: current.timeZone,
      openDays: current.openDays,
      openTime: current.openTime,
      closeTime: current.closeTime,
      slotMinutes: current.slotMinutes,
      monitoringMinutes: current.monitoringMinutes,
      holdSbpAbove: current.holdSbpAbove,
      holdDbpAbove: current.holdDbpAbove,
    };
    expect((await clinicRoute.PUT(request('PUT', '/clinic', update), noParams)).status).toBe(403);
    session.user = users.admin;
    expect((await clinicRoute.PUT(request('PUT', '/clinic', { ...update, closeTime: '07:00' }), noParams)).status).toBe(
      400,
    );
    expect((await clinicRoute.PUT(request('PUT', '/clinic', update), noParams)).status).toBe(200);

    const date = addDaysToDate(farFutureMonday(), 3);
    const added = await closuresRoute.POST(
      request('POST', '/clinic/closures', { date, reason: 'Staff training day' }),
      noParams,
    );
    expect(added.status).toBe(201);
    const { closure } = await added.json();
    expect(
      (await closuresRoute.POST(request('POST', '/clinic/closures', { date, reason: 'Again' }), noParams)).status,
    ).toBe(409);
    expect(
      (await closureRoute.DELETE(request('DELETE', `/clinic/closures/${closure.id}`), idParams(closure.id))).status,
    ).toBe(200);
    expect(
      await prisma.auditEvent.count({
        where: { entityId: closure.id, action: { in: ['clinic.closure_add', 'clinic.closure_remove'] } },
      }),
    ).toBe(2);
  });
});
