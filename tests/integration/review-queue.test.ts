import { beforeAll, describe, expect, it } from 'vitest';
import { asRole, call, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import type { CurrentUser } from '@/lib/auth/current-user';
import { contextFor } from '@/lib/candidates/test-support';
import { saveReviewDraft } from '@/lib/eligibility/save-review-draft';
import { signEligibilityCheck } from '@/lib/eligibility/sign-check';
import type { PipelineStage } from '@/lib/generated/prisma/enums';
import { reviewDraftSchema, signCheckSchema } from '@/lib/validations/screening';
import { addToPipeline, createCandidate } from '@/prisma/seed/candidates';
import { createUser } from '@/prisma/seed/users';
import { createJudgmentTrial, runCheck } from '@/tests/helpers/eligibility-checks';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-review-queue');

const queueRoute = await import('@/app/api/v1/review-queue/route');

const prisma = getTestPrisma();
const PASSWORD = 'Cedar-Lantern-Moss-2';
const year = new Date().getUTCFullYear();
const users = {} as Record<'coordinator' | 'clinician', CurrentUser>;
const TO_REVIEW: PipelineStage[] = ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'];

let trialId: string;
let otherTrialId: string;
const expected: Record<string, { checkId: string; candidateId: string }> = {};
const absent: Record<string, string> = {};

async function candidateAt(trial: string, path: PipelineStage[], age = 40) {
  const candidate = await createCandidate(prisma, { dateOfBirth: new Date(Date.UTC(year - age, 0, 1)), sex: 'MALE' });
  await addToPipeline(prisma, { candidateId: candidate.id, trialId: trial, path, actorId: users.coordinator.id });
  return candidate;
}

beforeAll(async () => {
  const [coordinator, clinician] = await Promise.all([
    createUser(prisma, { role: 'COORDINATOR', name: 'Cora Queue', password: PASSWORD }),
    createUser(prisma, { role: 'CLINICIAN', name: 'Dr. Ash Queue', password: PASSWORD }),
  ]);
  users.coordinator = { id: coordinator.id, email: coordinator.email, name: coordinator.name, role: coordinator.role };
  users.clinician = { id: clinician.id, email: clinician.email, name: clinician.name, role: clinician.role };
  useStaff(users);
  const coord = contextFor(users.coordinator, 'req-review-queue');
  const clin = contextFor(users.clinician, 'req-review-queue');
  trialId = (await createJudgmentTrial()).id;
  otherTrialId = (await createJudgmentTrial({ withPhq9: true })).id;

  // In the review stage but never checked: nothing to review yet.
  absent.noCheck = (await candidateAt(trialId, TO_REVIEW)).id;

  // Checked twice: only the newer check is listed (the older can no longer be signed).
  const twice = await candidateAt(trialId, TO_REVIEW);
  absent.olderCheck = (await runCheck({ candidateId: twice.id, trialId, ctx: coord })).id;
  expected.newest = {
    candidateId: twice.id,
    checkId: (await runCheck({ candidateId: twice.id, trialId, ctx: coord })).id,
  };

  // Engine says ineligible (age 70) while pre-screening: a clinician signs that decision.
  const old = await candidateAt(trialId, ['REFERRED', 'CONTACTED', 'PRESCREENING'], 70);
  const ineligible = await runCheck({ candidateId: old.id, trialId, ctx: coord });
  expect(ineligible.overall).toBe('INELIGIBLE');
  expected.ineligible = { candidateId: old.id, checkId: ineligible.id };

  // Already signed: decided, not waiting.
  const signed = await candidateAt(trialId, TO_REVIEW);
  const signedCheck = await runCheck({ candidateId: signed.id, trialId, ctx: coord });
  await signEligibilityCheck({
    checkId: signedCheck.id,
    input: signCheckSchema.parse({ password: PASSWORD, decision: 'INELIGIBLE', meaning: 'Not eligible' }),
    ctx: clin,
  });
  absent.signed = signedCheck.id;

  // Withdrawn after the check: no decision can be recorded any more.
  const withdrawn = await candidateAt(trialId, ['REFERRED', 'CONTACTED', 'WITHDRAWN']);
  absent.withdrawn = (await runCheck({ candidateId: withdrawn.id, trialId, ctx: coord })).id;

  // Incomplete (no PHQ-9): waits for screening data, not for a clinician.
  const incomplete = await candidateAt(otherTrialId, TO_REVIEW);
  const incompleteCheck = await runCheck({ candidateId: incomplete.id, trialId: otherTrialId, ctx: coord });
  expect(incompleteCheck.overall).toBe('INCOMPLETE');
  absent.incomplete = incompleteCheck.id;

  // A drafted review is still waiting, and says so.
  const drafted = await candidateAt(trialId, TO_REVIEW);
  const draftedCheck = await runCheck({ candidateId: drafted.id, trialId, ctx: coord });
  await saveReviewDraft({
    checkId: draftedCheck.id,
    input: reviewDraftSchema.parse({ decision: 'ELIGIBLE' }),
    ctx: clin,
  });
  expected.drafted = { candidateId: drafted.id, checkId: draftedCheck.id };
});

describe('review queue', () => {
  it('[CLINICIAN] lists only the newest unsigned checks awaiting a decision, the longest-waiting first, each opening its check', async () => {
    asRole('CLINICIAN');
    const res = await call(queueRoute.GET, { query: { trialId } });
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((item: { checkId: string }) => item.checkId)).toEqual([
      expected.newest.checkId,
      expected.ineligible.checkId,
      expected.drafted.checkId,
    ]);
    for (const id of Object.values(absent)) expect(JSON.stringify(items)).not.toContain(id);

    expect(items[0]).toEqual({
      checkId: expected.newest.checkId,
      candidateId: expected.newest.candidateId,
      firstName: expect.any(String),
      lastName: expect.any(String),
      mrn: expect.any(String),
      dateOfBirth: `${year - 40}-01-01`,
      trialId,
      trialLabel: expect.stringContaining('Fictional review study'),
      stage: 'AWAITING_REVIEW',
      status: { overall: 'PENDING_REVIEW', needsReview: 3, criteria: 4 },
      checkedAt: expect.any(String),
      ageMinutes: expect.any(Number),
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      draftSavedAt: null,
      href: `/candidates/${expected.newest.candidateId}/eligibility/${expected.newest.checkId}`,
      coordinator: null,
    });
    expect(items[0].ageMinutes).toBeGreaterThanOrEqual(0);
    expect(items[1]).toMatchObject({ stage: 'PRESCREENING', status: { overall: 'INELIGIBLE', needsReview: 3 } });
    expect(items[2].draftSavedAt).toEqual(expect.any(String));
  });

  it('[COORDINATOR] reads the same queue; each read is logged with the candidates shown', async () => {
    asRole('COORDINATOR');
    const res = await call(queueRoute.GET, { query: { trialId } });
    expect(res.status).toBe(200);
    expect((await res.json()).items).toHaveLength(3);
    const [event] = await prisma.auditEvent.findMany({
      where: { action: 'review_queue.list', actorId: users.coordinator.id },
      orderBy: { createdAt: 'desc' },
      take: 1,
    });
    expect(event).toMatchObject({ entityType: 'Candidate', requestId: 'req-review-queue' });
    expect((event.after as { ids: string[] }).ids.sort()).toEqual(
      [expected.newest.candidateId, expected.ineligible.candidateId, expected.drafted.candidateId].sort(),
    );
  });

  it('[CLINICIAN] a trial with nothing to decide answers an empty queue and logs nothing', async () => {
    asRole('CLINICIAN');
    const before = await prisma.auditEvent.count({
      where: { action: 'review_queue.list', actorId: users.clinician.id },
    });
    const res = await call(queueRoute.GET, { query: { trialId: otherTrialId } });
    expect((await res.json()).items).toEqual([]);
    expect(await prisma.auditEvent.count({ where: { action: 'review_queue.list', actorId: users.clinician.id } })).toBe(
      before,
    );
  });

  it('[ANONYMOUS] is refused (401)', async () => {
    asRole(null);
    expect((await call(queueRoute.GET, { query: { trialId } })).status).toBe(401);
  });
});
