import { asRole, call, type Handler, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  CAPPED_SERIES,
  TEST_PASSWORD,
  UNCAPPED_SINGLE,
  makeDosingTrial,
  makeEnrollment,
} from '@/lib/infusions/test-support';
import { listSeriousAdverseEvents } from '@/lib/infusions/list-serious-adverse-events';
import type { Sex } from '@/lib/generated/prisma/client';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-infusions-day');

const visitRoute = await import('@/app/api/v1/visits/[id]/route');
const checkInRoute = await import('@/app/api/v1/visits/[id]/check-in/route');
const vitalsRoute = await import('@/app/api/v1/visits/[id]/vitals/route');
const holdRoute = await import('@/app/api/v1/visits/[id]/hold-override/route');
const verifyRoute = await import('@/app/api/v1/visits/[id]/dose-verification/route');
const administrationRoute = await import('@/app/api/v1/visits/[id]/administration/route');
const aeRoute = await import('@/app/api/v1/visits/[id]/adverse-events/route');
const dischargeRoute = await import('@/app/api/v1/visits/[id]/discharge/route');
const calculateRoute = await import('@/app/api/v1/dosing/calculate/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trialId: string;
let cappedArmId: string;
let uncappedArmId: string;

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  useStaff(users);
  const made = await makeDosingTrial(prisma, [
    { label: 'Capped series', dosing: CAPPED_SERIES },
    { label: 'Uncapped single', dosing: UNCAPPED_SINGLE },
  ]);
  trialId = made.trial.id;
  [cappedArmId, uncappedArmId] = made.armIds;
});

beforeEach(() => {
  asRole('CLINICIAN');
});

/** A session-1 visit of a new participant, starting now (chairless: these tests are about the infusion day). */
async function visitToday(sex: Sex = 'MALE') {
  const { enrollment } = await makeEnrollment(prisma, { trialId, armId: cappedArmId, sex });
  const now = new Date();
  return prisma.visit.create({
    data: {
      enrollmentId: enrollment.id,
      sessionNumber: 1,
      scheduledAt: now,
      originalScheduledAt: now,
      durationMin: 100,
      endsAt: new Date(now.getTime() + 100 * 60_000),
    },
  });
}

const post = (route: { POST: Handler }, visitId: string, path: string, body: unknown) =>
  call(route.POST, { params: { id: visitId }, body, path: `/visits/${visitId}/${path}` });

const checklist = { isDriverConfirmed: true, hasNoNewExclusion: true };
const normalPre = { timepoint: 'PRE', sbp: 128, dbp: 82, heartRate: 74, spo2: 98 };

describe('verify-then-administer', () => {
  it('refuses the infusion before verification (409) and above the verified dose (400); coordinators cannot verify (403)', async () => {
    const visit = await visitToday();
    expect((await post(checkInRoute, visit.id, 'check-in', { ...checklist, isDriverConfirmed: false })).status).toBe(
      400,
    );
    expect((await post(checkInRoute, visit.id, 'check-in', checklist)).status).toBe(200);
    expect((await post(vitalsRoute, visit.id, 'vitals', { ...normalPre, spo2: 140 })).status).toBe(400);
    const vitals = await post(vitalsRoute, visit.id, 'vitals', normalPre);
    expect(vitals.status).toBe(201);
    expect((await vitals.json()).hold).toMatchObject({ isHeld: false, blocksInfusion: false });

    const started = new Date().toISOString();
    const early = await post(administrationRoute, visit.id, 'administration', {
      administeredDoseMg: 40,
      lotNumber: 'LOT-1',
      startedAt: started,
    });
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toBe('Verify the dose before recording the infusion');

    asRole('COORDINATOR');
    expect(
      (await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 80, password: TEST_PASSWORD })).status,
    ).toBe(403);
    asRole('CLINICIAN');
    const wrong = await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 80, password: 'not-my-password' });
    expect(wrong.status).toBe(403);
    const badWeight = await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 25, password: TEST_PASSWORD });
    expect(badWeight.status).toBe(400);
    expect((await badWeight.json()).error.fields.weightKg[0]).toMatch(/outside 30–300 kg/);

    const verified = await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 80, password: TEST_PASSWORD });
    expect(verified.status).toBe(201);
    const verification = await verified.json();
    expect(verification).toMatchObject({
      doseMg: 40,
      isCapped: false,
      signerName: 'Kit Clinician',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(
      (await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 80, password: TEST_PASSWORD })).status,
    ).toBe(409);
    expect(
      await prisma.auditEvent.count({
        where: { action: 'dose.verify', entityId: verification.id, actorId: users.clinician.id },
      }),
    ).toBe(1);

    const above = await post(administrationRoute, visit.id, 'administration', {
      administeredDoseMg: 40.5,
      lotNumber: 'LOT-1',
      startedAt: started,
    });
    expect(above.status).toBe(400);
    expect((await above.json()).error.fields.administeredDoseMg[0]).toMatch(/cannot exceed the verified dose of 40 mg/);
    const given = await post(administrationRoute, visit.id, 'administration', {
      administeredDoseMg: 40,
      lotNumber: 'LOT-1',
      startedAt: started,
    });
    expect(given.status).toBe(201);

    const ae = await post(aeRoute, visit.id, 'adverse-events', {
      term: 'Hypertension',
      grade: 3,
      isSerious: true,
      relatedness: 'PROBABLE',
      actionTaken: 'INFUSION_STOPPED',
      outcome: 'RECOVERING',
      onsetAt: new Date().toISOString(),
    });
    expect(ae.status).toBe(201);
    const aeBody = await ae.json();
    expect((await listSeriousAdverseEvents()).map((item) => item.id)).toContain(aeBody.id);
    expect(
      (
        await post(aeRoute, visit.id, 'adverse-events', {
          term: 'Nausea',
          grade: 6,
          isSerious: false,
          relatedness: 'POSSIBLE',
          actionTaken: 'NONE',
          outcome: 'RECOVERED',
          onsetAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(400);

    expect((await post(dischargeRoute, visit.id, 'discharge', { isDriverPresentAtDischarge: false })).status).toBe(400);
    expect((await post(dischargeRoute, visit.id, 'discharge', { isDriverPresentAtDischarge: true })).status).toBe(400); // no stop time yet
    // Minutes into the infusion: monitoring has not passed and there are no post-infusion vitals (409, minutes remaining).
    const tooEarly = await post(dischargeRoute, visit.id, 'discharge', {
      isDriverPresentAtDischarge: true,
      infusionStoppedAt: new Date().toISOString(),
    });
    expect(tooEarly.status).toBe(409);
    const refused = await tooEarly.json();
    expect(refused.error.details.blockers.map((blocker: { code: string }) => blocker.code)).toEqual([
      'MONITORING',
      'POST_VITALS',
    ]);
    expect(refused.error.details.minutesRemaining).toBeGreaterThanOrEqual(59);
    expect(refused.error.message).toMatch(/Monitoring ends at \d\d:\d\d \(\d+ minutes from now/);
    expect((await prisma.visit.findUniqueOrThrow({ where: { id: visit.id } })).status).toBe('CHECKED_IN');
    // A clinician discharges early with a reason: stored, and a protocol deviation adherence counts.
    const discharged = await post(dischargeRoute, visit.id, 'discharge', {
      isDriverPresentAtDischarge: true,
      infusionStoppedAt: new Date().toISOString(),
      overrideReason: 'Transfer to the emergency department',
    });
    expect(discharged.status).toBe(200);
    const dischargedBody = await discharged.json();
    const deviation = await prisma.protocolDeviation.findUniqueOrThrow({
      where: { id: dischargedBody.earlyDischargeDeviationId },
    });
    expect(deviation).toMatchObject({ kind: 'EARLY_DISCHARGE', visitId: visit.id });
    expect(deviation.description).toMatch(/Transfer to the emergency department/);
    const row = await prisma.visit.findUniqueOrThrow({ where: { id: visit.id } });
    expect(row).toMatchObject({
      status: 'COMPLETED',
      isDriverPresentAtDischarge: true,
      dischargedById: users.clinician.id,
      checkedInById: users.clinician.id,
      dischargeOverrideReason: 'Transfer to the emergency department',
    });
    expect(row.completedAt).not.toBeNull();

    const day = await call(visitRoute.GET, { params: { id: visit.id } });
    expect(day.status).toBe(200);
    const dayBody = await day.json();
    expect(dayBody).toMatchObject({
      verification: { doseMg: 40 },
      administration: { administeredDoseMg: 40, lotNumber: 'LOT-1' },
      latestWeight: { kg: 80 },
    });
    expect(dayBody.adverseEvents).toHaveLength(1);
    expect(dayBody.participant.arm).toMatchObject({ label: 'Capped series' });
  });

  it('discharges without an override once the infusion has ended, monitoring has passed and post-infusion vitals are in', async () => {
    const visit = await visitToday();
    expect((await post(checkInRoute, visit.id, 'check-in', checklist)).status).toBe(200);
    expect((await post(vitalsRoute, visit.id, 'vitals', normalPre)).status).toBe(201);
    expect(
      (await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 80, password: TEST_PASSWORD })).status,
    ).toBe(201);
    const given = await post(administrationRoute, visit.id, 'administration', {
      administeredDoseMg: 40,
      lotNumber: 'LOT-2',
      startedAt: new Date().toISOString(),
    });
    expect(given.status).toBe(201);
    // Two hours ago, 40 minutes long: the 60 minutes of monitoring ended 20 minutes ago.
    const startedAt = new Date(Date.now() - 120 * 60_000);
    await prisma.infusionAdministration.update({
      where: { visitId: visit.id },
      data: { startedAt, stoppedAt: new Date(startedAt.getTime() + 40 * 60_000) },
    });
    const withoutVitals = await post(dischargeRoute, visit.id, 'discharge', { isDriverPresentAtDischarge: true });
    expect(withoutVitals.status).toBe(409);
    expect(
      (await withoutVitals.json()).error.details.blockers.map((blocker: { code: string }) => blocker.code),
    ).toEqual(['POST_VITALS']);
    expect((await post(vitalsRoute, visit.id, 'vitals', { ...normalPre, timepoint: 'POST' })).status).toBe(201);
    const done = await post(dischargeRoute, visit.id, 'discharge', { isDriverPresentAtDischarge: true });
    expect(done.status).toBe(200);
    expect((await done.json()).earlyDischargeDeviationId).toBeNull();
  });

  it('asks a female participant for a pregnancy test when the trial excludes pregnancy', async () => {
    const visit = await visitToday('FEMALE');
    const missing = await post(checkInRoute, visit.id, 'check-in', checklist);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields.pregnancyTest).toBeDefined();
    expect((await post(checkInRoute, visit.id, 'check-in', { ...checklist, pregnancyTest: 'NEGATIVE' })).status).toBe(
      200,
    );
  });
});

describe('blood-pressure hold', () => {
  it('SBP 161 holds the infusion; verification is refused until a clinician overrides with a reason', async () => {
    const visit = await visitToday();
    await post(checkInRoute, visit.id, 'check-in', checklist);
    const vitals = await post(vitalsRoute, visit.id, 'vitals', { ...normalPre, sbp: 161 });
    expect((await vitals.json()).hold).toMatchObject({
      isHeld: true,
      blocksInfusion: true,
      reason: 'SBP 161 mmHg is above 160 mmHg',
    });

    const refused = await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 100, password: TEST_PASSWORD });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/on hold/);

    expect((await post(holdRoute, visit.id, 'hold-override', { reason: '' })).status).toBe(400);
    asRole('COORDINATOR');
    expect(
      (await post(holdRoute, visit.id, 'hold-override', { reason: 'Repeat reading 150/90 after rest; PI agrees' }))
        .status,
    ).toBe(403);
    asRole('CLINICIAN');
    const override = await post(holdRoute, visit.id, 'hold-override', {
      reason: 'Repeat reading 150/90 after rest; PI agrees',
    });
    expect(override.status).toBe(200);
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'visit.hold_override', entityId: visit.id },
    });
    expect(event.reason).toBe('Repeat reading 150/90 after rest; PI agrees');

    const verified = await post(verifyRoute, visit.id, 'dose-verification', { weightKg: 100, password: TEST_PASSWORD });
    expect(verified.status).toBe(201);
    expect(await verified.json()).toMatchObject({ doseMg: 50, isCapped: false });
  });
});

describe('POST /api/v1/dosing/calculate', () => {
  const calc = (body: unknown) => call(calculateRoute.POST, { body });

  it('gives the worked examples', async () => {
    asRole('COORDINATOR');
    const at = async (armId: string, weightKg: number) =>
      (await calc({ trialId, armId, weightKg, sessionNumber: 1 })).json();
    expect(await at(cappedArmId, 80)).toMatchObject({ doseMg: 40, capped: false });
    expect(await at(cappedArmId, 100)).toMatchObject({ doseMg: 50, capped: false });
    const capped = await at(cappedArmId, 120);
    expect(capped).toMatchObject({ doseMg: 50, capped: true });
    expect(capped.steps.join('\n')).toMatch(/Capped at 50 mg/);
    expect(await at(uncappedArmId, 63.4)).toMatchObject({ doseMg: 31.7, capped: false });
    const response = await calc({ trialId, armId: uncappedArmId, weightKg: 63.4 });
    expect(Object.keys(await response.json())).toEqual(
      expect.arrayContaining(['doseMg', 'capped', 'volumeMl', 'rateMlPerH', 'steps']),
    );
  });

  it('answers 400 for a bad weight, 404 for an unknown trial or arm, 409 without a confirmed protocol', async () => {
    const bad = await calc({ trialId, armId: cappedArmId, weightKg: 301 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.weightKg[0]).toMatch(/outside 30–300 kg/);
    expect((await calc({ trialId, armId: cappedArmId, weightKg: 'heavy' })).status).toBe(400);
    expect((await calc({ trialId, armId: 'no-such-arm', weightKg: 80 })).status).toBe(404);
    expect((await calc({ trialId: 'no-such-trial', armId: cappedArmId, weightKg: 80 })).status).toBe(404);
    const unconfirmed = await makeDosingTrial(prisma, [{ label: 'Not confirmed', dosing: null }]);
    const conflict = await calc({ trialId: unconfirmed.trial.id, armId: unconfirmed.armIds[0], weightKg: 80 });
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.message).toBe('The arm has no confirmed dosing protocol');
    asRole('ADMIN');
    expect((await calc({ trialId, armId: cappedArmId, weightKg: 80 })).status).toBe(403);
  });
});
