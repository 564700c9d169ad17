import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrollParticipant, makeOutcomeTrial, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-safety');

const assessments = await import('@/app/api/v1/assessments/route');
const corrections = await import('@/app/api/v1/assessments/[id]/corrections/route');
const alertsRoute = await import('@/app/api/v1/safety-alerts/route');
const acknowledgeRoute = await import('@/app/api/v1/safety-alerts/[id]/acknowledge/route');
const aeRoute = await import('@/app/api/v1/visits/[id]/adverse-events/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trial: Awaited<ReturnType<typeof makeOutcomeTrial>>;
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, path: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000/api/v1${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

const bdiItems = (item9: number) => Array.from({ length: 21 }, (_, index) => (index === 8 ? item9 : 1));
const qidsItems = (item12: number) => Array.from({ length: 16 }, (_, index) => (index === 11 ? item12 : 1));

async function participant() {
  const { enrollment } = await enrollParticipant(prisma, {
    trialId: trial.id,
    armId: trial.arms[0].id,
    sessionDays: [-2, 5],
  });
  return enrollment;
}

async function record(enrollmentId: string, instrument: string, items: number[], timepoint = 'BASELINE') {
  const response = await assessments.POST(
    request('POST', '/assessments', { enrollmentId, instrument, timepoint, items }),
    noParams,
  );
  expect(response.status).toBe(201);
  return response.json();
}

const openAlerts = async (enrollmentId: string) =>
  (
    await (
      await alertsRoute.GET(request('GET', `/safety-alerts?status=open&enrollmentId=${enrollmentId}`), noParams)
    ).json()
  ).alerts;

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  trial = await makeOutcomeTrial(prisma, {
    masking: 'TRIPLE',
    plan: [
      { instrument: 'PHQ9', timepoint: 'BASELINE' },
      { instrument: 'BDI_II', timepoint: 'BASELINE' },
      { instrument: 'QIDS_SR16', timepoint: 'BASELINE' },
    ],
  });
});

beforeEach(() => {
  session.user = users.coordinator;
});

describe('alerts opened by answers', () => {
  it('PHQ-9 item 9 = 1 opens one alert; item 9 = 0 opens none', async () => {
    const quiet = await participant();
    await record(quiet.id, 'PHQ9', phq9Items(10, 0));
    expect(await openAlerts(quiet.id)).toEqual([]);
    const flagged = await participant();
    const assessment = await record(flagged.id, 'PHQ9', phq9Items(10, 1));
    expect(assessment.flags).toEqual(['PHQ9_ITEM9']);
    const alerts = await openAlerts(flagged.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'SUICIDALITY', status: 'OPEN', source: { assessmentId: assessment.id } });
    expect(alerts[0].summary).toMatch(/PHQ-9 item 9/);
    expect(await prisma.auditEvent.count({ where: { action: 'safety_alert.open', entityId: alerts[0].id } })).toBe(1);
  });

  it('BDI-II item 9 opens its own alert, named BDI-II, not PHQ-9', async () => {
    const enrollment = await participant();
    const assessment = await record(enrollment.id, 'BDI_II', bdiItems(1));
    expect(assessment.flags).toEqual(['BDI2_ITEM9']);
    const [alert] = await openAlerts(enrollment.id);
    expect(alert.summary).toMatch(/BDI-II item 9/);
    expect(alert.summary).not.toMatch(/PHQ/);
  });

  it('QIDS-SR16 item 12 at 1 opens an alert', async () => {
    const enrollment = await participant();
    await record(enrollment.id, 'QIDS_SR16', qidsItems(1));
    expect(await openAlerts(enrollment.id)).toHaveLength(1);
  });

  it('a correction that adds a suicidality answer opens an alert', async () => {
    const enrollment = await participant();
    const original = await record(enrollment.id, 'PHQ9', phq9Items(8, 0));
    session.user = users.clinician;
    const corrected = await corrections.POST(
      request('POST', `/assessments/${original.id}/corrections`, {
        items: phq9Items(8, 2),
        reason: 'Item 9 was mis-keyed',
      }),
      idParams(original.id),
    );
    expect(corrected.status).toBe(201);
    expect(await openAlerts(enrollment.id)).toHaveLength(1);
  });

  it('alert text never names the arm of a masked trial', async () => {
    const enrollment = await participant();
    await record(enrollment.id, 'PHQ9', phq9Items(12, 3));
    const body = JSON.stringify(await openAlerts(enrollment.id));
    for (const arm of trial.arms) {
      expect(body).not.toContain(arm.id);
      expect(body).not.toContain(arm.label);
    }
  });
});

describe('alerts opened by serious adverse events', () => {
  it('a serious adverse event through the visit route opens one alert; a non-serious one does not', async () => {
    const enrollment = await participant();
    const visit = await prisma.visit.findFirstOrThrow({ where: { enrollmentId: enrollment.id, sessionNumber: 1 } });
    session.user = users.clinician;
    const event = {
      grade: 2,
      relatedness: 'POSSIBLE',
      actionTaken: 'NONE',
      outcome: 'RECOVERED',
      onsetAt: visit.scheduledAt.toISOString(),
    };
    expect(
      (
        await aeRoute.POST(
          request('POST', `/visits/${visit.id}/adverse-events`, { ...event, term: 'Nausea', isSerious: false }),
          idParams(visit.id),
        )
      ).status,
    ).toBe(201);
    expect(await openAlerts(enrollment.id)).toHaveLength(0);
    const serious = await aeRoute.POST(
      request('POST', `/visits/${visit.id}/adverse-events`, {
        ...event,
        term: 'Hypertensive crisis',
        grade: 4,
        isSerious: true,
      }),
      idParams(visit.id),
    );
    expect(serious.status).toBe(201);
    const alerts = await openAlerts(enrollment.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'SERIOUS_ADVERSE_EVENT',
      summary: 'Serious adverse event: Hypertensive crisis, CTCAE grade 4.',
    });
  });
});

describe('acknowledging', () => {
  it('[CLINICIAN] acknowledges with an action (200); [COORDINATOR] and [ADMIN] get 403; no action is 400; twice is 409', async () => {
    const enrollment = await participant();
    await record(enrollment.id, 'PHQ9', phq9Items(10, 1));
    const [alert] = await openAlerts(enrollment.id);
    const acknowledge = (body: unknown) =>
      acknowledgeRoute.POST(request('POST', `/safety-alerts/${alert.id}/acknowledge`, body), idParams(alert.id));

    expect((await acknowledge({ action: 'Called' })).status).toBe(403);
    session.user = users.admin;
    expect((await acknowledge({ action: 'Called' })).status).toBe(403);
    session.user = users.clinician;
    const missing = await acknowledge({});
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields.action).toBeDefined();
    const done = await acknowledge({ action: 'Called the participant; risk assessment done; safety plan reviewed.' });
    expect(done.status).toBe(200);
    expect((await acknowledge({ action: 'Again' })).status).toBe(409);

    expect(await openAlerts(enrollment.id)).toEqual([]);
    const acknowledged = (
      await (
        await alertsRoute.GET(
          request('GET', `/safety-alerts?status=acknowledged&enrollmentId=${enrollment.id}`),
          noParams,
        )
      ).json()
    ).alerts;
    expect(acknowledged[0]).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedBy: 'Kit Clinician',
      action: 'Called the participant; risk assessment done; safety plan reviewed.',
    });
    expect(await prisma.auditEvent.count({ where: { action: 'safety_alert.acknowledge', entityId: alert.id } })).toBe(
      1,
    );
  });

  it('every role may read alerts; an unknown status is 400; unknown alert is 404', async () => {
    for (const user of [users.admin, users.coordinator, users.clinician]) {
      session.user = user;
      expect((await alertsRoute.GET(request('GET', '/safety-alerts?status=open'), noParams)).status).toBe(200);
    }
    expect((await alertsRoute.GET(request('GET', '/safety-alerts?status=closed'), noParams)).status).toBe(400);
    session.user = users.clinician;
    expect(
      (
        await acknowledgeRoute.POST(
          request('POST', '/safety-alerts/nope/acknowledge', { action: 'x' }),
          idParams('nope'),
        )
      ).status,
    ).toBe(404);
  });

  it('the database refuses to delete an alert or change it after acknowledgement', async () => {
    const enrollment = await participant();
    await record(enrollment.id, 'PHQ9', phq9Items(10, 1));
    const [alert] = await openAlerts(enrollment.id);
    await expect(prisma.safetyAlert.delete({ where: { id: alert.id } })).rejects.toThrow();
    await prisma.safetyAlert.update({
      where: { id: alert.id },
      data: { status: 'ACKNOWLEDGED', action: 'Seen', acknowledgedAt: new Date() },
    });
    await expect(
      prisma.safetyAlert.update({ where: { id: alert.id }, data: { action: 'Rewritten' } }),
    ).rejects.toThrow();
  });
});
