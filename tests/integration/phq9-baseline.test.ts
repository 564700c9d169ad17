import { asRole, call, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollParticipant, makeOutcomeTrial, outcomeContext, phq9Items } from '@/lib/assessments/test-support';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { CurrentUser } from '@/lib/auth/current-user';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-phq9-baseline');

const baselineRoute = await import('@/app/api/v1/enrollments/[id]/baseline-from-screening/route');
const measurementsRoute = await import('@/app/api/v1/candidates/[id]/measurements/route');
const { recordBaselineFromScreening } = await import('@/lib/assessments/record-baseline-from-screening');
const { getScreeningBaselineOffer } = await import('@/lib/assessments/get-screening-baseline-offer');

const prisma = getTestPrisma();
let staff: Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trial: Awaited<ReturnType<typeof makeOutcomeTrial>>;

beforeAll(async () => {
  staff = await createStaff(prisma);
  useStaff(staff);
  // PHQ-9 BASELINE with a window of 7 days before enrolment (lib/assessments/test-support.ts).
  trial = await makeOutcomeTrial(prisma);
});

/** An enrolled participant (14 days ago) and their screening PHQ-9, entered through the measurements API. */
async function participantWithScreening(
  options: { items?: number[]; total?: number; daysBeforeEnrolment?: number; trialId?: string; armId?: string } = {},
) {
  const { candidate, enrollment } = await enrollParticipant(prisma, {
    trialId: options.trialId ?? trial.id,
    armId: options.armId ?? trial.arms[0].id,
  });
  const measuredAt = addDaysToDate(
    enrollment.enrolledAt.toISOString().slice(0, 10),
    -(options.daysBeforeEnrolment ?? 3),
  );
  asRole('COORDINATOR');
  const entry = options.items
    ? { code: 'phq9', items: options.items, measuredAt }
    : { code: 'phq9_total', value: options.total ?? 18, measuredAt };
  const res = await call(measurementsRoute.POST, { params: { id: candidate.id }, body: [entry] });
  expect(res.status).toBe(201);
  const measurementId: string = (await res.json()).measurements[0].id;
  return { candidate, enrollment, measuredAt, measurementId };
}

const useAsBaseline = (enrollmentId: string, body: unknown) =>
  call(baselineRoute.POST, { params: { id: enrollmentId }, body });

describe('screening PHQ-9 entered item by item', () => {
  it('[COORDINATOR] records the total the rules read, scored by the outcomes scorer, with the nine items kept and audited', async () => {
    const items = [3, 2, 2, 2, 2, 2, 2, 2, 1];
    const { candidate, measurementId } = await participantWithScreening({ items });
    const row = await prisma.measurement.findUniqueOrThrow({ where: { id: measurementId } });
    expect(row).toMatchObject({ code: 'phq9_total', valueNum: 18, items });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'measurement.record', entityId: candidate.id },
    });
    expect(event.after).toMatchObject({ measurements: [{ id: measurementId, valueNum: 18, items }] });
  });

  it('[COORDINATOR] a missing or out-of-range item is a 400 on that item, nothing saved', async () => {
    const { candidate } = await enrollParticipant(prisma, { trialId: trial.id, armId: trial.arms[0].id });
    asRole('COORDINATOR');
    const res = await call(measurementsRoute.POST, {
      params: { id: candidate.id },
      body: [{ code: 'phq9', items: [1, 1, 1, 4, 1, 1, 1, 1, 0], measuredAt: '2026-11-02' }],
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields).toHaveProperty(['0.items.3']);
    const short = await call(measurementsRoute.POST, {
      params: { id: candidate.id },
      body: [{ code: 'phq9', items: [1, 1, 1], measuredAt: '2026-11-02' }],
    });
    expect(short.status).toBe(400);
    expect((await short.json()).error.fields['0.items']).toEqual([expect.stringMatching(/all 9 items/)]);
    expect(await prisma.measurement.count({ where: { candidateId: candidate.id } })).toBe(0);
  });
});

describe('POST /api/v1/enrollments/{id}/baseline-from-screening', () => {
  it('[CLINICIAN] uses the screening PHQ-9 as the baseline: scored like a recorded one, source kept, audited in the same request', async () => {
    const items = phq9Items(17);
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items });
    asRole('CLINICIAN');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:30` });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      total: 17,
      severity: 'moderately severe',
      flags: [],
      sourceMeasurementId: measurementId,
    });
    const row = await prisma.assessment.findUniqueOrThrow({ where: { id: body.id } });
    expect(row).toMatchObject({
      enrollmentId: enrollment.id,
      instrument: 'PHQ9',
      timepoint: 'BASELINE',
      items,
      total: 17,
      isComplete: true,
      source: 'STAFF',
      recordedById: staff.clinician.id,
      sourceMeasurementId: measurementId,
    });
    const events = await prisma.auditEvent.findMany({ where: { entityId: body.id } });
    expect(events.map((event) => event.action)).toEqual(['assessment.record']);
    expect(events[0]).toMatchObject({ actorId: staff.clinician.id, requestId: 'req-phq9-baseline' });
    expect(events[0].after).toMatchObject({
      source: 'SCREENING',
      sourceMeasurementId: measurementId,
      total: 17,
      items,
    });
  });

  it('[COORDINATOR] may do it too (outcome.record); [ADMIN] gets 403 and nothing is written', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items: phq9Items(12) });
    asRole('ADMIN');
    const refused = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:30` });
    expect(refused.status).toBe(403);
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
    asRole('COORDINATOR');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:30` });
    expect(res.status).toBe(201);
    expect((await res.json()).total).toBe(12);
  });

  it('[CLINICIAN] item 9 above 0 flags the baseline and opens the safety alert, as any recorded PHQ-9', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items: phq9Items(16, 2) });
    asRole('CLINICIAN');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T08:00` });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.flags).toEqual(['PHQ9_ITEM9']);
    const alerts = await prisma.safetyAlert.findMany({ where: { assessmentId: body.id } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ enrollmentId: enrollment.id, status: 'OPEN' });
    const actions = (await prisma.auditEvent.findMany({ where: { entityId: body.id } })).map((e) => e.action);
    expect(actions).toEqual(['assessment.record', 'assessment.safety_flag']);
  });

  it('[CLINICIAN] 409 when a PHQ-9 baseline already exists; the screening is not used twice', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items: phq9Items(15) });
    asRole('CLINICIAN');
    expect((await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` })).status).toBe(
      201,
    );
    const again = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already been used as a baseline/);
    const { measurementId: other } = await participantWithScreening({ items: phq9Items(15) });
    // A second screening of another person cannot be attached to this enrollment either.
    asRole('CLINICIAN');
    const foreign = await useAsBaseline(enrollment.id, { measurementId: other, administeredAt: `${measuredAt}T09:00` });
    expect(foreign.status).toBe(409);
    expect((await foreign.json()).error.message).toMatch(/another person/);
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(1);
  });

  it('[CLINICIAN] 409 when a baseline was recorded by hand before', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items: phq9Items(15) });
    await prisma.assessment.create({
      data: {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        administeredAt: new Date(),
        items: phq9Items(14),
        total: 14,
        subscores: {},
        flags: [],
        isComplete: true,
        recordedById: staff.clinician.id,
      },
    });
    asRole('CLINICIAN');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      message: 'A PHQ-9 baseline is already recorded for this participant. Correct it instead.',
      details: { reason: 'BASELINE_EXISTS' },
    });
  });

  it('[CLINICIAN] 409 when the screening day is outside the baseline window (8 days before a 7-day window)', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({
      items: phq9Items(15),
      daysBeforeEnrolment: 8,
    });
    asRole('CLINICIAN');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` });
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      message: expect.stringMatching(/outside the baseline window/),
      details: { reason: 'OUTSIDE_WINDOW' },
    });
    expect(await prisma.assessment.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
  });

  it('[CLINICIAN] exactly 7 days before enrolment is inside the window', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({
      items: phq9Items(15),
      daysBeforeEnrolment: 7,
    });
    asRole('CLINICIAN');
    expect((await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` })).status).toBe(
      201,
    );
  });

  it('[CLINICIAN] 409 when the screening PHQ-9 was typed as a total without items', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ total: 18 });
    asRole('CLINICIAN');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` });
    expect(res.status).toBe(409);
    expect((await res.json()).error.details).toEqual({ reason: 'NO_ITEMS' });
  });

  it("[CLINICIAN] 409 when the trial's plan has no PHQ-9 baseline", async () => {
    const noBaseline = await makeOutcomeTrial(prisma, { plan: [{ instrument: 'PHQ9', timepoint: 'AFTER_SESSION_1' }] });
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({
      items: phq9Items(15),
      trialId: noBaseline.id,
      armId: noBaseline.arms[0].id,
    });
    asRole('CLINICIAN');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toBe("This trial's current assessment plan has no PHQ-9 baseline.");
  });

  it('[CLINICIAN] 409 for a voided screening PHQ-9; 404 for an unknown one; 400 for a time on another day', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items: phq9Items(15) });
    asRole('CLINICIAN');
    const otherDay = await useAsBaseline(enrollment.id, {
      measurementId,
      administeredAt: `${addDaysToDate(measuredAt, 1)}T09:00`,
    });
    expect(otherDay.status).toBe(400);
    expect((await otherDay.json()).error.fields.administeredAt[0]).toMatch(/taken on/);
    expect(
      (await useAsBaseline(enrollment.id, { measurementId: 'nope', administeredAt: `${measuredAt}T09:00` })).status,
    ).toBe(404);
    await prisma.measurement.update({
      where: { id: measurementId },
      data: { voidedAt: new Date(), voidReason: 'Wrong person' },
    });
    const voided = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` });
    expect(voided.status).toBe(409);
    expect((await voided.json()).error.details).toEqual({ reason: 'VOIDED' });
  });

  it('[CLINICIAN] nothing is kept when the audit event cannot be written: one transaction', async () => {
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items: phq9Items(15) });
    const ctx = outcomeContext(staff.clinician);
    const failing = {
      ...ctx,
      audit: async (...args: Parameters<typeof ctx.audit>) => {
        await recordAuditEvent(args[0], { ...args[1], actorId: staff.clinician.id, requestId: 'req-fail' });
        throw new Error('audit store unavailable');
      },
    };
    await expect(
      recordBaselineFromScreening({
        enrollmentId: enrollment.id,
        input: { measurementId, administeredAt: `${measuredAt}T09:00` },
        ctx: failing,
      }),
    ).rejects.toThrow('audit store unavailable');
    expect(await prisma.assessment.count({ where: { sourceMeasurementId: measurementId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { requestId: 'req-fail' } })).toBe(0);
  });

  it('[CLINICIAN] blinded in a masked trial: the write reveals no allocation (no arm in the answer or the event)', async () => {
    const masked = await makeOutcomeTrial(prisma, { masking: 'DOUBLE' });
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({
      items: phq9Items(15),
      trialId: masked.id,
      armId: masked.arms[1].id,
    });
    asRole('CLINICIAN');
    const res = await useAsBaseline(enrollment.id, { measurementId, administeredAt: `${measuredAt}T09:00` });
    expect(res.status).toBe(201);
    const text = JSON.stringify(await res.json());
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'assessment.record', entityId: JSON.parse(text).id },
    });
    for (const arm of masked.arms) {
      expect(text).not.toContain(arm.id);
      expect(JSON.stringify(event.after)).not.toContain(arm.id);
    }
    expect(text).not.toMatch(/arm/i);
  });
});

describe('getScreeningBaselineOffer (the outcomes page preview)', () => {
  it('offers the latest itemized screening PHQ-9 with its score and items, and nothing once a baseline exists', async () => {
    const items = phq9Items(11, 1);
    const { enrollment, measuredAt, measurementId } = await participantWithScreening({ items });
    const offer = await getScreeningBaselineOffer({ enrollmentId: enrollment.id });
    expect(offer?.problem).toBeNull();
    expect(offer?.screening).toMatchObject({
      measurementId,
      measuredOn: measuredAt,
      total: 11,
      severity: 'moderate',
      flags: ['PHQ9_ITEM9'],
    });
    expect(offer?.screening?.items.map((item) => item.answer)).toEqual(items);
    expect(offer?.screening?.items[8].label).toBe('Thoughts of death or self-harm');
    await recordBaselineFromScreening({
      enrollmentId: enrollment.id,
      input: { measurementId, administeredAt: `${measuredAt}T09:00` },
      ctx: outcomeContext(staff.clinician),
    });
    expect(await getScreeningBaselineOffer({ enrollmentId: enrollment.id })).toBeNull();
  });

  it('explains a total typed alone instead of offering it', async () => {
    const { enrollment } = await participantWithScreening({ total: 18 });
    const offer = await getScreeningBaselineOffer({ enrollmentId: enrollment.id });
    expect(offer?.screening).toBeNull();
    expect(offer?.problem).toMatch(/entered as a total only/);
  });
});
