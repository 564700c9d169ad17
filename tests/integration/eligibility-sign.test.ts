import { createHash } from 'node:crypto';
import { NextRequest } from 'next/server';
import pg from 'pg';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ActorContext } from '@/lib/auth/actor-context';
import { canonicalJson } from '@/lib/auth/content-hash';
import { session, useRequestId } from '@/tests/helpers/route-harness';
import type { CurrentUser } from '@/lib/auth/current-user';
import { contextFor, uniqueToken } from '@/lib/candidates/test-support';
import { getCheck } from '@/lib/eligibility/get-check';
import { listChecks } from '@/lib/eligibility/list-checks';
import { runEligibilityCheck } from '@/lib/eligibility/run-check';
import { signedContent } from '@/lib/eligibility/check-signature';
import { signEligibilityCheck, verifyCheckSignature } from '@/lib/eligibility/sign-check';
import type { PipelineStage } from '@/lib/generated/prisma/enums';
import type { RuleNode } from '@/lib/validations/eligibility';
import { signCheckSchema, type SignCheckValues } from '@/lib/validations/screening';
import { recordMeasurements } from '@/lib/screening/record-measurements';
import { addToPipeline, createCandidate } from '@/prisma/seed/candidates';
import { createTrial } from '@/prisma/seed/trials';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-eligibility-sign');

const signRoute = await import('@/app/api/v1/eligibility/checks/[id]/sign/route');
const checkRoute = await import('@/app/api/v1/eligibility/checks/[id]/route');

const prisma = getTestPrisma();
const PASSWORD = 'Quiet-Meadow-Lamp-7';
const users = {} as Record<'coordinator' | 'clinician' | 'otherClinician', CurrentUser>;
let coordinator: ActorContext;
let clinician: ActorContext;

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const DOB_40 = new Date(Date.UTC(new Date().getUTCFullYear() - 40, 0, 1));

beforeAll(async () => {
  const [coord, clin, other] = await Promise.all([
    createUser(prisma, { role: 'COORDINATOR', name: 'Cora Coordinator', password: PASSWORD }),
    createUser(prisma, { role: 'CLINICIAN', name: 'Dr. Kit Clinician', password: PASSWORD }),
    createUser(prisma, { role: 'CLINICIAN', name: 'Dr. Lark Locksmith', password: PASSWORD }),
  ]);
  for (const [key, user] of Object.entries({ coordinator: coord, clinician: clin, otherClinician: other })) {
    users[key as keyof typeof users] = { id: user.id, email: user.email, name: user.name, role: user.role };
  }
  coordinator = contextFor(users.coordinator, 'req-eligibility-sign');
  clinician = contextFor(users.clinician, 'req-eligibility-sign');
});

beforeEach(() => {
  session.user = users.clinician;
});

const idParams = (id: string) => ({ params: Promise.resolve({ id }) });
function post(path: string, body: unknown) {
  return new NextRequest(`http://localhost:3000/api/v1${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

const CRITERIA = [
  {
    kind: 'INCLUSION' as const,
    text: 'Age 18 to 65',
    rule: { kind: 'number', measure: 'age_years', op: 'between', value: 18, max: 65 } as RuleNode,
  },
  {
    kind: 'INCLUSION' as const,
    text: 'PHQ-9 ≥ 15',
    rule: { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 } as RuleNode,
  },
  { kind: 'INCLUSION' as const, text: 'Treatment-resistant depression per the study psychiatrist', rule: null },
  {
    kind: 'EXCLUSION' as const,
    text: 'BMI > 40',
    rule: { kind: 'number', measure: 'bmi', op: 'gt', value: 40 } as RuleNode,
  },
];
const [AGE, PHQ9, TRD, BMI] = [0, 1, 2, 3];

/** A trial, a candidate on its pipeline at `stage`, their screening data and a saved check. */
async function setup({
  stage = 'AWAITING_REVIEW',
  phq9 = 18,
  withWeight = true,
}: {
  stage?: PipelineStage | null;
  phq9?: number;
  withWeight?: boolean;
} = {}) {
  const { trial } = await createTrial(prisma, {
    title: `Fictional signing study ${uniqueToken()}`,
    criteria: CRITERIA,
  });
  const candidate = await createCandidate(prisma, { dateOfBirth: DOB_40, sex: 'FEMALE' });
  const order: PipelineStage[] = ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'];
  if (stage)
    await addToPipeline(prisma, {
      candidateId: candidate.id,
      trialId: trial.id,
      path: order.slice(0, order.indexOf(stage) + 1),
      actorId: users.coordinator.id,
    });
  const inputs = [
    { code: 'phq9_total', value: phq9, measuredAt: daysAgo(2) },
    { code: 'height_cm', value: 170, measuredAt: daysAgo(2) },
    ...(withWeight ? [{ code: 'weight_kg', value: 72, measuredAt: daysAgo(2) }] : []),
  ];
  await recordMeasurements({ candidateId: candidate.id, inputs, ctx: coordinator });
  const check = await runEligibilityCheck({ candidateId: candidate.id, trialId: trial.id, ctx: coordinator });
  const id = (index: number) => check.criteria[index].criterionId;
  return { trial, candidate, check, id };
}

function sign(checkId: string, values: Partial<SignCheckValues>, ctx = clinician) {
  return signEligibilityCheck({
    checkId,
    input: signCheckSchema.parse({
      password: PASSWORD,
      decision: 'ELIGIBLE',
      meaning: 'Eligibility confirmed',
      ...values,
    }),
    ctx,
  });
}

const judgeTrd = (criterionId: string, result: 'MET' | 'NOT_MET' = 'MET') => [
  { criterionId, result, note: 'Failed sertraline and bupropion at adequate doses (fictional)' },
];

describe('signing an eligibility decision', () => {
  it('confirms eligibility: signature with server time, a valid hash, the pipeline at ELIGIBLE, audited', async () => {
    const { candidate, trial, check, id } = await setup();
    expect(check.overall).toBe('PENDING_REVIEW');
    const before = Date.now();
    const res = await signRoute.POST(
      post(`/eligibility/checks/${check.id}/sign`, {
        password: PASSWORD,
        decision: 'ELIGIBLE',
        meaning: 'Eligibility confirmed',
        judgments: judgeTrd(id(TRD)),
      }),
      idParams(check.id),
    );
    expect(res.status).toBe(200);
    const signed = await res.json();
    expect(signed).toMatchObject({
      overall: 'ELIGIBLE',
      computedOverall: 'PENDING_REVIEW',
      decision: 'ELIGIBLE',
      signature: { signerName: 'Dr. Kit Clinician', meaning: 'Eligibility confirmed', isValid: true },
    });
    expect(Date.parse(signed.signature.signedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(signed.criteria[TRD]).toMatchObject({
      result: 'MET',
      computedResult: 'NEEDS_REVIEW',
      basis: 'judgment',
      note: expect.stringContaining('sertraline'),
    });

    const row = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(row).toMatchObject({
      decision: 'ELIGIBLE',
      signedById: users.clinician.id,
      signerName: 'Dr. Kit Clinician',
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(verifyCheckSignature(row)).toBe(true);

    const entry = await prisma.pipelineEntry.findFirstOrThrow({
      where: { candidateId: candidate.id, trialId: trial.id },
      include: { events: { orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    expect(entry.stage).toBe('ELIGIBLE');
    expect(entry.events[0]).toMatchObject({
      fromStage: 'AWAITING_REVIEW',
      toStage: 'ELIGIBLE',
      reason: 'Eligibility confirmed',
      actorId: users.clinician.id,
    });
    const signAudit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'eligibility.sign', entityId: check.id },
    });
    expect(signAudit).toMatchObject({ actorId: users.clinician.id, requestId: 'req-eligibility-sign' });
    expect(JSON.stringify(signAudit.after)).not.toContain(PASSWORD);
    expect(await prisma.auditEvent.count({ where: { action: 'pipeline.move', entityId: entry.id } })).toBe(1);

    const history = await listChecks({ candidateId: candidate.id, ctx: coordinator });
    expect(history[0]).toMatchObject({
      id: check.id,
      overall: 'ELIGIBLE',
      isSigned: true,
      signerName: 'Dr. Kit Clinician',
    });
  });

  it('refuses a wrong password with 403, counts it toward lockout and records nothing', async () => {
    const { check, id } = await setup();
    const other = contextFor(users.otherClinician, 'req-eligibility-sign');
    const before = await prisma.user.findUniqueOrThrow({ where: { id: users.otherClinician.id } });
    await expect(
      sign(check.id, { password: 'not-the-password', judgments: judgeTrd(id(TRD)) }, other),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: users.otherClinician.id } });
    expect(after.failedSignInCount).toBe(before.failedSignInCount + 1);
    expect(await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } })).toMatchObject({
      signedAt: null,
      decision: null,
    });
    expect(
      await prisma.auditEvent.count({ where: { action: 'auth.signature_failed', entityId: users.otherClinician.id } }),
    ).toBeGreaterThan(0);

    session.user = users.otherClinician;
    const res = await signRoute.POST(
      post(`/eligibility/checks/${check.id}/sign`, {
        password: 'still-wrong',
        decision: 'INELIGIBLE',
        meaning: 'Not eligible',
      }),
      idParams(check.id),
    );
    expect(res.status).toBe(403);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: users.otherClinician.id } })).failedSignInCount).toBe(
      before.failedSignInCount + 2,
    );
  });

  it('does not let a coordinator sign (403), even with the right password', async () => {
    const { check, id } = await setup();
    session.user = users.coordinator;
    const res = await signRoute.POST(
      post(`/eligibility/checks/${check.id}/sign`, {
        password: PASSWORD,
        decision: 'ELIGIBLE',
        meaning: 'Eligibility confirmed',
        judgments: judgeTrd(id(TRD)),
      }),
      idParams(check.id),
    );
    expect(res.status).toBe(403);
    await expect(sign(check.id, { judgments: judgeTrd(id(TRD)) }, coordinator)).rejects.toMatchObject({ status: 403 });
    expect((await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } })).signedAt).toBeNull();
  });

  it('answers 409 to a second signature and the database refuses to change or delete a signed check', async () => {
    const { check, id } = await setup();
    await sign(check.id, { judgments: judgeTrd(id(TRD)) });
    await expect(sign(check.id, { decision: 'INELIGIBLE', meaning: 'Not eligible' })).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
    });
    const res = await signRoute.POST(
      post(`/eligibility/checks/${check.id}/sign`, {
        password: PASSWORD,
        decision: 'INELIGIBLE',
        meaning: 'Not eligible',
      }),
      idParams(check.id),
    );
    expect(res.status).toBe(409);

    await expect(
      prisma.$executeRaw`UPDATE "EligibilityCheck" SET "meaning" = 'Changed later' WHERE id = ${check.id}`,
    ).rejects.toThrow();
    await expect(
      prisma.$executeRaw`UPDATE "EligibilityCheck" SET "results" = '[]'::jsonb WHERE id = ${check.id}`,
    ).rejects.toThrow();
    await expect(prisma.$executeRaw`DELETE FROM "EligibilityCheck" WHERE id = ${check.id}`).rejects.toThrow();
    expect((await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } })).meaning).toBe(
      'Eligibility confirmed',
    );
  });

  it('detects content changed after signing: the recomputed hash no longer matches', async () => {
    const { check, id } = await setup();
    await sign(check.id, { judgments: judgeTrd(id(TRD)) });
    const row = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(verifyCheckSignature(row)).toBe(true);
    const inputs = JSON.parse(JSON.stringify(row.inputs));
    inputs.measurements[0].value = 27;
    expect(verifyCheckSignature({ ...row, inputs })).toBe(false);
    expect(verifyCheckSignature({ ...row, meaning: 'Not eligible' })).toBe(false);
    expect(verifyCheckSignature({ ...row, signedAt: new Date(row.signedAt!.getTime() + 1) })).toBe(false);
    const review = JSON.parse(JSON.stringify(row.review));
    review.criteria[TRD].note = 'Edited';
    expect(verifyCheckSignature({ ...row, review })).toBe(false);
    expect(verifyCheckSignature({ ...row, signedAt: null })).toBe(false);

    session.user = users.coordinator;
    const res = await checkRoute.GET(
      new NextRequest(`http://localhost:3000/api/v1/eligibility/checks/${check.id}`),
      idParams(check.id),
    );
    expect((await res.json()).signature).toMatchObject({ isValid: true, signerName: 'Dr. Kit Clinician' });
    expect(await prisma.auditEvent.count({ where: { action: 'eligibility.view', entityId: check.id } })).toBe(1);
  });

  it('[SUPERUSER] a signed INELIGIBLE rewritten to ELIGIBLE with the plain hash recomputed is reported invalid', async () => {
    const { check } = await setup();
    await sign(check.id, { decision: 'INELIGIBLE', meaning: 'Not eligible' });
    const row = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(verifyCheckSignature(row)).toBe(true);
    // What an attacker with the owner's password can do: triggers off, decision changed,
    // and the SHA-256 of the new content written where the signature hash goes.
    const forged = { ...row, decision: 'ELIGIBLE' as const, overall: 'ELIGIBLE' as const };
    const plainHash = createHash('sha256')
      .update(canonicalJson(signedContent(forged)))
      .digest('hex');
    const owner = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('SET LOCAL session_replication_role = replica');
      await owner.query(
        `UPDATE "EligibilityCheck" SET "decision" = 'ELIGIBLE', "overall" = 'ELIGIBLE', "contentHash" = $2 WHERE id = $1`,
        [check.id, plainHash],
      );
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
    session.user = users.coordinator;
    const res = await checkRoute.GET(
      new NextRequest(`http://localhost:3000/api/v1/eligibility/checks/${check.id}`),
      idParams(check.id),
    );
    const body = await res.json();
    expect(body.decision).toBe('ELIGIBLE');
    expect(body.signature).toMatchObject({ isValid: false });
  });

  it('confirming eligibility with UNKNOWN or failed criteria needs an override with a justification for each', async () => {
    const { check, id } = await setup({ phq9: 12, withWeight: false });
    expect(check.overall).toBe('INELIGIBLE');
    expect(check.criteria[BMI].result).toBe('UNKNOWN');

    const missingBoth = sign(check.id, { judgments: judgeTrd(id(TRD)) });
    await expect(missingBoth).rejects.toMatchObject({
      status: 400,
      details: {
        unresolved: [
          expect.objectContaining({ criterionId: id(PHQ9), needs: 'override' }),
          expect.objectContaining({ criterionId: id(BMI), needs: 'override' }),
        ],
      },
    });
    await expect(sign(check.id, { judgments: judgeTrd(id(TRD)) })).rejects.toMatchObject({
      fields: { overrides: [expect.stringContaining('PHQ-9 ≥ 15'), expect.stringContaining('BMI > 40')] },
    });
    // Unjudged clinician-judgment criterion.
    await expect(sign(check.id, { overrides: [] })).rejects.toMatchObject({
      status: 400,
      fields: { judgments: [expect.stringContaining('Treatment-resistant')] },
    });
    // An override must change the result, and a judgment is only for clinician-judgment items.
    await expect(
      sign(check.id, {
        judgments: judgeTrd(id(TRD)),
        overrides: [{ criterionId: id(AGE), result: 'MET', justification: 'x' }],
      }),
    ).rejects.toMatchObject({ status: 400, fields: { 'overrides.0.result': [expect.any(String)] } });
    await expect(
      sign(check.id, { judgments: [{ criterionId: id(PHQ9), result: 'MET', note: 'n' }] }),
    ).rejects.toMatchObject({ status: 400, fields: { 'judgments.0.criterionId': [expect.any(String)] } });
    // A justification is required by the schema.
    expect(
      signCheckSchema.safeParse({
        password: 'p',
        decision: 'ELIGIBLE',
        meaning: 'm',
        overrides: [{ criterionId: 'c', result: 'MET', justification: '  ' }],
      }).success,
    ).toBe(false);
    expect((await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } })).signedAt).toBeNull();

    const signed = await sign(check.id, {
      judgments: judgeTrd(id(TRD)),
      overrides: [
        {
          criterionId: id(PHQ9),
          result: 'MET',
          justification: 'MADRS 34 at the same visit; the PHQ-9 was self-rated during a good day (fictional)',
        },
        {
          criterionId: id(BMI),
          result: 'NOT_MET',
          justification: 'Weight and height measured in clinic today, BMI 24 (fictional)',
        },
      ],
    });
    expect(signed.signature?.isValid).toBe(true);
    expect(signed.review).toMatchObject({ computedOverall: 'INELIGIBLE', reviewedOverall: 'PENDING_SIGNATURE' });
    expect(signed.criteria[PHQ9]).toMatchObject({ computedResult: 'NOT_MET', result: 'MET', basis: 'override' });
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'eligibility.sign', entityId: check.id },
    });
    expect((audit.after as { overrides: unknown[] }).overrides).toEqual([
      expect.objectContaining({
        criterionId: id(PHQ9),
        computed: 'NOT_MET',
        result: 'MET',
        justification: expect.stringContaining('MADRS'),
      }),
      expect.objectContaining({ criterionId: id(BMI), computed: 'UNKNOWN', result: 'NOT_MET' }),
    ]);
  });

  it('decides not eligible from AWAITING_REVIEW → INELIGIBLE, and from an earlier stage → SCREEN_FAILED with the meaning as reason', async () => {
    const review = await setup({ phq9: 10 });
    const signed = await sign(review.check.id, { decision: 'INELIGIBLE', meaning: 'Not eligible' });
    expect(signed).toMatchObject({
      overall: 'INELIGIBLE',
      decision: 'INELIGIBLE',
      signature: { meaning: 'Not eligible', isValid: true },
    });
    expect(signed.criteria[TRD]).toMatchObject({ result: 'NEEDS_REVIEW', basis: 'computed' });
    expect((await prisma.pipelineEntry.findFirstOrThrow({ where: { candidateId: review.candidate.id } })).stage).toBe(
      'INELIGIBLE',
    );

    const early = await setup({ stage: 'PRESCREENING' });
    await sign(early.check.id, {
      decision: 'INELIGIBLE',
      meaning: 'Not eligible: bipolar II disclosed at the phone screen',
      judgments: judgeTrd(early.id(TRD), 'NOT_MET'),
    });
    const entry = await prisma.pipelineEntry.findFirstOrThrow({
      where: { candidateId: early.candidate.id },
      include: { events: { orderBy: { createdAt: 'desc' }, take: 1 } },
    });
    expect(entry.stage).toBe('SCREEN_FAILED');
    expect(entry.events[0]).toMatchObject({
      fromStage: 'PRESCREENING',
      toStage: 'SCREEN_FAILED',
      reason: 'Not eligible: bipolar II disclosed at the phone screen',
    });
  });

  it('keeps the pipeline rules: ELIGIBLE only from AWAITING_REVIEW, a candidate must be on the pipeline, and only the newest check is signed', async () => {
    const early = await setup({ stage: 'PRESCREENING' });
    await expect(sign(early.check.id, { judgments: judgeTrd(early.id(TRD)) })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'INVALID_TRANSITION', from: 'PRESCREENING' },
    });
    expect((await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: early.check.id } })).signedAt).toBeNull();

    const outside = await setup({ stage: null });
    await expect(sign(outside.check.id, { judgments: judgeTrd(outside.id(TRD)) })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'NOT_IN_PIPELINE' },
    });

    const stale = await setup();
    const newer = await runEligibilityCheck({
      candidateId: stale.candidate.id,
      trialId: stale.trial.id,
      ctx: coordinator,
    });
    await expect(sign(stale.check.id, { judgments: judgeTrd(stale.id(TRD)) })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'NEWER_CHECK', latestCheckId: newer.id },
    });
    const detail = await getCheck({ id: stale.check.id, ctx: coordinator });
    expect(detail).toMatchObject({ isLatest: false, signature: null });
    await expect(sign(newer.id, { judgments: judgeTrd(newer.criteria[TRD].criterionId) })).resolves.toMatchObject({
      decision: 'ELIGIBLE',
    });
  });
});
