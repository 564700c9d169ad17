import type { ActorContext } from '@/lib/auth/actor-context';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCandidate } from '@/lib/candidates/create-candidate';
import { getCandidate } from '@/lib/candidates/get-candidate';
import { TEST_CONSENT_FORM_LABEL, contextFor, intakeInput, isoDaysAgo, makeTrial } from '@/lib/candidates/test-support';
import { movePipeline } from '@/lib/pipeline/move-pipeline';
import { generateAllocationList } from '@/lib/randomization/generate-allocation-list';
import { pipelineMoveSchema, type PipelineMoveValues } from '@/lib/validations/candidates';
import { addToPipeline } from '@/prisma/seed/candidates';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const prisma = getTestPrisma();
let coordinator: ActorContext;
let clinician: ActorContext;

beforeAll(async () => {
  const [c, k] = await Promise.all([
    createUser(prisma, { role: 'COORDINATOR', name: 'Cora Coordinator' }),
    createUser(prisma, { role: 'CLINICIAN', name: 'Kit Clinician' }),
  ]);
  coordinator = contextFor(c);
  clinician = contextFor(k);
});

function move(candidateId: string, values: PipelineMoveValues, ctx = coordinator) {
  return movePipeline({ candidateId, input: pipelineMoveSchema.parse(values), ctx });
}

/** A new candidate whose pipeline in `trialId` has reached ELIGIBLE (as a signed decision would leave it). */
async function eligibleCandidate(trialId: string) {
  const candidate = await createCandidate({ input: intakeInput(), ctx: coordinator });
  await addToPipeline(prisma, {
    candidateId: candidate.id,
    trialId,
    path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE'],
    actorId: clinician.user.id,
  });
  return candidate;
}

const CONSENTED_ON = isoDaysAgo(0);

/** Consent on the trial's approved form version (makeTrial adds one). */
async function consentIn(trialId: string) {
  const version = await prisma.consentFormVersion.findFirstOrThrow({ where: { trialId, retiredAt: null } });
  return { consentedOn: CONSENTED_ON, formVersionId: version.id };
}

async function enrolledIn(trialId: string, candidateId?: string, armId?: string) {
  const id = candidateId ?? (await eligibleCandidate(trialId)).id;
  await move(id, { trialId, to: 'CONSENTED', consent: await consentIn(trialId) });
  return { id, result: await move(id, { trialId, to: 'ENROLLED', armId }) };
}

describe('movePipeline: the stage machine', () => {
  it('adds a candidate to a trial at REFERRED, once', async () => {
    const trial = await makeTrial(prisma);
    const candidate = await createCandidate({ input: intakeInput(), ctx: coordinator });
    const added = await move(candidate.id, { trialId: trial.id, to: 'REFERRED' });
    expect(added).toMatchObject({ stage: 'REFERRED', fromStage: null, trialId: trial.id });
    await expect(move(candidate.id, { trialId: trial.id, to: 'REFERRED' })).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
    });
  });

  it('walks REFERRED → CONTACTED → PRESCREENING → AWAITING_REVIEW with history and audit', async () => {
    const trial = await makeTrial(prisma);
    const candidate = await createCandidate({ input: intakeInput({ trialId: trial.id }), ctx: coordinator });
    for (const to of ['CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'] as const)
      await move(candidate.id, {
        trialId: trial.id,
        to,
        reason: to === 'PRESCREENING' ? 'Phone screen booked' : undefined,
      });
    const detail = await getCandidate({ id: candidate.id, ctx: coordinator });
    const pipeline = detail.pipelines[0];
    expect(pipeline.stage).toBe('AWAITING_REVIEW');
    expect(pipeline.history.map((h) => [h.fromStage, h.toStage])).toEqual([
      [null, 'REFERRED'],
      ['REFERRED', 'CONTACTED'],
      ['CONTACTED', 'PRESCREENING'],
      ['PRESCREENING', 'AWAITING_REVIEW'],
    ]);
    expect(pipeline.history[2]).toMatchObject({ reason: 'Phone screen booked', actorName: 'Cora Coordinator' });
    expect(pipeline.allowedNext).toEqual(['WITHDRAWN', 'SCREEN_FAILED', 'LOST_TO_FOLLOW_UP']);
    const moves = await prisma.auditEvent.count({ where: { action: 'pipeline.move', entityId: pipeline.id } });
    expect(moves).toBe(4);
  });

  it('refuses a skipped step with 409 and the allowed next stages', async () => {
    const trial = await makeTrial(prisma);
    const candidate = await createCandidate({ input: intakeInput({ trialId: trial.id }), ctx: coordinator });
    await expect(move(candidate.id, { trialId: trial.id, to: 'AWAITING_REVIEW' })).rejects.toMatchObject({
      status: 409,
      details: {
        reason: 'INVALID_TRANSITION',
        from: 'REFERRED',
        allowed: ['CONTACTED', 'WITHDRAWN', 'SCREEN_FAILED', 'LOST_TO_FOLLOW_UP'],
      },
    });
  });

  it('answers 409 for a trial the candidate is not in yet', async () => {
    const trial = await makeTrial(prisma);
    const candidate = await createCandidate({ input: intakeInput(), ctx: coordinator });
    await expect(move(candidate.id, { trialId: trial.id, to: 'CONTACTED' })).rejects.toMatchObject({
      status: 409,
      details: { allowed: ['REFERRED'] },
    });
  });

  it('needs a reason to leave (400 on reason), then closes the pipeline', async () => {
    const trial = await makeTrial(prisma);
    const candidate = await createCandidate({ input: intakeInput({ trialId: trial.id }), ctx: coordinator });
    await expect(move(candidate.id, { trialId: trial.id, to: 'WITHDRAWN' })).rejects.toMatchObject({
      status: 400,
      fields: { reason: [expect.any(String)] },
    });
    await move(candidate.id, { trialId: trial.id, to: 'WITHDRAWN', reason: 'Moved out of state' });
    await expect(move(candidate.id, { trialId: trial.id, to: 'CONTACTED' })).rejects.toMatchObject({
      status: 409,
      details: { allowed: [] },
    });
    const event = await prisma.pipelineEvent.findFirstOrThrow({
      where: { toStage: 'WITHDRAWN', pipelineEntry: { candidateId: candidate.id } },
    });
    expect(event.reason).toBe('Moved out of state');
  });

  it('keeps ELIGIBLE for a signed decision: 403 for a coordinator and for a plain clinician move', async () => {
    const trial = await makeTrial(prisma);
    const candidate = await createCandidate({ input: intakeInput({ trialId: trial.id }), ctx: coordinator });
    for (const to of ['CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'] as const)
      await move(candidate.id, { trialId: trial.id, to });
    await expect(move(candidate.id, { trialId: trial.id, to: 'ELIGIBLE' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      status: 403,
    });
    await expect(move(candidate.id, { trialId: trial.id, to: 'INELIGIBLE' }, clinician)).rejects.toMatchObject({
      status: 403,
    });
    const entry = await prisma.pipelineEntry.findFirstOrThrow({ where: { candidateId: candidate.id } });
    expect(entry.stage).toBe('AWAITING_REVIEW');
  });
});

describe('movePipeline: consent and enrolment', () => {
  it('records consent with its date, form version and who obtained it; CONSENTED without it is 400', async () => {
    const trial = await makeTrial(prisma);
    const candidate = await eligibleCandidate(trial.id);
    await expect(move(candidate.id, { trialId: trial.id, to: 'CONSENTED' })).rejects.toMatchObject({ status: 400 });
    const result = await move(candidate.id, { trialId: trial.id, to: 'CONSENTED', consent: await consentIn(trial.id) });
    const consent = await prisma.consent.findUniqueOrThrow({ where: { id: result.consentId! } });
    expect(consent).toMatchObject({
      formVersionId: trial.consentFormVersions[0].id,
      obtainedById: coordinator.user.id,
    });
    expect(consent.consentedOn.toISOString().slice(0, 10)).toBe(CONSENTED_ON);
    expect(await prisma.auditEvent.count({ where: { action: 'consent.record', entityId: consent.id } })).toBe(1);
    const detail = await getCandidate({ id: candidate.id, ctx: coordinator });
    expect(detail.pipelines[0].consent).toMatchObject({
      formVersion: { label: TEST_CONSENT_FORM_LABEL, isRetired: false },
      documents: [],
      obtainedBy: { id: coordinator.user.id, name: 'Cora Coordinator' },
    });
  });

  it('open-label enrolment needs an arm of that trial (400 without, 404 for another trial’s)', async () => {
    const trial = await makeTrial(prisma, { arms: [{ label: 'Open ketamine' }] });
    const other = await makeTrial(prisma);
    const candidate = await eligibleCandidate(trial.id);
    await move(candidate.id, { trialId: trial.id, to: 'CONSENTED', consent: await consentIn(trial.id) });
    await expect(move(candidate.id, { trialId: trial.id, to: 'ENROLLED' })).rejects.toMatchObject({
      status: 400,
      fields: { armId: [expect.any(String)] },
    });
    await expect(
      move(candidate.id, { trialId: trial.id, to: 'ENROLLED', armId: other.arms[0].id }),
    ).rejects.toMatchObject({ status: 404 });
    const result = await move(candidate.id, { trialId: trial.id, to: 'ENROLLED', armId: trial.arms[0].id });
    const enrollment = await prisma.enrollment.findUniqueOrThrow({ where: { id: result.enrollmentId! } });
    expect(enrollment).toMatchObject({
      armId: trial.arms[0].id,
      status: 'ACTIVE',
      activeInterventionalCandidateId: candidate.id,
      pipelineEntryId: result.pipelineEntryId,
    });
  });

  it('an observational enrolment does not take the interventional slot', async () => {
    const observational = await makeTrial(prisma, {
      studyType: 'OBSERVATIONAL',
      allocation: 'NA',
      arms: [{ label: 'Cohort' }],
    });
    const interventional = await makeTrial(prisma);
    const { id } = await enrolledIn(observational.id, undefined, observational.arms[0].id);
    const enrollment = await prisma.enrollment.findFirstOrThrow({ where: { candidateId: id } });
    expect(enrollment.activeInterventionalCandidateId).toBeNull();
    await addToPipeline(prisma, {
      candidateId: id,
      trialId: interventional.id,
      path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE'],
      actorId: null,
    });
    await expect(enrolledIn(interventional.id, id, interventional.arms[0].id)).resolves.toMatchObject({
      result: { stage: 'ENROLLED' },
    });
  });

  it('randomized enrolment reveals the allocation list in sequence order, reproducibly from its seed, audited', async () => {
    const trial = await makeTrial(prisma, {
      allocation: 'RANDOMIZED',
      arms: [
        { label: 'Ketamine', allocationWeight: 2 },
        { label: 'Midazolam', allocationWeight: 1 },
      ],
      targetEnrollment: 30,
    });
    const assigned: Array<{ sequence: number | null; armId: string | null }> = [];
    for (let i = 0; i < 4; i += 1) {
      const { result } = await enrolledIn(trial.id);
      assigned.push({ sequence: result.allocationSequence, armId: result.armId });
    }
    expect(assigned.map((a) => a.sequence)).toEqual([1, 2, 3, 4]);

    const list = await prisma.allocationList.findUniqueOrThrow({
      where: { trialId: trial.id },
      include: { entries: { orderBy: { sequence: 'asc' } } },
    });
    expect(list.blockSizes).toEqual([6, 9]);
    expect(list.entries.length).toBeGreaterThanOrEqual(200);
    const regenerated = generateAllocationList({
      arms: trial.arms,
      seed: list.seed,
      minEntries: list.entries.length,
      blockSizes: list.blockSizes,
    });
    expect(regenerated).toEqual(
      list.entries.map(({ sequence, blockNumber, armId }) => ({ sequence, blockNumber, armId })),
    );
    expect(assigned.map((a) => a.armId)).toEqual(list.entries.slice(0, 4).map((e) => e.armId));
    expect(
      list.entries.slice(0, 4).every((e) => e.revealedAt && e.enrollmentId && e.revealedById === coordinator.user.id),
    ).toBe(true);
    expect(list.entries[4].revealedAt).toBeNull();

    expect(await prisma.auditEvent.count({ where: { action: 'allocation.generate', entityId: list.id } })).toBe(1);
    expect(
      await prisma.auditEvent.count({
        where: { action: 'allocation.reveal', entityId: { in: list.entries.slice(0, 4).map((e) => e.id) } },
      }),
    ).toBe(4);
    const generated = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'allocation.generate', entityId: list.id },
    });
    expect(JSON.stringify(generated.after)).not.toContain(list.seed);
  });

  it('randomized enrolment refuses a chosen arm', async () => {
    const trial = await makeTrial(prisma, { allocation: 'RANDOMIZED', arms: [{ label: 'A' }, { label: 'B' }] });
    const candidate = await eligibleCandidate(trial.id);
    await move(candidate.id, { trialId: trial.id, to: 'CONSENTED', consent: await consentIn(trial.id) });
    await expect(
      move(candidate.id, { trialId: trial.id, to: 'ENROLLED', armId: trial.arms[0].id }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('concurrent randomized enrolments in one trial take consecutive entries, each once', async () => {
    const trial = await makeTrial(prisma, { allocation: 'RANDOMIZED', arms: [{ label: 'A' }, { label: 'B' }] });
    const candidates = await Promise.all([
      eligibleCandidate(trial.id),
      eligibleCandidate(trial.id),
      eligibleCandidate(trial.id),
    ]);
    for (const c of candidates)
      await move(c.id, { trialId: trial.id, to: 'CONSENTED', consent: await consentIn(trial.id) });
    const results = await Promise.all(candidates.map((c) => move(c.id, { trialId: trial.id, to: 'ENROLLED' })));
    expect(results.map((r) => r.allocationSequence).sort()).toEqual([1, 2, 3]);
    expect(await prisma.allocationList.count({ where: { trialId: trial.id } })).toBe(1);
  });

  it('two concurrent enrolments of one candidate in two interventional trials: exactly one wins, the other gets 409', async () => {
    const [first, second] = await Promise.all([
      makeTrial(prisma),
      makeTrial(prisma, { allocation: 'RANDOMIZED', arms: [{ label: 'A' }, { label: 'B' }] }),
    ]);
    const candidate = await eligibleCandidate(first.id);
    await addToPipeline(prisma, {
      candidateId: candidate.id,
      trialId: second.id,
      path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE'],
      actorId: null,
    });
    await move(candidate.id, { trialId: first.id, to: 'CONSENTED', consent: await consentIn(first.id) });
    await move(candidate.id, { trialId: second.id, to: 'CONSENTED', consent: await consentIn(second.id) });

    const results = await Promise.allSettled([
      move(candidate.id, { trialId: first.id, to: 'ENROLLED', armId: first.arms[0].id }),
      move(candidate.id, { trialId: second.id, to: 'ENROLLED' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!;
    expect(rejected.reason).toMatchObject({
      code: 'CONFLICT',
      status: 409,
      message: 'Already enrolled in another interventional trial',
    });

    expect(await prisma.enrollment.count({ where: { candidateId: candidate.id } })).toBe(1);
    const stages = await prisma.pipelineEntry.findMany({
      where: { candidateId: candidate.id },
      select: { stage: true },
    });
    expect(stages.map((s) => s.stage).sort()).toEqual(['CONSENTED', 'ENROLLED']);
    // The loser's allocation entry (if it was the randomized one) was not used up.
    expect(
      await prisma.allocationEntry.count({ where: { list: { trialId: second.id }, revealedAt: { not: null } } }),
    ).toBe(results[1].status === 'fulfilled' ? 1 : 0);
  });

  it('ending an enrolment (completed, withdrawn) frees the interventional slot', async () => {
    const [first, second] = await Promise.all([makeTrial(prisma), makeTrial(prisma)]);
    const { id } = await enrolledIn(first.id, undefined, first.arms[0].id);
    await move(id, { trialId: first.id, to: 'IN_TREATMENT' });
    let enrollment = await prisma.enrollment.findFirstOrThrow({ where: { candidateId: id, trialId: first.id } });
    expect(enrollment.status).toBe('ACTIVE');

    await addToPipeline(prisma, {
      candidateId: id,
      trialId: second.id,
      path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW', 'ELIGIBLE'],
      actorId: null,
    });
    await move(id, { trialId: second.id, to: 'CONSENTED', consent: await consentIn(second.id) });
    await expect(move(id, { trialId: second.id, to: 'ENROLLED', armId: second.arms[0].id })).rejects.toMatchObject({
      status: 409,
      details: { trialId: first.id },
    });

    await move(id, { trialId: first.id, to: 'WITHDRAWN', reason: 'Participant request' });
    enrollment = await prisma.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } });
    expect(enrollment).toMatchObject({
      status: 'WITHDRAWN',
      endReason: 'Participant request',
      activeInterventionalCandidateId: null,
    });
    expect(enrollment.endedAt).not.toBeNull();
    await expect(move(id, { trialId: second.id, to: 'ENROLLED', armId: second.arms[0].id })).resolves.toMatchObject({
      stage: 'ENROLLED',
    });
  });
});
