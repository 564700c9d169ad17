import { asRole, call, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorContext } from '@/lib/auth/actor-context';
import { getCandidate } from '@/lib/candidates/get-candidate';
import { contextFor, uniqueToken } from '@/lib/candidates/test-support';
import { runEligibilityCheck } from '@/lib/eligibility/run-check';
import { createCandidate } from '@/prisma/seed/candidates';
import { createTrial } from '@/prisma/seed/trials';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// Veteran status has one meaning (decision 0043): the latest answer, intake or screening, is what
// both the candidate page and the eligibility engine use.

useRequestId('req-veteran-status');

const measurementsRoute = await import('@/app/api/v1/candidates/[id]/measurements/route');

const prisma = getTestPrisma();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const DOB_40 = new Date(Date.UTC(new Date().getUTCFullYear() - 40, 0, 1));

let coordinator: ActorContext;
let trialId: string;

beforeAll(async () => {
  const user = await createUser(prisma, { role: 'COORDINATOR', name: 'Vera Coordinator' });
  useStaff({ coordinator: user });
  coordinator = contextFor(user, 'req-veteran-status');
  const { trial } = await createTrial(prisma, {
    title: `Fictional veterans study ${uniqueToken()}`,
    criteria: [
      {
        kind: 'INCLUSION',
        text: 'Veteran',
        rule: { kind: 'fact', fact: 'veteran', equals: true, withinDays: 3650 },
      },
    ],
  });
  trialId = trial.id;
});

function newCandidate(isVeteran: boolean | null) {
  return createCandidate(prisma, {
    dateOfBirth: DOB_40,
    sex: 'MALE',
    firstName: 'Valor',
    lastName: `Notaperson${uniqueToken().replace(/\d/g, 'x')}`,
    isVeteran,
    referralDate: new Date(`${daysAgo(20)}T00:00:00.000Z`),
  });
}

async function answerOnScreening(candidateId: string, value: boolean) {
  asRole('COORDINATOR');
  const res = await call(measurementsRoute.POST, {
    params: { id: candidateId },
    body: [{ code: 'fact:veteran', value, measuredAt: daysAgo(1) }],
  });
  expect(res.status).toBe(201);
}

async function veteranCriterion(candidateId: string) {
  const check = await runEligibilityCheck({ candidateId, trialId, ctx: coordinator });
  return check.criteria[0].result;
}

describe('veteran status: one answer for the candidate page and the eligibility engine', () => {
  it('[COORDINATOR] a screening "Yes" is what the demographics show and what the engine reads', async () => {
    const candidate = await newCandidate(null);
    expect((await getCandidate({ id: candidate.id, ctx: coordinator })).veteranStatus).toBeNull();
    expect(await veteranCriterion(candidate.id)).toBe('UNKNOWN');

    await answerOnScreening(candidate.id, true);

    const detail = await getCandidate({ id: candidate.id, ctx: coordinator });
    expect(detail.veteranStatus).toEqual({ isVeteran: true, recordedOn: daysAgo(1) });
    // The intake answer stays what was said at referral; the screening answer is its own audited record.
    expect(detail.isVeteran).toBeNull();
    expect(await veteranCriterion(candidate.id)).toBe('MET');
    const events = await prisma.auditEvent.findMany({
      where: { action: 'measurement.record', entityId: candidate.id },
    });
    expect(events).toHaveLength(1);
  });

  it('[COORDINATOR] a later screening "No" overrides an intake "Yes" on the page and in the engine alike', async () => {
    const candidate = await newCandidate(true);
    expect((await getCandidate({ id: candidate.id, ctx: coordinator })).veteranStatus).toEqual({
      isVeteran: true,
      recordedOn: daysAgo(20),
    });
    expect(await veteranCriterion(candidate.id)).toBe('MET');

    await answerOnScreening(candidate.id, false);

    expect((await getCandidate({ id: candidate.id, ctx: coordinator })).veteranStatus).toEqual({
      isVeteran: false,
      recordedOn: daysAgo(1),
    });
    expect(await veteranCriterion(candidate.id)).toBe('NOT_MET');
  });

  it('[COORDINATOR] a voided screening answer counts for neither: both fall back to the intake answer', async () => {
    const candidate = await newCandidate(false);
    await answerOnScreening(candidate.id, true);
    expect(await veteranCriterion(candidate.id)).toBe('MET');
    // No screen voids a measurement yet: the row is marked the way a void marks it.
    await prisma.measurement.updateMany({
      where: { candidateId: candidate.id, code: 'veteran' },
      data: { voidedAt: new Date(), voidReason: 'Entered for the wrong candidate' },
    });

    expect((await getCandidate({ id: candidate.id, ctx: coordinator })).veteranStatus).toEqual({
      isVeteran: false,
      recordedOn: daysAgo(20),
    });
    expect(await veteranCriterion(candidate.id)).toBe('NOT_MET');
  });
});
