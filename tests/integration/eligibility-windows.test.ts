import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { contextFor, uniqueToken } from '@/lib/candidates/test-support';
import { runEligibilityCheck } from '@/lib/eligibility/run-check';
import { runPrescreen } from '@/lib/eligibility/run-prescreen';
import { recordMeasurements } from '@/lib/screening/record-measurements';
import type { ActorContext } from '@/lib/auth/actor-context';
import type { RuleNode } from '@/lib/validations/eligibility';
import { createCandidate } from '@/prisma/seed/candidates';
import { createTrial } from '@/prisma/seed/trials';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// Screening windows and "never taken" through the API and the database (fictional data).

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-eligibility-windows', ipAddress: '127.0.0.1', pathname: '/' }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const checksRoute = await import('@/app/api/v1/eligibility/checks/route');
const { setScreeningWindowAction } = await import('@/app/(app)/trials/actions');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator', CurrentUser>;
let coordinator: ActorContext;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const DOB_40 = new Date(Date.UTC(new Date().getUTCFullYear() - 40, 0, 1));
const noParams = { params: Promise.resolve({}) };

const PHQ9: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 };
const MAOI: RuleNode = { kind: 'medication', anyOf: ['maoi'], withinDays: 14 };

beforeAll(async () => {
  const [admin, coord] = await Promise.all([
    createUser(prisma, { role: 'ADMIN', name: 'Ada Admin' }),
    createUser(prisma, { role: 'COORDINATOR', name: 'Cora Coordinator' }),
  ]);
  users.admin = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
  users.coordinator = { id: coord.id, email: coord.email, name: coord.name, role: coord.role };
  coordinator = contextFor(users.coordinator, 'req-eligibility-windows');
});

beforeEach(() => {
  session.user = users.coordinator;
});

async function makeTrial() {
  const { trial } = await createTrial(prisma, {
    title: `Fictional window study ${uniqueToken()}`,
    criteria: [
      { kind: 'INCLUSION', text: 'PHQ-9 total score ≥ 15 at screening', rule: PHQ9 },
      { kind: 'EXCLUSION', text: 'MAOIs within two weeks', rule: MAOI },
    ],
  });
  return trial;
}

async function newCandidate() {
  return createCandidate(prisma, {
    dateOfBirth: DOB_40,
    sex: 'FEMALE',
    firstName: 'Wren',
    lastName: `W${uniqueToken().replace(/\d/g, 'x')}`,
  });
}

async function postCheck(candidateId: string, trialId: string) {
  const res = await checksRoute.POST(
    new NextRequest('http://localhost:3000/api/v1/eligibility/checks', {
      method: 'POST',
      body: JSON.stringify({ candidateId, trialId }),
      headers: { 'content-type': 'application/json', host: 'localhost:3000' },
    }),
    noParams,
  );
  expect(res.status).toBe(201);
  return res.json();
}

describe('screening window through the API', () => {
  it('[COORDINATOR] a PHQ-9 of 20 recorded 400 days ago is UNKNOWN, saying how old it is', async () => {
    const trial = await makeTrial();
    const candidate = await newCandidate();
    await recordMeasurements({
      candidateId: candidate.id,
      inputs: [
        { code: 'phq9_total', value: 20, measuredAt: daysAgo(400) },
        { code: 'med:maoi', isCurrent: false, isNeverTaken: true, measuredAt: daysAgo(1) },
      ],
      ctx: coordinator,
    });
    const check = await postCheck(candidate.id, trial.id);
    expect(check.overall).toBe('INCOMPLETE');
    expect(check.criteria[0]).toMatchObject({
      result: 'UNKNOWN',
      explanation: 'PHQ-9 total recorded 400 days before the check; older than the 30-day screening window',
      missing: ['PHQ-9 total'],
    });
    expect(check.criteria[1]).toMatchObject({ result: 'NOT_MET' });
  });

  it('[ADMIN] sets and confirms the window (audited); a check then uses it', async () => {
    const trial = await makeTrial();
    const candidate = await newCandidate();
    await recordMeasurements({
      candidateId: candidate.id,
      inputs: [
        { code: 'phq9_total', value: 20, measuredAt: daysAgo(45) },
        { code: 'med:maoi', isCurrent: false, isNeverTaken: true, measuredAt: daysAgo(1) },
      ],
      ctx: coordinator,
    });
    expect((await postCheck(candidate.id, trial.id)).criteria[0].result).toBe('UNKNOWN');

    session.user = users.admin;
    const result = await setScreeningWindowAction({ id: trial.id, days: 60 });
    expect(result).toMatchObject({
      ok: true,
      data: { days: 60, confirmed: { by: { id: users.admin.id, name: 'Ada Admin' } } },
    });
    const stored = await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } });
    expect(stored).toMatchObject({ screeningWindowDays: 60, screeningWindowConfirmedById: users.admin.id });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'trial.screening_window', entityId: trial.id },
    });
    expect(audit).toMatchObject({ actorId: users.admin.id, before: expect.objectContaining({ days: 30 }) });
    expect(audit.after).toMatchObject({ days: 60, confirmedById: users.admin.id });

    session.user = users.coordinator;
    expect((await postCheck(candidate.id, trial.id)).criteria[0]).toMatchObject({ result: 'MET' });
    const prescreen = await runPrescreen({ trialId: trial.id, candidateIds: [candidate.id], ctx: coordinator });
    expect(prescreen.candidates[0].overall).toBe('PENDING_SIGNATURE');
  });

  it('[COORDINATOR] cannot set the window; [ADMIN] gets per-field errors outside 1–3650 days', async () => {
    const trial = await makeTrial();
    expect(await setScreeningWindowAction({ id: trial.id, days: 14 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    session.user = users.admin;
    for (const days of [0, 3651, 2.5]) {
      expect(await setScreeningWindowAction({ id: trial.id, days })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: { days: [expect.any(String)] } },
      });
    }
    expect(await setScreeningWindowAction({ id: 'no-such-trial', days: 14 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      screeningWindowDays: 30,
      screeningWindowConfirmedAt: null,
    });
  });
});

describe('loading the latest value per code as of the check day', () => {
  it('[COORDINATOR] uses the later entry of the same day, and ignores entries after the check day', async () => {
    const trial = await makeTrial();
    const candidate = await newCandidate();
    const maoi = { code: 'med:maoi', isCurrent: false, isNeverTaken: true, measuredAt: daysAgo(6) };
    await recordMeasurements({
      candidateId: candidate.id,
      inputs: [{ code: 'phq9_total', value: 10, measuredAt: daysAgo(5) }, maoi],
      ctx: coordinator,
    });
    await recordMeasurements({
      candidateId: candidate.id,
      inputs: [{ code: 'phq9_total', value: 20, measuredAt: daysAgo(3) }],
      ctx: coordinator,
    });
    await recordMeasurements({
      candidateId: candidate.id,
      inputs: [{ code: 'phq9_total', value: 12, measuredAt: daysAgo(3) }],
      ctx: coordinator,
    });
    const today = await runEligibilityCheck({ candidateId: candidate.id, trialId: trial.id, ctx: coordinator });
    expect(today.criteria[0]).toMatchObject({ result: 'NOT_MET', explanation: expect.stringContaining('PHQ-9 = 12') });
    const earlier = await runEligibilityCheck({
      candidateId: candidate.id,
      trialId: trial.id,
      ctx: coordinator,
      asOf: daysAgo(4),
    });
    expect(earlier.criteria[0]).toMatchObject({ explanation: expect.stringContaining('PHQ-9 = 10') });
    const saved = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: today.id } });
    expect((saved.inputs as { measurements: unknown[] }).measurements).toEqual([
      { code: 'phq9_total', value: 12, measuredAt: daysAgo(3) },
    ]);
  });
});

describe('medication history: never taken or unknown', () => {
  it('[COORDINATOR] no last dose without "never taken" leaves a washout exclusion UNKNOWN', async () => {
    const trial = await makeTrial();
    const candidate = await newCandidate();
    await recordMeasurements({
      candidateId: candidate.id,
      inputs: [
        { code: 'phq9_total', value: 20, measuredAt: daysAgo(2) },
        { code: 'med:maoi', isCurrent: false, lastDoseAt: null, measuredAt: daysAgo(1) },
      ],
      ctx: coordinator,
    });
    const check = await postCheck(candidate.id, trial.id);
    expect(check.criteria[1]).toMatchObject({
      result: 'UNKNOWN',
      explanation: `MAOI: not taken now, last dose unknown (recorded ${daysAgo(1)})`,
      missing: ['MAOI last dose'],
    });
  });

  it('the database refuses "never taken" together with a last dose or current use', async () => {
    const candidate = await newCandidate();
    const base = {
      candidateId: candidate.id,
      kind: 'MEDICATION' as const,
      code: 'maoi',
      measuredOn: new Date(),
      enteredById: users.coordinator.id,
      isNeverTaken: true,
    };
    await expect(
      prisma.measurement.create({ data: { ...base, isCurrent: false, lastDoseOn: new Date() } }),
    ).rejects.toThrow(/Measurement_isNeverTaken_consistent/);
    await expect(prisma.measurement.create({ data: { ...base, isCurrent: true } })).rejects.toThrow(
      /Measurement_isNeverTaken_consistent/,
    );
    await expect(prisma.measurement.create({ data: { ...base, isCurrent: false } })).resolves.toMatchObject({
      isNeverTaken: true,
    });
  });
});
