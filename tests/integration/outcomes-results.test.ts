import { session, useRequestId } from '@/tests/helpers/route-harness';
import Papa from 'papaparse';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, enrollParticipant, makeOutcomeTrial, outcomeContext, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { TrialOutcomes } from '@/lib/results/get-trial-outcomes';
import { createStaff, createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-outcomes-results');

const outcomesRoute = await import('@/app/api/v1/trials/[id]/outcomes/route');
const exportFileRoute = await import('@/app/api/v1/trials/[id]/exports/[file]/route');
const exportQueryRoute = await import('@/app/api/v1/trials/[id]/exports/route');
const { recordAssessment } = await import('@/lib/assessments/record-assessment');
const { correctAssessment } = await import('@/lib/assessments/correct-assessment');
const { getParticipantOutcomes } = await import('@/lib/results/get-participant-outcomes');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician' | 'blindedAdmin', CurrentUser>;
let trial: Awaited<ReturnType<typeof makeOutcomeTrial>>;
const enrollmentIds: string[] = [];

const BASE = 'http://localhost:3000/api/v1';
const get = (path: string) => new NextRequest(`${BASE}${path}`, { method: 'GET', headers: { host: 'localhost:3000' } });

/** [arm index, baseline total, after-session-1 total] — hand-computed below. */
const DATASET: Array<[number, number, number]> = [
  [0, 20, 10], // −50 %, responder
  [0, 16, 12], // −25 %
  [0, 10, 4], // −60 %, responder, remitter (< 5)
  [1, 18, 18], // 0 %
  [1, 12, 15], // +25 %
];

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  trial = await makeOutcomeTrial(prisma, { masking: 'DOUBLE', arms: ['Ketamine', 'Midazolam'], targetEnrollment: 12 });
  // In a masked trial only named unblinded staff see results by arm; this admin is named.
  await prisma.unblindedStaff.create({
    data: { trialId: trial.id, userId: users.admin.id, addedById: users.admin.id },
  });
  const ctx = outcomeContext(users.clinician);
  const now = Date.now();
  for (const [index, [arm, baseline, after]] of DATASET.entries()) {
    const { enrollment } = await enrollParticipant(prisma, {
      trialId: trial.id,
      armId: trial.arms[arm].id,
      sessionDays: [-5, 2],
    });
    enrollmentIds.push(enrollment.id);
    const administeredAt = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
    await recordAssessment({
      input: {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        items: phq9Items(baseline),
        administeredAt: administeredAt(8),
      },
      ctx,
    });
    // The first participant's after-session score is entered wrong, then corrected: only the correction counts.
    const entered = index === 0 ? after + 6 : after;
    const recorded = await recordAssessment({
      input: {
        enrollmentId: enrollment.id,
        instrument: 'PHQ9',
        timepoint: 'AFTER_SESSION_1',
        items: phq9Items(entered),
        administeredAt: administeredAt(4),
      },
      ctx,
    });
    if (index === 0)
      await correctAssessment({
        id: recorded.id,
        input: { items: phq9Items(after), reason: 'Paper form re-checked' },
        ctx,
      });
  }
  // Adverse events: one voided (must not count).
  const ae = (enrollmentId: string, term: string, grade: number, voided = false) =>
    prisma.adverseEvent.create({
      data: {
        enrollmentId,
        term,
        grade,
        isSerious: grade >= 3,
        relatedness: 'PROBABLE',
        actionTaken: 'NONE',
        outcome: 'RECOVERED',
        onsetAt: new Date(now - 5 * DAY_MS),
        reportedById: users.clinician.id,
        ...(voided ? { voidedAt: new Date(), voidReason: 'Entered on the wrong participant' } : {}),
      },
    });
  await ae(enrollmentIds[0], 'Dissociation', 1);
  await ae(enrollmentIds[1], 'Dissociation', 1);
  await ae(enrollmentIds[1], 'Dissociation', 1);
  await ae(enrollmentIds[3], 'Nausea', 2);
  await ae(enrollmentIds[4], 'Nausea', 2, true);
  await prisma.enrollment.update({
    where: { id: enrollmentIds[4] },
    data: { status: 'WITHDRAWN', endedAt: new Date(now - DAY_MS), endReason: 'Moved away' },
  });
});

beforeEach(() => {
  session.user = users.admin;
});

async function report(): Promise<TrialOutcomes> {
  const res = await outcomesRoute.GET(get(`/trials/${trial.id}/outcomes`), {
    params: Promise.resolve({ id: trial.id }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

const phq9Row = (outcomes: TrialOutcomes, group: string, timepoint: string) =>
  outcomes.instruments
    .find((item) => item.instrument === 'PHQ9')
    ?.rows.find((row) => row.armLabel === group && row.timepoint === timepoint);

describe('GET /api/v1/trials/{id}/outcomes', () => {
  it('[ADMIN] named unblinded staff gets per-arm numbers that match the hand computation', async () => {
    const outcomes = await report();
    expect(outcomes).toMatchObject({ isMasked: true, pooled: false, groups: ['Ketamine', 'Midazolam'] });

    const ketBase = phq9Row(outcomes, 'Ketamine', 'BASELINE')!;
    expect(ketBase.n).toBe(3);
    expect(ketBase.mean).toBeCloseTo(46 / 3, 6); // (20 + 16 + 10) / 3
    expect(ketBase.sd).toBeCloseTo(Math.sqrt(76 / 3), 6); // squared deviations 196/9 + 4/9 + 256/9 = 152/3, over n − 1 = 2
    const ketAfter = phq9Row(outcomes, 'Ketamine', 'AFTER_SESSION_1')!;
    expect(ketAfter.mean).toBeCloseTo(26 / 3, 6); // (10 + 12 + 4) / 3, with the corrected 10
    expect(ketAfter.sd).toBeCloseTo(Math.sqrt(52 / 3), 6);
    expect(ketAfter.meanPercentChange).toBeCloseTo(-45, 6); // (−50 − 25 − 60) / 3
    expect(ketAfter).toMatchObject({ responders: 2, nResponseEvaluable: 3, remitters: 1, nRemissionEvaluable: 3 });

    const midAfter = phq9Row(outcomes, 'Midazolam', 'AFTER_SESSION_1')!;
    expect(midAfter.n).toBe(2);
    expect(midAfter.mean).toBeCloseTo(16.5, 6);
    expect(midAfter.sd).toBeCloseTo(Math.sqrt(4.5), 6);
    expect(midAfter.meanPercentChange).toBeCloseTo(12.5, 6); // (0 + 25) / 2
    expect(midAfter).toMatchObject({ responders: 0, remitters: 0 });

    expect(outcomes.adverseEvents).toEqual([
      { term: 'Dissociation', grade: 1, group: 'Ketamine', events: 3, participants: 2, serious: 0 },
      { term: 'Nausea', grade: 2, group: 'Midazolam', events: 1, participants: 1, serious: 0 },
    ]);
    expect(outcomes.funnel).toMatchObject({
      enrolled: 5,
      everConsented: 5,
      target: 12,
      enrolledByGroup: [
        { group: 'Ketamine', count: 3 },
        { group: 'Midazolam', count: 2 },
      ],
    });
    expect(outcomes.funnel.stages.find((stage) => stage.stage === 'ENROLLED')?.count).toBe(5);
    expect(outcomes.adherence.overall).toMatchObject({ participants: 5, planned: 10, completed: 5 });
    expect(outcomes.completion.counts).toEqual([
      { status: 'ACTIVE', count: 4 },
      { status: 'COMPLETED', count: 0 },
      { status: 'WITHDRAWN', count: 1 },
      { status: 'LOST_TO_FOLLOW_UP', count: 0 },
    ]);
    expect(outcomes.completion.participants.find((row) => row.status === 'WITHDRAWN')).toMatchObject({
      endReason: 'Moved away',
      group: 'Midazolam',
    });
  });

  it('staff who are not named unblinded (an admin too) get every arm pooled into "All participants" in a masked trial', async () => {
    const otherAdmin = await createUser(prisma, { role: 'ADMIN', name: 'Blinded Admin' });
    Object.assign(users, {
      blindedAdmin: { id: otherAdmin.id, email: otherAdmin.email, name: otherAdmin.name, role: otherAdmin.role },
    });
    for (const role of ['clinician', 'coordinator', 'blindedAdmin'] as const) {
      session.user = users[role];
      const outcomes = await report();
      expect(outcomes).toMatchObject({ isMasked: true, pooled: true, groups: ['All participants'] });
      const json = JSON.stringify(outcomes);
      expect(json).not.toContain('Ketamine');
      expect(json).not.toContain('Midazolam');
      const after = phq9Row(outcomes, 'All participants', 'AFTER_SESSION_1')!;
      expect(after.n).toBe(5);
      expect(after.mean).toBeCloseTo(11.8, 6); // 59 / 5
      expect(after.meanPercentChange).toBeCloseTo(-22, 6); // −110 / 5
      expect(after).toMatchObject({ responders: 2, remitters: 1 });
      expect(phq9Row(outcomes, 'All participants', 'BASELINE')!.mean).toBeCloseTo(15.2, 6);
      expect(outcomes.adverseEvents).toEqual([
        { term: 'Dissociation', grade: 1, group: 'All participants', events: 3, participants: 2, serious: 0 },
        { term: 'Nausea', grade: 2, group: 'All participants', events: 1, participants: 1, serious: 0 },
      ]);
    }
  });

  it('an unmasked trial shows arms to everyone', async () => {
    const open = await makeOutcomeTrial(prisma, { masking: 'NONE', arms: ['Open-label ketamine'] });
    const { enrollment } = await enrollParticipant(prisma, { trialId: open.id, armId: open.arms[0].id });
    await recordAssessment({
      input: { enrollmentId: enrollment.id, instrument: 'PHQ9', timepoint: 'BASELINE', items: phq9Items(9) },
      ctx: outcomeContext(users.coordinator),
    });
    session.user = users.clinician;
    const res = await outcomesRoute.GET(get(`/trials/${open.id}/outcomes`), {
      params: Promise.resolve({ id: open.id }),
    });
    expect(await res.json()).toMatchObject({ pooled: false, groups: ['Open-label ketamine'] });
  });
});

describe('CSV exports', () => {
  it('long format: one row per participant × instrument × timepoint, arm pooled for non-admins; audited', async () => {
    session.user = users.clinician;
    const res = await exportFileRoute.GET(get(`/trials/${trial.id}/exports/assessments.csv`), {
      params: Promise.resolve({ id: trial.id, file: 'assessments.csv' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const parsed = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, '').trim(), {
      header: true,
    });
    expect(parsed.meta.fields).toEqual(
      expect.arrayContaining([
        'participant_id',
        'mrn',
        'arm',
        'instrument',
        'instrument_code',
        'timepoint',
        'timepoint_code',
        'administered_at',
        'item_1',
        'item_9',
        'total',
        'severity',
      ]),
    );
    expect(parsed.data).toHaveLength(10);
    expect(new Set(parsed.data.map((row) => row.arm))).toEqual(new Set(['All participants']));
    const first = parsed.data.find(
      (row) => row.participant_id === enrollmentIds[0] && row.timepoint_code === 'AFTER_SESSION_1',
    )!;
    expect(first).toMatchObject({
      instrument: 'PHQ-9',
      timepoint: 'After session 1',
      total: '10',
      severity: 'moderate',
      is_corrected: 'true',
      item_1: '3',
    });
    const audit = await prisma.auditEvent.findFirst({
      where: { action: 'outcome.export', entityId: trial.id, actorId: users.clinician.id },
    });
    expect(audit?.after).toMatchObject({ kind: 'assessments', rowCount: 10 });

    session.user = users.admin;
    const adminRes = await exportQueryRoute.GET(get(`/trials/${trial.id}/exports?kind=summary`), {
      params: Promise.resolve({ id: trial.id }),
    });
    const summary = Papa.parse<Record<string, string>>((await adminRes.text()).replace(/^\uFEFF/, '').trim(), {
      header: true,
    }).data;
    const ket = summary.find(
      (row) => row.instrument_code === 'PHQ9' && row.arm === 'Ketamine' && row.timepoint_code === 'AFTER_SESSION_1',
    )!;
    expect(ket).toMatchObject({ n: '3', mean: '8.6667', mean_percent_change: '-45' });

    const bad = await exportFileRoute.GET(get(`/trials/${trial.id}/exports/secrets.csv`), {
      params: Promise.resolve({ id: trial.id, file: 'secrets.csv' }),
    });
    expect(bad.status).toBe(400);
  });
});

describe('getParticipantOutcomes', () => {
  it('series with baseline, change, % change, response/remission and kept correction history', async () => {
    const outcomes = await getParticipantOutcomes({
      enrollmentId: enrollmentIds[0],
      ctx: outcomeContext(users.clinician),
    });
    expect(outcomes.enrollment.armLabel).toBeNull();
    const phq9 = outcomes.instruments.find((item) => item.instrument === 'PHQ9')!;
    expect(phq9).toMatchObject({ baseline: 20, min: 0, max: 27, latestResponse: true, latestRemission: false });
    expect(phq9.bands.map((band) => band.label)).toEqual([
      'none–minimal',
      'mild',
      'moderate',
      'moderately severe',
      'severe',
    ]);
    expect(
      phq9.points.map((point) => [point.timepoint, point.value, point.change, point.percentChange, point.response]),
    ).toEqual([
      ['BASELINE', 20, null, null, null],
      ['AFTER_SESSION_1', 10, -10, -50, true],
    ]);
    expect(phq9.points[1].history).toHaveLength(1);
    expect(phq9.points[1].history[0].total).toBe(16);
    expect(phq9.points[1].correctionReason).toBe('Paper form re-checked');
    expect(outcomes.sessions.map((session) => [session.sessionNumber, session.isCompleted])).toEqual([
      [1, true],
      [2, false],
    ]);
    const admin = await getParticipantOutcomes({ enrollmentId: enrollmentIds[0], ctx: outcomeContext(users.admin) });
    expect(admin.enrollment.armLabel).toBe('Ketamine');
  });
});
