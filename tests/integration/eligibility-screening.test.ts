import { session, useRequestId } from '@/tests/helpers/route-harness';
import type { ActorContext } from '@/lib/auth/actor-context';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { contextFor, uniqueToken } from '@/lib/candidates/test-support';
import { runEligibilityCheck } from '@/lib/eligibility/run-check';
import { runPrescreen } from '@/lib/eligibility/run-prescreen';
import { signEligibilityCheck } from '@/lib/eligibility/sign-check';
import type { StoredCriterionResult } from '@/lib/eligibility/check-types';
import type { EligibilityCandidate } from '@/lib/eligibility/types';
import type { RuleNode } from '@/lib/validations/eligibility';
import { signCheckSchema } from '@/lib/validations/screening';
import { listMeasurements } from '@/lib/screening/list-measurements';
import { recordMeasurements } from '@/lib/screening/record-measurements';
import { addToPipeline, createCandidate } from '@/prisma/seed/candidates';
import { createTrial } from '@/prisma/seed/trials';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';

useRequestId('req-eligibility-screening');

const measurementsRoute = await import('@/app/api/v1/candidates/[id]/measurements/route');
const checksRoute = await import('@/app/api/v1/eligibility/checks/route');
const checkRoute = await import('@/app/api/v1/eligibility/checks/[id]/route');
const prescreenRoute = await import('@/app/api/v1/trials/[id]/prescreen/route');
const reportRoute = await import('@/app/api/v1/trials/[id]/screen-fail-report/route');

const prisma = getTestPrisma();
const PASSWORD = 'Quiet-Meadow-Lamp-7';
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let coordinator: ActorContext;
let clinician: ActorContext;

const TODAY = new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
/** A date of birth that makes the candidate 40 on every day of these tests. */
const DOB_40 = new Date(Date.UTC(new Date().getUTCFullYear() - 40, 0, 1));

beforeAll(async () => {
  const [admin, coord, clin] = await Promise.all([
    createUser(prisma, { role: 'ADMIN', name: 'Ada Admin' }),
    createUser(prisma, { role: 'COORDINATOR', name: 'Cora Coordinator' }),
    createUser(prisma, { role: 'CLINICIAN', name: 'Kit Clinician', password: PASSWORD }),
  ]);
  for (const [key, user] of Object.entries({ admin, coordinator: coord, clinician: clin })) {
    users[key as keyof typeof users] = { id: user.id, email: user.email, name: user.name, role: user.role };
  }
  coordinator = contextFor(users.coordinator, 'req-eligibility-screening');
  clinician = contextFor(users.clinician, 'req-eligibility-screening');
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

const AGE: RuleNode = { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 };
const PHQ9: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 };
const BMI: RuleNode = { kind: 'number', measure: 'bmi', op: 'gt', value: 40 };
const BIPOLAR: RuleNode = { kind: 'diagnosis', anyOf: ['bipolar_disorder'] };

/** A small fictional protocol: three inclusions (one clinician judgment) and two exclusions. */
async function makeScreeningTrial() {
  const { trial } = await createTrial(prisma, {
    title: `Fictional screening study ${uniqueToken()}`,
    criteria: [
      { kind: 'INCLUSION', text: 'Age 18 to 65', rule: AGE },
      { kind: 'INCLUSION', text: 'PHQ-9 ≥ 15', rule: PHQ9 },
      { kind: 'INCLUSION', text: 'Treatment-resistant depression per the study psychiatrist', rule: null },
      { kind: 'EXCLUSION', text: 'BMI > 40', rule: BMI },
      { kind: 'EXCLUSION', text: 'Bipolar disorder', rule: BIPOLAR },
    ],
  });
  return trial;
}

async function newCandidate(overrides: Record<string, unknown> = {}) {
  return createCandidate(prisma, {
    dateOfBirth: DOB_40,
    sex: 'FEMALE',
    firstName: 'Opal',
    lastName: `Q${uniqueToken().replace(/\d/g, 'x')}`,
    ...overrides,
  });
}

/** Everything the small protocol needs for a PENDING_REVIEW result; PHQ-9 and BMI can be varied. */
function fullData({ phq9 = 18, weightKg = 70 }: { phq9?: number; weightKg?: number } = {}) {
  return [
    { code: 'phq9_total', value: phq9, measuredAt: daysAgo(2) },
    { code: 'weight_kg', value: weightKg, measuredAt: daysAgo(2) },
    { code: 'height_cm', value: 170, measuredAt: daysAgo(2) },
    { code: 'dx:bipolar_disorder', isPresent: false, measuredAt: daysAgo(2) },
  ];
}

describe('screening measurements', () => {
  it('refuses an unknown code or an out-of-range value with 400 per entry, and saves nothing', async () => {
    const candidate = await newCandidate();
    const unknown = await measurementsRoute.POST(
      request('POST', `/candidates/${candidate.id}/measurements`, {
        code: 'phq10_total',
        value: 3,
        measuredAt: daysAgo(1),
      }),
      idParams(candidate.id),
    );
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { '0.code': [expect.stringContaining('Unknown measure code')] },
    });

    const batch = [
      { code: 'sbp', value: 130, measuredAt: daysAgo(1) },
      { code: 'phq9_total', value: 28, measuredAt: daysAgo(1) },
      { code: 'weight_kg', value: 700, unit: 'lb', measuredAt: daysAgo(1) },
    ];
    const outOfRange = await measurementsRoute.POST(
      request('POST', `/candidates/${candidate.id}/measurements`, batch),
      idParams(candidate.id),
    );
    expect(outOfRange.status).toBe(400);
    const body = await outOfRange.json();
    expect(Object.keys(body.error.fields).sort()).toEqual(['1.value', '2.value']);
    expect(body.error.fields['1.value'][0]).toContain('between 0 and 27');
    expect(await prisma.measurement.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: 'measurement.record', entityId: candidate.id } })).toBe(0);
  });

  it('refuses a future date', async () => {
    const candidate = await newCandidate();
    await expect(
      recordMeasurements({
        candidateId: candidate.id,
        inputs: [{ code: 'sbp', value: 120, measuredAt: '2999-01-01' }],
        ctx: coordinator,
        today: TODAY,
      }),
    ).rejects.toMatchObject({
      status: 400,
      fields: { '0.measuredAt': ['Date cannot be in the future'] },
    });
  });

  it('stores weight in lb as kg with what was typed, and audits the batch (201)', async () => {
    const candidate = await newCandidate();
    const res = await measurementsRoute.POST(
      request('POST', `/candidates/${candidate.id}/measurements`, [
        { code: 'weight_kg', value: 220, unit: 'lb', measuredAt: daysAgo(1) },
        { code: 'alt', value: 81, uln: 40, lln: 7, measuredAt: daysAgo(1) },
        { code: 'med:maoi', isCurrent: false, lastDoseAt: daysAgo(30), measuredAt: daysAgo(1) },
        { code: 'fact:adult_driver_available', value: true, measuredAt: daysAgo(1) },
      ]),
      idParams(candidate.id),
    );
    expect(res.status).toBe(201);
    const { measurements } = await res.json();
    expect(measurements).toHaveLength(4);
    const weight = await prisma.measurement.findUniqueOrThrow({ where: { id: measurements[0].id } });
    expect(weight).toMatchObject({
      kind: 'NUMERIC',
      code: 'weight_kg',
      valueNum: 99.79,
      unit: 'kg',
      enteredValue: 220,
      enteredUnit: 'lb',
      enteredById: users.coordinator.id,
    });
    expect(weight.measuredOn.toISOString().slice(0, 10)).toBe(daysAgo(1));
    expect(measurements[1]).toMatchObject({
      kind: 'LAB',
      code: 'alt',
      valueNum: 81,
      uln: 40,
      lln: 7,
      unit: 'U/L',
      enteredValue: null,
    });
    expect(measurements[2]).toMatchObject({
      kind: 'MEDICATION',
      code: 'maoi',
      inputCode: 'med:maoi',
      isCurrent: false,
      lastDoseOn: daysAgo(30),
    });
    expect(measurements[3]).toMatchObject({ kind: 'FACT', code: 'adult_driver_available', valueBool: true });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'measurement.record', entityId: candidate.id },
    });
    expect(audit).toMatchObject({ actorId: users.coordinator.id, requestId: 'req-eligibility-screening' });
    expect((audit.after as { measurements: unknown[] }).measurements).toHaveLength(4);

    const list = await measurementsRoute.GET(
      request('GET', `/candidates/${candidate.id}/measurements`),
      idParams(candidate.id),
    );
    expect(list.status).toBe(200);
    expect((await list.json()).measurements).toHaveLength(4);
  });

  it('lets an admin read but not record; 404 for an unknown candidate', async () => {
    const candidate = await newCandidate();
    session.user = users.admin;
    expect(
      (
        await measurementsRoute.POST(
          request('POST', `/candidates/${candidate.id}/measurements`, {
            code: 'sbp',
            value: 120,
            measuredAt: daysAgo(1),
          }),
          idParams(candidate.id),
        )
      ).status,
    ).toBe(403);
    expect(
      (await measurementsRoute.GET(request('GET', `/candidates/${candidate.id}/measurements`), idParams(candidate.id)))
        .status,
    ).toBe(200);
    session.user = users.clinician;
    expect(
      (
        await measurementsRoute.POST(
          request('POST', '/candidates/nope/measurements', { code: 'sbp', value: 120, measuredAt: daysAgo(1) }),
          idParams('nope'),
        )
      ).status,
    ).toBe(404);
  });
});

describe('eligibility checks', () => {
  it('saves every check with its snapshot; new data makes a new check and the old one stays as it was', async () => {
    const trial = await makeScreeningTrial();
    const candidate = await newCandidate();
    await recordMeasurements({ candidateId: candidate.id, inputs: fullData({ phq9: 14 }), ctx: coordinator });

    const res = await checksRoute.POST(
      request('POST', '/eligibility/checks', { candidateId: candidate.id, trialId: trial.id }),
      noParams,
    );
    expect(res.status).toBe(201);
    const first = await res.json();
    expect(first.overall).toBe('INELIGIBLE');
    expect(first.criteria).toHaveLength(5);
    expect(first.criteria[1]).toMatchObject({
      kind: 'inclusion',
      text: 'PHQ-9 ≥ 15',
      result: 'NOT_MET',
      explanation: `PHQ-9 = 14 on ${daysAgo(2)}; needs ≥ 15`,
    });
    expect(first.criteria[2]).toMatchObject({ result: 'NEEDS_REVIEW', explanation: 'Clinician judgment' });
    expect(first.criteria[3]).toMatchObject({
      kind: 'exclusion',
      result: 'NOT_MET',
      explanation: expect.stringContaining('(from weight and height)'),
    });

    const saved = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: first.id } });
    const inputs = saved.inputs as EligibilityCandidate;
    expect(inputs.sex).toBe('female');
    expect(inputs.measurements).toContainEqual({ code: 'phq9_total', value: 14, measuredAt: daysAgo(2) });
    expect(inputs.diagnoses).toEqual([{ code: 'bipolar_disorder', isPresent: false, recordedAt: daysAgo(2) }]);
    expect((saved.results as StoredCriterionResult[])[1]).toMatchObject({
      criterionId: first.criteria[1].criterionId,
      result: 'NOT_MET',
      rule: PHQ9,
    });
    expect(saved).toMatchObject({ overall: 'INELIGIBLE', createdById: users.coordinator.id, signedAt: null });
    expect(await prisma.auditEvent.count({ where: { action: 'eligibility.check', entityId: first.id } })).toBe(1);

    await recordMeasurements({
      candidateId: candidate.id,
      inputs: [{ code: 'phq9_total', value: 19, measuredAt: daysAgo(1) }],
      ctx: coordinator,
    });
    const second = await runEligibilityCheck({ candidateId: candidate.id, trialId: trial.id, ctx: coordinator });
    expect(second.id).not.toBe(first.id);
    expect(second.overall).toBe('PENDING_REVIEW');
    const again = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: first.id } });
    expect(again).toEqual(saved);
    expect(await prisma.eligibilityCheck.count({ where: { candidateId: candidate.id } })).toBe(2);

    const detail = await checkRoute.GET(request('GET', `/eligibility/checks/${first.id}`), idParams(first.id));
    expect(detail.status).toBe(200);
    expect(await detail.json()).toMatchObject({
      id: first.id,
      overall: 'INELIGIBLE',
      isLatest: false,
      isCurrentProtocolVersion: true,
      signature: null,
    });
  });

  it('ignores voided measurements', async () => {
    const trial = await makeScreeningTrial();
    const candidate = await newCandidate();
    const [phq9] = await recordMeasurements({
      candidateId: candidate.id,
      inputs: fullData({ phq9: 27 }),
      ctx: coordinator,
    });
    // No screen voids a measurement yet: the row is marked the way a future void would mark it.
    await prisma.measurement.update({
      where: { id: phq9.id },
      data: { voidedAt: new Date(), voidReason: 'Entered for the wrong candidate' },
    });
    const check = await runEligibilityCheck({ candidateId: candidate.id, trialId: trial.id, ctx: coordinator });
    expect(check.overall).toBe('INCOMPLETE');
    expect(check.criteria[1]).toMatchObject({ result: 'UNKNOWN', missing: ['PHQ-9 total'] });
    const listed = await listMeasurements({ candidateId: candidate.id, ctx: coordinator });
    expect(listed.find((m) => m.id === phq9.id)).toMatchObject({ voidReason: 'Entered for the wrong candidate' });
  });

  it('answers 404 for an unknown candidate or trial', async () => {
    const trial = await makeScreeningTrial();
    const candidate = await newCandidate();
    expect(
      (
        await checksRoute.POST(
          request('POST', '/eligibility/checks', { candidateId: 'nope', trialId: trial.id }),
          noParams,
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await checksRoute.POST(
          request('POST', '/eligibility/checks', { candidateId: candidate.id, trialId: 'nope' }),
          noParams,
        )
      ).status,
    ).toBe(404);
    session.user = users.admin;
    expect(
      (
        await checksRoute.POST(
          request('POST', '/eligibility/checks', { candidateId: candidate.id, trialId: trial.id }),
          noParams,
        )
      ).status,
    ).toBe(403);
  });
});

describe('batch pre-screen and the screen-fail report', () => {
  it('groups candidates by overall result with blocking criteria and missing data, leaving out the enrolled', async () => {
    const trial = await makeScreeningTrial();
    const [ineligible, incomplete, review, enrolled] = await Promise.all([
      newCandidate(),
      newCandidate(),
      newCandidate(),
      newCandidate(),
    ]);
    await recordMeasurements({
      candidateId: ineligible.id,
      inputs: fullData({ phq9: 10, weightKg: 130 }),
      ctx: coordinator,
    });
    await recordMeasurements({
      candidateId: incomplete.id,
      inputs: fullData().filter((m) => m.code !== 'weight_kg'),
      ctx: coordinator,
    });
    await recordMeasurements({ candidateId: review.id, inputs: fullData(), ctx: coordinator });
    await recordMeasurements({ candidateId: enrolled.id, inputs: fullData(), ctx: coordinator });
    const arm = await prisma.arm.create({ data: { trialId: trial.id, label: 'Ketamine', type: 'EXPERIMENTAL' } });
    const entry = await addToPipeline(prisma, {
      candidateId: enrolled.id,
      trialId: trial.id,
      path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE', 'CONSENTED', 'ENROLLED'],
      actorId: users.clinician.id,
    });
    await prisma.enrollment.create({
      data: {
        candidateId: enrolled.id,
        trialId: trial.id,
        subjectId: await assignSubjectId({ tx: prisma, trialId: trial.id }),
        pipelineEntryId: entry.id,
        armId: arm.id,
        enrolledAt: new Date(`${TODAY}T00:00:00Z`),
      },
    });

    const ids = [ineligible.id, incomplete.id, review.id, enrolled.id, 'no-such-candidate'];
    const res = await prescreenRoute.POST(
      request('POST', `/trials/${trial.id}/prescreen`, { candidateIds: ids }),
      idParams(trial.id),
    );
    expect(res.status).toBe(200);
    const result = await res.json();
    expect(result.total).toBe(3);
    expect(result.counts).toMatchObject({
      INELIGIBLE: 1,
      INCOMPLETE: 1,
      PENDING_REVIEW: 1,
      PENDING_SIGNATURE: 0,
      ELIGIBLE: 0,
    });
    expect(result.skippedIds.sort()).toEqual([enrolled.id, 'no-such-candidate'].sort());
    expect(result.candidates.map((row: { candidateId: string }) => row.candidateId)).toEqual([
      review.id,
      incomplete.id,
      ineligible.id,
    ]);
    expect(result.candidates[2]).toMatchObject({ overall: 'INELIGIBLE', blocking: ['PHQ-9 ≥ 15', 'BMI > 40'] });
    expect(result.candidates[1]).toMatchObject({ overall: 'INCOMPLETE', missing: ['BMI'] });
    expect(result.topBlockingCriteria.map((row: { text: string }) => row.text)).toEqual(['PHQ-9 ≥ 15', 'BMI > 40']);
    expect(result.topMissing).toEqual([{ item: 'BMI', count: 1 }]);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'eligibility.prescreen', entityId: trial.id },
    });
    expect(audit.after).toMatchObject({ total: 3, skipped: 2, scope: 'listed' });
    expect(await prisma.eligibilityCheck.count({ where: { trialId: trial.id } })).toBe(0);

    // Default scope: everyone not enrolled in the trial (other tests' candidates included), never the enrolled one.
    const everyone = await runPrescreen({ trialId: trial.id, ctx: coordinator });
    const seen = new Set(everyone.candidates.map((row) => row.candidateId));
    expect(seen.has(ineligible.id) && seen.has(review.id)).toBe(true);
    expect(seen.has(enrolled.id)).toBe(false);

    // Stage filter: only those at PRESCREENING in this trial.
    await addToPipeline(prisma, {
      candidateId: review.id,
      trialId: trial.id,
      path: ['REFERRED', 'CONTACTED', 'PRESCREENING'],
      actorId: users.coordinator.id,
    });
    const atStage = await runPrescreen({ trialId: trial.id, filter: { stage: 'PRESCREENING' }, ctx: coordinator });
    expect(atStage.candidates.map((row) => row.candidateId)).toEqual([review.id]);
  });

  it('counts blocking criteria from the latest checks and signed decisions, and conversion per referral source', async () => {
    const trial = await makeScreeningTrial();
    const [a, b, c] = await Promise.all([
      newCandidate({ referralSource: 'PROVIDER' }),
      newCandidate({ referralSource: 'PROVIDER' }),
      newCandidate({ referralSource: 'SELF' }),
    ]);
    // a: PHQ-9 too low (latest check); b: signed not eligible on the clinician-judgment item; c: eligible.
    await recordMeasurements({ candidateId: a.id, inputs: fullData({ phq9: 12 }), ctx: coordinator });
    await recordMeasurements({ candidateId: b.id, inputs: fullData(), ctx: coordinator });
    await recordMeasurements({ candidateId: c.id, inputs: fullData(), ctx: coordinator });
    for (const candidate of [a, b, c]) {
      await addToPipeline(prisma, {
        candidateId: candidate.id,
        trialId: trial.id,
        path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'],
        actorId: users.coordinator.id,
      });
    }
    await runEligibilityCheck({ candidateId: a.id, trialId: trial.id, ctx: coordinator });
    const checkB = await runEligibilityCheck({ candidateId: b.id, trialId: trial.id, ctx: coordinator });
    const judgmentId = checkB.criteria[2].criterionId;
    await signEligibilityCheck({
      checkId: checkB.id,
      input: signCheckSchema.parse({
        password: PASSWORD,
        decision: 'INELIGIBLE',
        meaning: 'Not eligible',
        judgments: [{ criterionId: judgmentId, result: 'NOT_MET', note: 'Only one adequate antidepressant trial' }],
      }),
      ctx: clinician,
    });
    const checkC = await runEligibilityCheck({ candidateId: c.id, trialId: trial.id, ctx: coordinator });
    await signEligibilityCheck({
      checkId: checkC.id,
      input: signCheckSchema.parse({
        password: PASSWORD,
        decision: 'ELIGIBLE',
        meaning: 'Eligibility confirmed',
        judgments: [
          { criterionId: checkC.criteria[2].criterionId, result: 'MET', note: 'Three failed adequate trials' },
        ],
      }),
      ctx: clinician,
    });

    const res = await reportRoute.GET(request('GET', `/trials/${trial.id}/screen-fail-report`), idParams(trial.id));
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report.ineligibleCandidates).toBe(2);
    expect(report.blockingCriteria).toEqual([
      { kind: 'inclusion', text: 'PHQ-9 ≥ 15', count: 1 },
      { kind: 'inclusion', text: 'Treatment-resistant depression per the study psychiatrist', count: 1 },
    ]);
    expect(report.decisionsWithoutBlockingCriterion).toBe(0);
    const provider = report.conversion.find((row: { referralSource: string }) => row.referralSource === 'PROVIDER');
    const self = report.conversion.find((row: { referralSource: string }) => row.referralSource === 'SELF');
    expect(provider).toMatchObject({ referred: 2, eligible: 0, enrolled: 0, eligibleRate: 0 });
    expect(self).toMatchObject({ referred: 1, eligible: 1, enrolled: 0, eligibleRate: 1, enrolledRate: 0 });
    expect(report.conversion.at(-1)).toMatchObject({ referralSource: 'ALL', referred: 3, eligible: 1 });
    expect(
      report.conversion.find((row: { referralSource: string }) => row.referralSource === 'REGISTRY'),
    ).toMatchObject({ referred: 0, eligibleRate: null });
  });
});
