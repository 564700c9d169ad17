import { beforeAll, describe, expect, it } from 'vitest';
import { asRole, call, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import type { CurrentUser } from '@/lib/auth/current-user';
import { contextFor } from '@/lib/candidates/test-support';
import { signedContent, verifyCheckSignature } from '@/lib/eligibility/check-signature';
import { addToPipeline, createCandidate } from '@/prisma/seed/candidates';
import { createUser } from '@/prisma/seed/users';
import { createJudgmentTrial, runCheck } from '@/tests/helpers/eligibility-checks';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-review-draft');

const draftRoute = await import('@/app/api/v1/eligibility/checks/[id]/draft/route');
const checkRoute = await import('@/app/api/v1/eligibility/checks/[id]/route');
const signRoute = await import('@/app/api/v1/eligibility/checks/[id]/sign/route');

const prisma = getTestPrisma();
const PASSWORD = 'Amber-Heron-Field-4';
const DOB_40 = new Date(Date.UTC(new Date().getUTCFullYear() - 40, 0, 1));
const users = {} as Record<'coordinator' | 'clinician', CurrentUser>;

beforeAll(async () => {
  const [coordinator, clinician] = await Promise.all([
    createUser(prisma, { role: 'COORDINATOR', name: 'Cora Draftless', password: PASSWORD }),
    createUser(prisma, { role: 'CLINICIAN', name: 'Dr. Wren Drafter', password: PASSWORD }),
  ]);
  users.coordinator = { id: coordinator.id, email: coordinator.email, name: coordinator.name, role: coordinator.role };
  users.clinician = { id: clinician.id, email: clinician.email, name: clinician.name, role: clinician.role };
  useStaff(users);
});

/** A candidate awaiting review with a PENDING_REVIEW check of three clinician-judgment criteria. */
async function pendingCheck() {
  const trial = await createJudgmentTrial();
  const candidate = await createCandidate(prisma, { dateOfBirth: DOB_40, sex: 'FEMALE' });
  await addToPipeline(prisma, {
    candidateId: candidate.id,
    trialId: trial.id,
    path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'],
    actorId: users.coordinator.id,
  });
  const check = await runCheck({ candidateId: candidate.id, trialId: trial.id, ctx: contextFor(users.coordinator) });
  expect(check.overall).toBe('PENDING_REVIEW');
  const judged = check.criteria.filter((criterion) => criterion.result === 'NEEDS_REVIEW').map((c) => c.criterionId);
  return { trial, candidate, check, judged, ageId: check.criteria[0].criterionId };
}

const put = (id: string, body: unknown) => call(draftRoute.PUT, { method: 'PUT', params: { id }, body });
const getCheck = (id: string) => call(checkRoute.GET, { params: { id } });

describe('review drafts', () => {
  it('[COORDINATOR] cannot save a draft or sign (403), and nothing is written', async () => {
    const { check, judged } = await pendingCheck();
    asRole('COORDINATOR');
    const res = await put(check.id, { judgments: [{ criterionId: judged[0], result: 'MET', note: 'x' }] });
    expect(res.status).toBe(403);
    const signed = await call(signRoute.POST, {
      params: { id: check.id },
      body: { password: PASSWORD, decision: 'INELIGIBLE', meaning: 'Not eligible' },
    });
    expect(signed.status).toBe(403);
    expect(await prisma.eligibilityReviewDraft.count({ where: { checkId: check.id } })).toBe(0);
    expect(
      await prisma.auditEvent.count({ where: { action: 'eligibility.review_draft_saved', entityId: check.id } }),
    ).toBe(0);
  });

  it('[CLINICIAN] saves a draft, replaces it, and reads it back with the check; the check itself is unchanged', async () => {
    const { candidate, trial, check, judged } = await pendingCheck();
    asRole('CLINICIAN');
    const first = await put(check.id, {
      decision: 'ELIGIBLE',
      meaning: 'Eligibility confirmed',
      judgments: [{ criterionId: judged[0], result: 'MET', note: '' }],
    });
    expect(first.status).toBe(200);
    const firstBody = await first.json();
    expect(firstBody).toMatchObject({
      checkId: check.id,
      savedBy: { id: users.clinician.id, name: 'Dr. Wren Drafter' },
    });

    const draft = {
      decision: 'ELIGIBLE',
      meaning: 'Eligibility confirmed',
      judgments: [
        { criterionId: judged[0], result: 'MET', note: 'Two adequate antidepressant trials failed (fictional)' },
        { criterionId: judged[1], result: null, note: 'Ask about transport' },
      ],
      overrides: [],
    };
    const second = await put(check.id, draft);
    expect(second.status).toBe(200);
    expect(Date.parse((await second.json()).savedAt)).toBeGreaterThanOrEqual(Date.parse(firstBody.savedAt));

    const detail = await (await getCheck(check.id)).json();
    expect(detail.draft).toMatchObject({ checkId: check.id, content: draft, savedBy: { name: 'Dr. Wren Drafter' } });
    // A draft is not a decision: no review, no signature, the engine's result and the pipeline stay.
    expect(detail).toMatchObject({ overall: 'PENDING_REVIEW', decision: null, review: null, signature: null });
    expect(await prisma.eligibilityReviewDraft.count({ where: { checkId: check.id } })).toBe(1);
    const entry = await prisma.pipelineEntry.findFirstOrThrow({
      where: { candidateId: candidate.id, trialId: trial.id },
    });
    expect(entry.stage).toBe('AWAITING_REVIEW');

    const events = await prisma.auditEvent.findMany({
      where: { action: 'eligibility.review_draft_saved', entityId: check.id },
      orderBy: { createdAt: 'asc' },
    });
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      actorId: users.clinician.id,
      entityType: 'EligibilityCheck',
      requestId: 'req-review-draft',
      after: { candidateId: candidate.id, trialId: trial.id, decision: 'ELIGIBLE', judgments: draft.judgments },
    });
  });

  it('[CLINICIAN] a draft that does not fit the check or its schema is refused with 400 per field', async () => {
    const { check, ageId } = await pendingCheck();
    asRole('CLINICIAN');
    const wrongKind = await put(check.id, { judgments: [{ criterionId: ageId, result: 'MET', note: 'x' }] });
    expect(wrongKind.status).toBe(400);
    expect((await wrongKind.json()).error.fields).toEqual({
      'judgments.0.criterionId': ['Only clinician-judgment criteria take a judgment.'],
    });
    const withPassword = await put(check.id, { password: PASSWORD });
    expect(withPassword.status).toBe(400);
    const unknown = await put('no-such-check', {});
    expect(unknown.status).toBe(404);
  });

  it('[CLINICIAN] signs after a draft: the signature covers the signed review only, and a signed check refuses drafts (409)', async () => {
    const { check, judged } = await pendingCheck();
    asRole('CLINICIAN');
    expect(
      (
        await put(check.id, {
          judgments: judged.map((criterionId) => ({ criterionId, result: null, note: 'draft text, never signed' })),
        })
      ).status,
    ).toBe(200);

    const judgments = judged.map((criterionId, index) => ({
      criterionId,
      result: index === judged.length - 1 ? 'NOT_MET' : 'MET',
      note: 'Reviewed with the candidate (fictional)',
    }));
    const signed = await call(signRoute.POST, {
      params: { id: check.id },
      body: { password: PASSWORD, decision: 'ELIGIBLE', meaning: 'Eligibility confirmed', judgments },
    });
    expect(signed.status, JSON.stringify(await signed.clone().json())).toBe(200);
    const body = await signed.json();
    expect(body).toMatchObject({ overall: 'ELIGIBLE', draft: null, signature: { isValid: true } });

    const row = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(verifyCheckSignature(row)).toBe(true);
    const content = JSON.stringify(signedContent(row));
    expect(content).not.toContain('draft text, never signed');
    expect(content).toContain('Reviewed with the candidate (fictional)');

    const late = await put(check.id, { judgments: [] });
    expect(late.status).toBe(409);
    expect((await late.json()).error.details).toEqual({ reason: 'ALREADY_SIGNED' });
    // The database refuses too, whoever connects.
    await expect(
      prisma.eligibilityReviewDraft.update({ where: { checkId: check.id }, data: { content: { judgments: [] } } }),
    ).rejects.toThrow(/signed/);
    const after = await prisma.eligibilityCheck.findUniqueOrThrow({ where: { id: check.id } });
    expect(verifyCheckSignature(after)).toBe(true);
    expect((await (await getCheck(check.id)).json()).draft).toBeNull();
  });

  it('[CLINICIAN] a draft on a check that a newer one replaced is refused (409), as its signature would be', async () => {
    const { candidate, trial, check } = await pendingCheck();
    await runCheck({ candidateId: candidate.id, trialId: trial.id, ctx: contextFor(users.coordinator) });
    asRole('CLINICIAN');
    const res = await put(check.id, {});
    expect(res.status).toBe(409);
    expect((await res.json()).error.details).toMatchObject({ reason: 'NEWER_CHECK' });
  });
});
