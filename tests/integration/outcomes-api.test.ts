import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, enrollParticipant, makeOutcomeTrial, outcomeContext, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-outcomes-api');

const assessments = await import('@/app/api/v1/assessments/route');
const corrections = await import('@/app/api/v1/assessments/[id]/corrections/route');
const { listDueAssessments } = await import('@/lib/assessments/list-due-assessments');
const { recordAssessment } = await import('@/lib/assessments/record-assessment');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trial: Awaited<ReturnType<typeof makeOutcomeTrial>>;

const BASE = 'http://localhost:3000/api/v1';
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function post(path: string, body: unknown) {
  return new NextRequest(`${BASE}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

async function newEnrollment() {
  const { enrollment } = await enrollParticipant(prisma, {
    trialId: trial.id,
    armId: trial.arms[0].id,
    sessionDays: [-3, 4],
  });
  return enrollment;
}

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  trial = await makeOutcomeTrial(prisma);
});

beforeEach(() => {
  session.user = users.clinician;
});

describe('POST /api/v1/assessments: roles', () => {
  it('a clinician records a PHQ-9: 201 with total, severity in words and flags; audited', async () => {
    const enrollment = await newEnrollment();
    const res = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: phq9Items(17),
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ total: 17, severity: 'moderately severe', flags: [], subscores: {} });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({
      recordedById: users.clinician.id,
      timepoint: 'BASELINE',
      isComplete: true,
      supersededAt: null,
    });
    const audit = await prisma.auditEvent.findMany({ where: { entityId: body.id } });
    expect(audit.map((event) => event.action)).toEqual(['assessment.record']);
    expect(audit[0]).toMatchObject({ actorId: users.clinician.id, requestId: 'req-outcomes-api' });
  });

  it('a coordinator can record too', async () => {
    session.user = users.coordinator;
    const enrollment = await newEnrollment();
    const res = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: phq9Items(4),
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    expect((await res.json()).severity).toBe('none–minimal');
  });

  it('an admin cannot record (403) and nothing is saved; no session is 401', async () => {
    const enrollment = await newEnrollment();
    session.user = users.admin;
    const res = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: phq9Items(10),
      }),
      noParams,
    );
    expect(res.status).toBe(403);
    session.user = null;
    expect(
      (
        await assessments.POST(
          post('/assessments', {
            enrollmentId: enrollment.id,
            instrument: 'PHQ9',
            timepoint: 'BASELINE',
            items: phq9Items(10),
          }),
          noParams,
        )
      ).status,
    ).toBe(401);
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
    // The lib function refuses an admin on its own as well.
    await expect(
      recordAssessment({
        input: { enrollmentId: enrollment.id, instrument: 'PHQ9', timepoint: 'BASELINE', items: phq9Items(10) },
        ctx: outcomeContext(users.admin),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('POST /api/v1/assessments: validation', () => {
  it('400 with one field per invalid item', async () => {
    const enrollment = await newEnrollment();
    const res = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: [0, 4, 1, -1, 0, 0, 1.5, 0, 0],
      }),
      noParams,
    );
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields).sort()).toEqual(['items.1', 'items.3', 'items.6']);
    expect(error.fields['items.1'][0]).toMatch(/Item 2 .* must be between 0 and 3/);
  });

  it('400 for a wrong item count and for an unknown instrument', async () => {
    const enrollment = await newEnrollment();
    const short = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: [1, 1, 1],
      }),
      noParams,
    );
    expect(short.status).toBe(400);
    expect((await short.json()).error.fields.items[0]).toBe('PHQ9 has 9 item(s); received 3.');

    const unknown = await assessments.POST(
      post('/assessments', { enrollmentId: enrollment.id, instrument: 'HAMD17', timepoint: 'BASELINE', items: [1, 1] }),
      noParams,
    );
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields.instrument[0]).toMatch(
      /^Unknown instrument; expected one of PHQ9, GAD7/,
    );
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
  });

  it('400 for a timepoint outside the trial plan; 404 for an unknown enrollment', async () => {
    const enrollment = await newEnrollment();
    const off = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'AFTER_SESSION_3',
        items: phq9Items(9),
      }),
      noParams,
    );
    expect(off.status).toBe(400);
    expect((await off.json()).error.fields.timepoint[0]).toMatch(
      /not a PHQ9 timepoint in this trial's assessment plan/,
    );
    const gad = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'GAD7',
        timepoint: 'BASELINE',
        items: [1, 1, 1, 1, 1, 1, 1],
      }),
      noParams,
    );
    expect(gad.status).toBe(400);
    const missing = await assessments.POST(
      post('/assessments', {
        enrollmentId: 'no-such-enrollment',
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: phq9Items(9),
      }),
      noParams,
    );
    expect(missing.status).toBe(404);
  });

  it('a second record at the same timepoint is 409 (correct it instead)', async () => {
    const enrollment = await newEnrollment();
    const body = { enrollmentId: enrollment.id, instrument: 'PHQ9', timepoint: 'BASELINE', items: phq9Items(12) };
    const [first, second] = await Promise.all([
      assessments.POST(post('/assessments', body), noParams),
      assessments.POST(post('/assessments', body), noParams),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(1);
  });

  it('PHQ-9 item 9 above 0 is flagged and audited as a safety flag', async () => {
    const enrollment = await newEnrollment();
    const res = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: phq9Items(14, 2),
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.flags).toEqual(['PHQ9_ITEM9']);
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: body.id }, orderBy: { createdAt: 'asc' } }))
      .map((event) => event.action)
      .sort();
    expect(actions).toEqual(['assessment.record', 'assessment.safety_flag']);
  });

  it('BPI-SF has no total but a severity subscore', async () => {
    const enrollment = await newEnrollment();
    const res = await assessments.POST(
      post('/assessments', {
        enrollmentId: enrollment.id,
        instrument: 'BPI_SF',
        timepoint: 'BASELINE',
        items: [8, 4, 6, 6, 5, 5, 5, 5, null, null, null],
      }),
      noParams,
    );
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      total: null,
      severity: null,
      subscores: { severity: 6, interference: 5 },
    });
  });
});

describe('POST /api/v1/assessments/{id}/corrections', () => {
  it('keeps the old value, supersedes it and audits before/after totals with the reason', async () => {
    const enrollment = await newEnrollment();
    const recorded = await (
      await assessments.POST(
        post('/assessments', {
          enrollmentId: enrollment.id,
          instrument: 'PHQ9',
          timepoint: 'BASELINE',
          items: phq9Items(12),
        }),
        noParams,
      )
    ).json();

    session.user = users.coordinator;
    const res = await corrections.POST(
      post(`/assessments/${recorded.id}/corrections`, {
        items: phq9Items(15),
        reason: 'Item 3 transcribed from the wrong column',
      }),
      idParams(recorded.id),
    );
    expect(res.status).toBe(201);
    const corrected = await res.json();
    expect(corrected).toMatchObject({ total: 15, severity: 'moderately severe', correctsId: recorded.id });

    const old = await prisma.assessment.findUniqueOrThrow({ where: { id: recorded.id } });
    expect(old.total).toBe(12);
    expect(old.items).toEqual(phq9Items(12));
    expect(old.supersededAt).not.toBeNull();
    const fresh = await prisma.assessment.findUniqueOrThrow({ where: { id: corrected.id } });
    expect(fresh).toMatchObject({
      correctsId: recorded.id,
      correctionReason: 'Item 3 transcribed from the wrong column',
      supersededAt: null,
      recordedById: users.coordinator.id,
    });
    expect(fresh.administeredAt.getTime()).toBe(old.administeredAt.getTime());

    const [audit] = await prisma.auditEvent.findMany({
      where: { entityId: corrected.id, action: 'assessment.correct' },
    });
    expect(audit).toMatchObject({ actorId: users.coordinator.id, reason: 'Item 3 transcribed from the wrong column' });
    expect(audit.before).toMatchObject({ assessmentId: recorded.id, total: 12 });
    expect(audit.after).toMatchObject({ assessmentId: corrected.id, total: 15 });

    // The old row cannot be corrected again; the new one can. A reason is required.
    const again = await corrections.POST(
      post(`/assessments/${recorded.id}/corrections`, { items: phq9Items(16), reason: 'Second thoughts on item 2' }),
      idParams(recorded.id),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.details.assessmentId).toBe(corrected.id);
    const noReason = await corrections.POST(
      post(`/assessments/${corrected.id}/corrections`, { items: phq9Items(16) }),
      idParams(corrected.id),
    );
    expect(noReason.status).toBe(400);
    expect(Object.keys((await noReason.json()).error.fields)).toEqual(['reason']);
    const badItems = await corrections.POST(
      post(`/assessments/${corrected.id}/corrections`, { items: [9, 9], reason: 'Recounted with the participant' }),
      idParams(corrected.id),
    );
    expect(badItems.status).toBe(400);
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(2);

    session.user = users.admin;
    expect(
      (
        await corrections.POST(
          post(`/assessments/${corrected.id}/corrections`, {
            items: phq9Items(1),
            reason: 'Admin should not be able to',
          }),
          idParams(corrected.id),
        )
      ).status,
    ).toBe(403);
  });
});

describe('listDueAssessments', () => {
  it('marks done, overdue and upcoming items from the plan', async () => {
    const now = new Date();
    const { enrollment } = await enrollParticipant(prisma, {
      trialId: trial.id,
      armId: trial.arms[1].id,
      enrolledDaysAgo: 10,
      sessionDays: [-4, 3],
      now,
    });
    await recordAssessment({
      input: {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: phq9Items(11),
        administeredAt: new Date(now.getTime() - 10 * DAY_MS).toISOString(),
      },
      ctx: outcomeContext(users.clinician),
    });
    const { rows } = await listDueAssessments({ enrollmentId: enrollment.id, now });
    const status = Object.fromEntries(rows.map((row) => [`${row.instrument} ${row.timepoint}`, row.status]));
    expect(status).toEqual({
      'PHQ9 BASELINE': 'done',
      'PHQ9 AFTER_SESSION_1': 'overdue',
      'PHQ9 DAYS_AFTER_LAST_7': 'upcoming',
      'BPI_SF BASELINE': 'overdue',
      'BPI_SF AFTER_SESSION_1': 'overdue',
    });
    expect(rows[0].status).toBe('overdue');
    const followUp = rows.find((row) => row.timepoint === 'DAYS_AFTER_LAST_7');
    expect(followUp?.isProjected).toBe(true);
  });
});
