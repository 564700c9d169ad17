import { asRole, call, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultDosingProtocol } from '@/lib/dosing/default-protocol';
import { makeDosingTrial, makeEnrollment, makeMaskedDosingTrial, UNCAPPED_SINGLE } from '@/lib/infusions/test-support';
import { dosingProtocolSchema } from '@/lib/validations/dosing';
import { createStaff, createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// The dose step words its "Drug lot" hint from `drug.hasPlaceboArm`: whether any arm of the trial is a
// placebo arm. That is registry data, the same for every participant of the trial; it still travels only
// with the drug side, which blinded viewers of a masked trial do not get.

useRequestId('req-visit-day-placebo-flag');

const visitRoute = await import('@/app/api/v1/visits/[id]/route');
const prisma = getTestPrisma();

beforeAll(async () => {
  useStaff(await createStaff(prisma));
});

async function visitFor(trialId: string, armId: string) {
  const { enrollment } = await makeEnrollment(prisma, { trialId, armId });
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

async function readDay(visitId: string) {
  const res = await call(visitRoute.GET, { params: { id: visitId } });
  expect(res.status).toBe(200);
  return res.json();
}

async function hasPlaceboArm(visitId: string): Promise<boolean> {
  return (await readDay(visitId)).drug.hasPlaceboArm;
}

describe('GET /api/v1/visits/{id}: drug.hasPlaceboArm', () => {
  it('[CLINICIAN] is false in an open-label trial whose arms all give active drug', async () => {
    const { trial, armIds } = await makeDosingTrial(prisma);
    const visit = await visitFor(trial.id, armIds[0]);
    asRole('CLINICIAN');
    expect(await hasPlaceboArm(visit.id)).toBe(false);
  });

  it('[CLINICIAN] is true when an arm is dosed as placebo even though the registry types it otherwise', async () => {
    const placebo = dosingProtocolSchema.parse({
      ...defaultDosingProtocol(),
      doseMode: 'PLACEBO',
      mgPerKg: null,
      weightBasis: null,
      infusionMinutes: 40,
      sessionCount: 1,
    });
    const { trial, armIds } = await makeDosingTrial(prisma, [
      { label: 'Active', dosing: UNCAPPED_SINGLE },
      { label: 'Saline', dosing: placebo },
    ]);
    const visit = await visitFor(trial.id, armIds[0]);
    asRole('CLINICIAN');
    expect(await hasPlaceboArm(visit.id)).toBe(true);
  });

  it('[CLINICIAN] unblinded preparer: true for the active and the placebo participant alike; blinded staff get no drug side', async () => {
    const { trial, activeArmId, placeboArmId } = await makeMaskedDosingTrial(prisma);
    const active = await visitFor(trial.id, activeArmId);
    const placebo = await visitFor(trial.id, placeboArmId);
    const preparer = await createUser(prisma, { role: 'CLINICIAN', name: 'Pia Preparer' });
    const admin = await prisma.user.findFirstOrThrow({ where: { role: 'ADMIN' } });
    await prisma.unblindedStaff.create({ data: { trialId: trial.id, userId: preparer.id, addedById: admin.id } });

    asRole({ id: preparer.id, email: preparer.email, name: preparer.name, role: preparer.role });
    expect([await hasPlaceboArm(active.id), await hasPlaceboArm(placebo.id)]).toEqual([true, true]);

    for (const role of ['CLINICIAN', 'COORDINATOR'] as const) {
      asRole(role);
      for (const visit of [active, placebo]) {
        const day = await readDay(visit.id);
        expect(day.drug).toBeNull();
        expect(JSON.stringify(day)).not.toMatch(/placebo/i);
      }
    }
  });
});
