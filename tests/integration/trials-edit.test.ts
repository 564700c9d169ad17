import type { Role } from '@/lib/auth/permissions';
import type { ActorContext } from '@/lib/auth/actor-context';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { assignSubjectId } from '@/lib/enrollments/assign-subject-id';
import { confirmArmDosing } from '@/lib/trials/confirm-arm-dosing';
import { confirmCriterionRule } from '@/lib/trials/confirm-criterion-rule';
import { createTrial } from '@/lib/trials/create-trial';
import { getProtocolVersion, getTrial } from '@/lib/trials/get-trial';
import { listTrials } from '@/lib/trials/list-trials';
import type { TrialDetail } from '@/lib/trials/types';
import { STALE_TRIAL_MESSAGE, updateTrial } from '@/lib/trials/update-trial';
import { NCT06668571_DOSING } from '@/lib/validations/dosing';
import {
  trialDraftSchema,
  trialListQuerySchema,
  trialPatchSchema,
  type TrialDraftInput,
  type TrialPatchInput,
} from '@/lib/validations/trials';
import { TRIAL_NCT06668571 } from '@/prisma/seed/data/seed-trials';
import { createCandidate } from '@/prisma/seed/candidates';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

const prisma = getTestPrisma();

let nctCounter = 0;
/** NCT ids no real study or other test file uses: NCT8 + pid-derived digits + a counter. */
function uniqueNct(): string {
  nctCounter += 1;
  return `NCT8${String(process.pid % 1000).padStart(3, '0')}${String(nctCounter).padStart(4, '0')}`;
}

function draft(overrides: Partial<TrialDraftInput> = {}) {
  return trialDraftSchema.parse({ ...TRIAL_NCT06668571, nctId: uniqueNct(), ...overrides });
}

let admin: { id: string; name: string; role: Role };
let ctx: ActorContext;

function contextFor(user: { id: string; name: string; role: Role }): ActorContext {
  return { user, audit: (tx, event) => recordAuditEvent(tx, { ...event, actorId: user.id }) };
}

const failingCtx = (): ActorContext => ({
  user: admin,
  audit: async () => {
    throw new Error('audit store unavailable');
  },
});

function patch(input: TrialPatchInput) {
  return trialPatchSchema.parse(input);
}

async function newTrial(overrides: Partial<TrialDraftInput> = {}): Promise<TrialDetail> {
  return createTrial({ draft: draft(overrides), ctx });
}

async function screenSomeone(trialId: string) {
  const candidate = await createCandidate(prisma);
  await prisma.pipelineEntry.create({ data: { candidateId: candidate.id, trialId, stage: 'AWAITING_REVIEW' } });
}

async function enroll(trialId: string, armId: string) {
  const candidate = await createCandidate(prisma);
  const entry = await prisma.pipelineEntry.create({ data: { candidateId: candidate.id, trialId, stage: 'ENROLLED' } });
  await prisma.enrollment.create({
    data: {
      candidateId: candidate.id,
      trialId,
      subjectId: await assignSubjectId({ tx: prisma, trialId }),
      pipelineEntryId: entry.id,
      armId,
      enrolledAt: new Date(),
    },
  });
}

function auditCount(entityId: string) {
  return prisma.auditEvent.count({ where: { entityId } });
}

beforeAll(async () => {
  admin = await createUser(prisma, { role: 'ADMIN', name: 'Edit Admin' });
  ctx = contextFor(admin);
});

describe('createTrial', () => {
  it('stores the complete record (arms, confirmed dosing and rules, outcomes, plan) with a trial.create event', async () => {
    const input = draft({
      outcomes: [{ kind: 'PRIMARY', measure: 'Change in MADRS', timeFrame: 'Baseline to day 7' }],
    });
    const trial = await createTrial({ draft: input, ctx });
    expect(trial).toMatchObject({
      nctId: input.nctId,
      source: 'MANUAL',
      version: 1,
      hasScreenings: false,
      isCurrentVersion: true,
    });
    expect(trial.protocolVersion).toMatchObject({
      number: 1,
      reason: null,
      createdBy: { id: admin.id, name: admin.name },
    });
    expect(trial.arms.map((arm) => [arm.label, arm.type, arm.dosingStatus])).toEqual([
      ['Ketamine Group', 'EXPERIMENTAL', 'confirmed'],
      ['Normal Saline/Placebo Group', 'PLACEBO_COMPARATOR', 'confirmed'],
    ]);
    expect(trial.arms[0].dosing).toEqual(NCT06668571_DOSING);
    expect(trial.criteria).toHaveLength(input.criteria.length);
    expect(trial.criteria[0]).toMatchObject({
      kind: 'inclusion',
      text: 'Age 18 Years to 65 Years',
      rule: { measure: 'age_years' },
      ruleConfirmedBy: { id: admin.id },
    });
    expect(trial.criteria.find((c) => c.text === 'ECT in the past 6 months')).toMatchObject({
      kind: 'exclusion',
      rule: null,
      ruleConfirmedBy: null,
    });
    expect(trial.outcomes).toEqual([
      expect.objectContaining({ kind: 'PRIMARY', measure: 'Change in MADRS', position: 0 }),
    ]);
    expect(trial.assessmentPlan.map((item) => `${item.instrument}@${item.timepoint}`)).toContain(
      'PHQ9@DAYS_AFTER_LAST_7',
    );
    expect(trial.interventions.every((item) => item.armIds.length > 0)).toBe(true);
    const events = await prisma.auditEvent.findMany({ where: { entityId: trial.id } });
    expect(events).toEqual([expect.objectContaining({ action: 'trial.create', actorId: admin.id })]);
  });

  it('answers 409 on nctId for a duplicate NCT id, also when two requests race', async () => {
    const input = draft();
    const results = await Promise.allSettled([createTrial({ draft: input, ctx }), createTrial({ draft: input, ctx })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await expect(createTrial({ draft: input, ctx })).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      fields: { nctId: [expect.any(String)] },
    });
    expect(await prisma.trial.count({ where: { nctId: input.nctId } })).toBe(1);
    expect(
      await prisma.auditEvent.count({
        where: { action: 'trial.create', after: { path: ['nctId'], equals: input.nctId! } },
      }),
    ).toBe(1);
  });

  it('refuses two arms with one label, and links to arms that do not exist (400)', async () => {
    const base = draft();
    await expect(createTrial({ draft: { ...base, arms: [base.arms[0], base.arms[0]] }, ctx })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'arms.1.label': [expect.any(String)] },
    });
    await expect(
      createTrial({ draft: { ...base, interventions: [{ ...base.interventions[0], armLabels: ['Nope'] }] }, ctx }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { 'interventions.0.armLabels.0': [expect.any(String)] },
    });
    expect(await prisma.trial.count({ where: { nctId: base.nctId } })).toBe(0);
  });

  it('writes nothing when the audit event fails (one transaction)', async () => {
    const input = draft();
    await expect(createTrial({ draft: input, ctx: failingCtx() })).rejects.toThrow('audit store unavailable');
    expect(await prisma.trial.count({ where: { nctId: input.nctId } })).toBe(0);
  });
});

describe('updateTrial', () => {
  it('updates fields in place, bumps the version and audits before/after of what changed', async () => {
    const trial = await newTrial();
    const updated = await updateTrial({
      id: trial.id,
      patch: patch({ version: 1, title: 'Renamed ketamine study', targetEnrollment: 40 }),
      ctx,
    });
    expect(updated).toMatchObject({ title: 'Renamed ketamine study', targetEnrollment: 40, version: 2 });
    expect(updated.protocolVersion.id).toBe(trial.protocolVersion.id);
    expect(updated.criteria.map((c) => c.id)).toEqual(trial.criteria.map((c) => c.id));
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: trial.id, action: 'trial.update' } });
    expect(event).toMatchObject({
      actorId: admin.id,
      before: { title: trial.title, targetEnrollment: 30 },
      after: { title: 'Renamed ketamine study', targetEnrollment: 40 },
    });
    expect(Object.keys(event.after as object).sort()).toEqual(['targetEnrollment', 'title']);
  });

  it('answers 409 for a stale version and writes nothing', async () => {
    const trial = await newTrial();
    await updateTrial({ id: trial.id, patch: patch({ version: 1, title: 'First edit' }), ctx });
    const events = await auditCount(trial.id);
    await expect(
      updateTrial({ id: trial.id, patch: patch({ version: 1, title: 'Second edit' }), ctx }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: STALE_TRIAL_MESSAGE,
    });
    expect(await getTrial(trial.id)).toMatchObject({ title: 'First edit', version: 2 });
    expect(await auditCount(trial.id)).toBe(events);
  });

  it('answers 409 on nctId when the new NCT id belongs to another trial, and 404 for a missing trial', async () => {
    const [a, b] = [await newTrial(), await newTrial()];
    await expect(updateTrial({ id: a.id, patch: patch({ version: 1, nctId: b.nctId }), ctx })).rejects.toMatchObject({
      status: 409,
      fields: { nctId: [expect.any(String)] },
    });
    await expect(
      updateTrial({ id: 'no-such-trial', patch: patch({ version: 1, title: 'x' }), ctx }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('edits criteria in the current protocol version while nobody has been screened', async () => {
    const trial = await newTrial();
    const criteria = trial.criteria.map((c) => ({
      id: c.id,
      kind: c.kind.toUpperCase() as 'INCLUSION' | 'EXCLUSION',
      text: c.text,
    }));
    criteria[2] = { ...criteria[2], text: 'PHQ-9 total score ≥ 18 at screening' };
    const edited = criteria.map((c, index) =>
      index === 2
        ? { ...c, rule: { kind: 'number' as const, measure: 'phq9_total' as const, op: 'gte' as const, value: 18 } }
        : c,
    );
    const updated = await updateTrial({ id: trial.id, patch: patch({ version: 1, criteria: edited }), ctx });
    expect(updated.versions).toHaveLength(1);
    expect(updated.protocolVersion.id).toBe(trial.protocolVersion.id);
    expect(updated.criteria[2]).toMatchObject({
      text: 'PHQ-9 total score ≥ 18 at screening',
      rule: { value: 18 },
      ruleConfirmedBy: { id: admin.id },
    });
    // Untouched criteria keep their ids and confirmed rules.
    expect(updated.criteria[0]).toEqual(trial.criteria[0]);
    expect(await prisma.auditEvent.count({ where: { entityId: trial.id, action: 'trial.amend' } })).toBe(0);
  });

  it('a saved eligibility check counts as a screening even while the candidate is still Referred', async () => {
    const trial = await newTrial();
    const candidate = await createCandidate(prisma);
    await prisma.pipelineEntry.create({ data: { candidateId: candidate.id, trialId: trial.id, stage: 'REFERRED' } });
    expect((await getTrial(trial.id)).hasScreenings).toBe(false);
    await prisma.eligibilityCheck.create({
      data: {
        candidateId: candidate.id,
        trialId: trial.id,
        protocolVersionId: trial.protocolVersion.id,
        asOf: new Date(),
        inputs: {},
        results: [],
        overall: 'INCOMPLETE',
        createdById: admin.id,
      },
    });
    expect((await getTrial(trial.id)).hasScreenings).toBe(true);
    const criteria = trial.criteria
      .slice(1)
      .map((c) => ({ id: c.id, kind: c.kind.toUpperCase() as 'INCLUSION' | 'EXCLUSION', text: c.text }));
    await expect(updateTrial({ id: trial.id, patch: patch({ version: 1, criteria }), ctx })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('after a screening, a criteria change needs a reason (400, nothing written) and then creates protocol version 2', async () => {
    const trial = await newTrial();
    await screenSomeone(trial.id);
    const criteria = [
      ...trial.criteria.map((c) => ({
        id: c.id,
        kind: c.kind.toUpperCase() as 'INCLUSION' | 'EXCLUSION',
        text: c.text,
      })),
      { kind: 'EXCLUSION' as const, text: 'Pregnant or breastfeeding' },
    ];
    const events = await auditCount(trial.id);
    const screened = await getTrial(trial.id);
    expect(screened.hasScreenings).toBe(true);

    await expect(updateTrial({ id: trial.id, patch: patch({ version: 1, criteria }), ctx })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      status: 400,
      fields: { amendmentReason: [expect.any(String)] },
    });
    expect(await getTrial(trial.id)).toEqual(screened);
    expect(await auditCount(trial.id)).toBe(events);

    const v1Rows = await prisma.criterion.findMany({
      where: { protocolVersionId: trial.protocolVersion.id },
      orderBy: { position: 'asc' },
    });
    const updated = await updateTrial({
      id: trial.id,
      patch: patch({ version: 1, criteria, amendmentReason: 'IRB amendment 3: exclude pregnancy' }),
      ctx,
    });
    expect(updated.protocolVersion).toMatchObject({
      number: 2,
      reason: 'IRB amendment 3: exclude pregnancy',
      createdBy: { id: admin.id },
    });
    expect(updated.versions.map((v) => [v.number, v.criteriaCount])).toEqual([
      [2, trial.criteria.length + 1],
      [1, trial.criteria.length],
    ]);
    expect(updated.criteria.at(-1)).toMatchObject({ text: 'Pregnant or breastfeeding', rule: null });
    // Confirmed rules carry over with who confirmed them; dosing and plan are copied into the new version.
    expect(updated.criteria[0]).toMatchObject({
      rule: trial.criteria[0].rule,
      ruleConfirmedBy: { id: admin.id },
      ruleConfirmedAt: trial.criteria[0].ruleConfirmedAt,
    });
    expect(updated.arms.map((arm) => arm.dosing)).toEqual(trial.arms.map((arm) => arm.dosing));
    expect(updated.assessmentPlan.map((item) => [item.instrument, item.timepoint])).toEqual(
      trial.assessmentPlan.map((item) => [item.instrument, item.timepoint]),
    );
    // Version 1 is untouched.
    expect(
      await prisma.criterion.findMany({
        where: { protocolVersionId: trial.protocolVersion.id },
        orderBy: { position: 'asc' },
      }),
    ).toEqual(v1Rows);
    const v1 = await getProtocolVersion(trial.id, 1);
    expect(v1.criteria).toEqual(trial.criteria);
    expect(v1.isCurrentVersion).toBe(false);

    const amend = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: trial.id, action: 'trial.amend' } });
    expect(amend).toMatchObject({
      reason: 'IRB amendment 3: exclude pregnancy',
      before: { protocolVersion: 1 },
      after: { protocolVersion: 2 },
    });
    expect(await prisma.auditEvent.count({ where: { entityId: trial.id, action: 'trial.update' } })).toBe(1);
  });

  it('after a screening, field-only edits stay in the current version; dosing and plan edits amend it', async () => {
    const trial = await newTrial();
    await screenSomeone(trial.id);
    const fieldsOnly = await updateTrial({
      id: trial.id,
      patch: patch({ version: 1, overallStatus: 'ACTIVE_NOT_RECRUITING', coverageNote: 'Research only.' }),
      ctx,
    });
    expect(fieldsOnly.versions).toHaveLength(1);

    const arms = fieldsOnly.arms.map((arm) => ({
      id: arm.id,
      label: arm.label,
      type: arm.type,
      description: arm.description,
      allocationWeight: arm.allocationWeight,
    }));
    const capped = { ...NCT06668571_DOSING, maxMgPerSession: 40 };
    await expect(
      updateTrial({ id: trial.id, patch: patch({ version: 2, arms: [{ ...arms[0], dosing: capped }, arms[1]] }), ctx }),
    ).rejects.toMatchObject({ status: 400 });
    const dosed = await updateTrial({
      id: trial.id,
      patch: patch({
        version: 2,
        arms: [{ ...arms[0], dosing: capped }, arms[1]],
        amendmentReason: 'Cap lowered to 40 mg',
      }),
      ctx,
    });
    expect(dosed.protocolVersion.number).toBe(2);
    expect(dosed.arms[0].dosing?.maxMgPerSession).toBe(40);
    // Omitted dosing keeps the arm's current protocol.
    expect(dosed.arms[1].dosing).toEqual(trial.arms[1].dosing);
    expect((await getProtocolVersion(trial.id, 1)).arms[0].dosing?.maxMgPerSession).toBe(50);

    const plan = await updateTrial({
      id: trial.id,
      patch: patch({
        version: 3,
        assessmentPlan: [{ instrument: 'PHQ9', timepoint: { kind: 'BASELINE' } }],
        amendmentReason: 'Simplified assessments',
      }),
      ctx,
    });
    expect(plan.protocolVersion.number).toBe(3);
    expect(plan.assessmentPlan).toEqual([
      expect.objectContaining({ instrument: 'PHQ9', timepoint: 'BASELINE', windowBeforeDays: 0 }),
    ]);
  });

  it('never removes an arm with enrollments (409); renames keep the arm and its intervention links', async () => {
    const trial = await newTrial();
    const [ketamine, placebo] = trial.arms;
    await enroll(trial.id, placebo.id);
    const keep = {
      id: ketamine.id,
      label: 'Ketamine 0.5 mg/kg',
      type: ketamine.type,
      description: ketamine.description,
      allocationWeight: 1,
    };
    await expect(updateTrial({ id: trial.id, patch: patch({ version: 1, arms: [keep] }), ctx })).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
    });
    expect((await getTrial(trial.id)).arms).toHaveLength(2);

    const renamed = await updateTrial({
      id: trial.id,
      patch: patch({
        version: 1,
        arms: [
          keep,
          {
            id: placebo.id,
            label: placebo.label,
            type: placebo.type,
            description: placebo.description,
            allocationWeight: 1,
          },
        ],
        amendmentReason: 'Arm renamed',
      }),
      ctx,
    });
    expect(renamed.arms.map((arm) => [arm.id, arm.label])).toEqual([
      [ketamine.id, 'Ketamine 0.5 mg/kg'],
      [placebo.id, placebo.label],
    ]);
    expect(renamed.arms[0].dosing).toEqual(ketamine.dosing);
    const links = (detail: TrialDetail) => detail.interventions.flatMap((item) => item.armIds).sort();
    expect(links(renamed)).toEqual(links(trial));
  });

  it('removes an arm without enrollments and adds a new one', async () => {
    const trial = await newTrial();
    const [ketamine] = trial.arms;
    const updated = await updateTrial({
      id: trial.id,
      patch: patch({
        version: 1,
        arms: [
          {
            id: ketamine.id,
            label: ketamine.label,
            type: ketamine.type,
            description: ketamine.description,
            allocationWeight: 2,
          },
          { label: 'Midazolam', type: 'ACTIVE_COMPARATOR', description: 'Active placebo', allocationWeight: 1 },
        ],
      }),
      ctx,
    });
    expect(updated.arms.map((arm) => [arm.label, arm.allocationWeight, arm.dosingStatus])).toEqual([
      ['Ketamine Group', 2, 'confirmed'],
      ['Midazolam', 1, null],
    ]);
    expect(updated.interventions.flatMap((item) => item.armIds).every((id) => id === ketamine.id)).toBe(true);
    expect(await prisma.arm.count({ where: { trialId: trial.id } })).toBe(2);
  });

  it('writes nothing when the audit event fails', async () => {
    const trial = await newTrial();
    await expect(
      updateTrial({ id: trial.id, patch: patch({ version: 1, title: 'Never saved' }), ctx: failingCtx() }),
    ).rejects.toThrow('audit store unavailable');
    expect(await getTrial(trial.id)).toEqual(trial);
  });
});

describe('confirmCriterionRule and confirmArmDosing', () => {
  it('confirms a suggested or edited rule in place, clears it, and records who confirmed it', async () => {
    const base = draft();
    const criteria = base.criteria.map((c, index) =>
      index === 1
        ? {
            ...c,
            rule: null,
            suggestedRule: { kind: 'diagnosis' as const, anyOf: ['major_depressive_disorder' as const] },
          }
        : c,
    );
    const trial = await createTrial({ draft: { ...base, criteria }, ctx });
    const target = trial.criteria[1];
    expect(target).toMatchObject({ rule: null, suggestedRule: { kind: 'diagnosis' } });

    const confirmed = await confirmCriterionRule({ trialId: trial.id, criterionId: target.id, ctx });
    expect(confirmed.criteria[1]).toMatchObject({
      id: target.id,
      rule: { kind: 'diagnosis', anyOf: ['major_depressive_disorder'] },
      ruleConfirmedBy: { id: admin.id, name: admin.name },
    });
    expect(confirmed.criteria[1].ruleConfirmedAt).not.toBeNull();
    expect(confirmed.version).toBe(2);

    const cleared = await confirmCriterionRule({ trialId: trial.id, criterionId: target.id, clear: true, ctx });
    expect(cleared.criteria[1]).toMatchObject({
      rule: null,
      ruleConfirmedBy: null,
      ruleConfirmedAt: null,
      suggestedRule: { kind: 'diagnosis' },
    });
    expect(cleared.versions).toHaveLength(1);
    const events = await prisma.auditEvent.findMany({
      where: { action: 'criterion.confirm_rule', entityId: target.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    expect(events.map((e) => (e.after as { cleared: boolean }).cleared)).toEqual([false, true]);

    const noSuggestion = trial.criteria.find((c) => c.rule === null && c.suggestedRule === null)!;
    await expect(confirmCriterionRule({ trialId: trial.id, criterionId: noSuggestion.id, ctx })).rejects.toMatchObject({
      status: 400,
      fields: { rule: [expect.any(String)] },
    });
    await expect(confirmCriterionRule({ trialId: trial.id, criterionId: 'missing', ctx })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('after a screening, amends the protocol with just that criterion changed (reason required)', async () => {
    const trial = await newTrial();
    await screenSomeone(trial.id);
    const target = trial.criteria.find((c) => c.text === 'ECT in the past 6 months')!;
    const rule = { kind: 'fact' as const, fact: 'in_another_trial' as const, equals: true };
    await expect(confirmCriterionRule({ trialId: trial.id, criterionId: target.id, rule, ctx })).rejects.toMatchObject({
      status: 400,
      fields: { amendmentReason: [expect.any(String)] },
    });

    const amended = await confirmCriterionRule({
      trialId: trial.id,
      criterionId: target.id,
      rule,
      amendmentReason: 'Rule reviewed by PI',
      ctx,
    });
    expect(amended.protocolVersion).toMatchObject({ number: 2, reason: 'Rule reviewed by PI' });
    const index = trial.criteria.indexOf(target);
    amended.criteria.forEach((criterion, i) => {
      if (i === index) expect(criterion).toMatchObject({ text: target.text, rule, ruleConfirmedBy: { id: admin.id } });
      else expect({ ...criterion, id: 'x' }).toEqual({ ...trial.criteria[i], id: 'x' });
    });
    expect((await getProtocolVersion(trial.id, 1)).criteria[index]).toEqual(target);
    // The old version's criterion can no longer be confirmed: the page is stale.
    await expect(
      confirmCriterionRule({
        trialId: trial.id,
        criterionId: target.id,
        clear: true,
        amendmentReason: 'x'.repeat(5),
        ctx,
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("confirms an arm's suggested dosing, or an edited protocol as an amendment after a screening", async () => {
    const base = draft();
    const trial = await createTrial({
      draft: { ...base, arms: base.arms.map((arm) => ({ ...arm, dosing: null, suggestedDosing: arm.dosing })) },
      ctx,
    });
    expect(trial.arms[0]).toMatchObject({ dosingStatus: 'suggested', confirmedDosing: null });
    const confirmed = await confirmArmDosing({ trialId: trial.id, armId: trial.arms[0].id, ctx });
    expect(confirmed.arms[0]).toMatchObject({ dosingStatus: 'confirmed', confirmedDosing: NCT06668571_DOSING });
    expect(confirmed.versions).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { action: 'arm.confirm_dosing', entityId: trial.arms[0].id } })).toBe(
      1,
    );

    await screenSomeone(trial.id);
    const edited = { ...NCT06668571_DOSING, infusionMinutes: 45 };
    await expect(
      confirmArmDosing({ trialId: trial.id, armId: trial.arms[1].id, dosing: edited, ctx }),
    ).rejects.toMatchObject({ status: 400 });
    const amended = await confirmArmDosing({
      trialId: trial.id,
      armId: trial.arms[0].id,
      dosing: edited,
      amendmentReason: 'Infusion lengthened',
      ctx,
    });
    expect(amended.protocolVersion.number).toBe(2);
    expect(amended.arms[0].dosing?.infusionMinutes).toBe(45);
    expect((await getProtocolVersion(trial.id, 1)).arms[0].dosing?.infusionMinutes).toBe(40);
  });
});

describe('listTrials and getTrial', () => {
  it('searches by NCT id or title, filters by status and phase, pages and sorts', async () => {
    const token = `zq${Date.now().toString(36)}`;
    const a = await newTrial({ title: `Alpha ${token} ketamine`, overallStatus: 'RECRUITING', phases: ['PHASE2'] });
    const b = await newTrial({
      title: `Beta ${token} ketamine`,
      overallStatus: 'COMPLETED',
      phases: ['PHASE3'],
      targetEnrollment: 10,
    });
    const c = await newTrial({
      title: 'Gamma study',
      shortTitle: `Gamma ${token}`,
      overallStatus: 'RECRUITING',
      phases: ['PHASE2', 'PHASE3'],
    });
    await enroll(b.id, b.arms[0].id);
    const query = (input: Record<string, string>) => listTrials(trialListQuerySchema.parse({ q: token, ...input }));

    const all = await query({ sort: 'title' });
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.id)).toEqual([a.id, b.id, c.id]);
    expect(all.items[0]).toMatchObject({
      nctId: a.nctId,
      title: a.title,
      phases: ['PHASE2'],
      status: 'RECRUITING',
      enrolledCount: 0,
      pipelineCount: 0,
      targetEnrollment: 30,
    });
    expect((await query({ sort: 'title', dir: 'desc' })).items.map((item) => item.id)).toEqual([c.id, b.id, a.id]);
    expect(
      (await listTrials(trialListQuerySchema.parse({ q: a.nctId!.toLowerCase() }))).items.map((item) => item.id),
    ).toEqual([a.id]);
    expect((await query({ status: 'RECRUITING', sort: 'title' })).items.map((item) => item.id)).toEqual([a.id, c.id]);
    expect((await query({ phase: 'PHASE3', sort: 'title' })).items.map((item) => item.id)).toEqual([b.id, c.id]);
    const page2 = await query({ sort: 'title', pageSize: '2', page: '2' });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((item) => item.id)).toEqual([c.id]);
    const byEnrollment = await query({ sort: 'enrollment', dir: 'desc' });
    expect(byEnrollment.items[0]).toMatchObject({ id: b.id, enrolledCount: 1, pipelineCount: 1 });
    expect(trialListQuerySchema.safeParse({ sort: 'bogus' }).success).toBe(false);
    expect(trialListQuerySchema.safeParse({ pageSize: '101' }).success).toBe(false);
  });

  it('answers 404 for a missing trial or protocol version', async () => {
    const trial = await newTrial();
    await expect(getTrial('no-such-trial')).rejects.toMatchObject({ status: 404 });
    await expect(getProtocolVersion(trial.id, 2)).rejects.toMatchObject({ status: 404 });
  });
});
