import { session, useRequestId } from '@/tests/helpers/route-harness';
import Papa from 'papaparse';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS, enrollParticipant, makeOutcomeTrial, outcomeContext, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { TrialOutcomes } from '@/lib/results/get-trial-outcomes';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// GET /api/v1/trials/{id}/outcomes?from=&to= and change.csv: the change between two planned timepoints,
// as the mean of individual % changes and as the % change of group means, hand-computed below.

useRequestId('req-outcomes-change');

const outcomesRoute = await import('@/app/api/v1/trials/[id]/outcomes/route');
const exportFileRoute = await import('@/app/api/v1/trials/[id]/exports/[file]/route');
const { recordAssessment } = await import('@/lib/assessments/record-assessment');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
let trialId = '';

const get = (path: string) =>
  new NextRequest(`http://localhost:3000/api/v1${path}`, { method: 'GET', headers: { host: 'localhost:3000' } });
const SESSIONS = ['AFTER_SESSION_1', 'AFTER_SESSION_3', 'AFTER_SESSION_6'] as const;

/** Arm, PHQ-9 at baseline / after sessions 1, 3, 6, and the PROMIS Pain Interference T-score at baseline / after session 6. */
const DATASET: Array<{ arm: number; phq9: [number, number, number, number]; promis: [number, number] }> = [
  { arm: 0, phq9: [20, 16, 10, 8], promis: [60, 50] },
  { arm: 0, phq9: [10, 10, 8, 4], promis: [64, 58] },
  { arm: 1, phq9: [18, 18, 18, 18], promis: [70, 68] },
];

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  const plan = [
    ...['BASELINE', ...SESSIONS].map((timepoint) => ({
      instrument: 'PHQ9',
      timepoint,
      windowBeforeDays: 7,
      windowAfterDays: 2,
    })),
    { instrument: 'PROMIS_PI', timepoint: 'BASELINE', windowBeforeDays: 7 },
    { instrument: 'PROMIS_PI', timepoint: 'AFTER_SESSION_6', windowAfterDays: 2 },
  ];
  const trial = await makeOutcomeTrial(prisma, { masking: 'DOUBLE', arms: ['Ketamine', 'Midazolam'], plan });
  trialId = trial.id;
  // Results by arm of a masked trial are for its named unblinded staff; this admin is named.
  await prisma.unblindedStaff.create({
    data: { trialId: trial.id, userId: users.admin.id, addedById: users.admin.id },
  });
  const ctx = outcomeContext(users.clinician);
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  for (const row of DATASET) {
    const { enrollment } = await enrollParticipant(prisma, {
      trialId,
      armId: trial.arms[row.arm].id,
      enrolledDaysAgo: 30,
      sessionDays: [-20, -18, -16, -14, -12, -10],
    });
    const record = (instrument: string, timepoint: string, items: number[], daysAgo: number) =>
      recordAssessment({
        input: { enrollmentId: enrollment.id, instrument, timepoint, items, administeredAt: at(daysAgo) },
        ctx,
      });
    await record('PHQ9', 'BASELINE', phq9Items(row.phq9[0]), 22);
    await record('PHQ9', 'AFTER_SESSION_1', phq9Items(row.phq9[1]), 20);
    await record('PHQ9', 'AFTER_SESSION_3', phq9Items(row.phq9[2]), 16);
    await record('PHQ9', 'AFTER_SESSION_6', phq9Items(row.phq9[3]), 10);
    await record('PROMIS_PI', 'BASELINE', [row.promis[0]], 22);
    await record('PROMIS_PI', 'AFTER_SESSION_6', [row.promis[1]], 10);
  }
});

beforeEach(() => {
  session.user = users.admin;
});

async function report(search = ''): Promise<TrialOutcomes> {
  const res = await outcomesRoute.GET(get(`/trials/${trialId}/outcomes${search}`), {
    params: Promise.resolve({ id: trialId }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

const changeOf = (outcomes: TrialOutcomes, instrument: string) =>
  outcomes.instruments.find((item) => item.instrument === instrument)!.change!;

describe('GET /api/v1/trials/{id}/outcomes?from=&to=', () => {
  it('defaults to baseline → the latest planned timepoint', async () => {
    const outcomes = await report();
    expect(outcomes.timepoints).toEqual(['BASELINE', 'AFTER_SESSION_1', 'AFTER_SESSION_3', 'AFTER_SESSION_6']);
    expect(outcomes.range).toEqual({ from: 'BASELINE', to: 'AFTER_SESSION_6' });
    const [ketamine] = changeOf(outcomes, 'PHQ9').groups;
    // 20 → 8 (−60 %), 10 → 4 (−60 %); means 15 → 6 (−60 %).
    expect(ketamine).toMatchObject({ group: 'Ketamine', nPaired: 2, meanFrom: 15, meanTo: 6, meanChangePoints: -9 });
    expect(ketamine.meanOfIndividualPercentChange).toBeCloseTo(-60, 10);
    expect(ketamine.percentChangeOfMeans).toBeCloseTo(-60, 10);
  });

  it('baseline → session 3: mean of individual % changes −35 %, % change of means −40 %', async () => {
    const change = changeOf(await report('?from=BASELINE&to=AFTER_SESSION_3'), 'PHQ9');
    expect(change).toMatchObject({ from: 'BASELINE', to: 'AFTER_SESSION_3', isTScore: false, isPlannedAtBoth: true });
    const [ketamine, midazolam] = change.groups;
    expect(ketamine.meanOfIndividualPercentChange).toBeCloseTo(-35, 10); // (−50 + −20) / 2
    expect(ketamine.percentChangeOfMeans).toBeCloseTo(-40, 10); // 15 → 9
    expect(midazolam).toMatchObject({
      group: 'Midazolam',
      nPaired: 1,
      meanChangePoints: 0,
      meanOfIndividualPercentChange: 0,
      percentChangeOfMeans: 0,
    });
  });

  it('session 1 → 3 (between any two planned timepoints)', async () => {
    const [ketamine] = changeOf(await report('?from=AFTER_SESSION_1&to=AFTER_SESSION_3'), 'PHQ9').groups;
    expect(ketamine.meanOfIndividualPercentChange).toBeCloseTo(-28.75, 10); // 16 → 10 (−37.5 %), 10 → 8 (−20 %)
    expect(ketamine.percentChangeOfMeans).toBeCloseTo((-4 / 13) * 100, 10); // 13 → 9
  });

  it('reports PROMIS T-scores in points only, with no % change anywhere', async () => {
    const outcomes = await report();
    const promis = outcomes.instruments.find((item) => item.instrument === 'PROMIS_PI')!;
    expect(promis.isTScore).toBe(true);
    expect(promis.change!.groups[0]).toMatchObject({
      meanChangePoints: -8,
      meanOfIndividualPercentChange: null,
      percentChangeOfMeans: null,
    }); // −10, −6
    expect(promis.rows.every((row) => row.meanPercentChange === null)).toBe(true);
  });

  it('counts no responders or remitters at baseline', async () => {
    const outcomes = await report();
    const baseline = outcomes.instruments
      .find((item) => item.instrument === 'PHQ9')!
      .rows.filter((row) => row.timepoint === 'BASELINE');
    expect(baseline.length).toBe(2);
    for (const row of baseline)
      expect(row).toMatchObject({
        responders: null,
        nResponseEvaluable: null,
        remitters: null,
        nRemissionEvaluable: null,
      });
    const after = outcomes.instruments
      .find((item) => item.instrument === 'PHQ9')!
      .rows.find((row) => row.armLabel === 'Ketamine' && row.timepoint === 'AFTER_SESSION_6')!;
    expect(after).toMatchObject({ responders: 2, remitters: 1 }); // 20 → 8 and 10 → 4 respond; 4 < 5 remits
  });

  it('pools the arms for a coordinator in a masked trial', async () => {
    session.user = users.coordinator;
    const change = changeOf(await report('?from=BASELINE&to=AFTER_SESSION_3'), 'PHQ9');
    expect(change.groups.map((row) => row.group)).toEqual(['All participants']);
    // 20 → 10, 10 → 8, 18 → 18: (−50 − 20 + 0) / 3; means 16 → 12.
    expect(change.groups[0].meanOfIndividualPercentChange).toBeCloseTo(-70 / 3, 10);
    expect(change.groups[0].percentChangeOfMeans).toBeCloseTo(-25, 10);
  });

  it('answers 400 with a message per field for timepoints outside the plan', async () => {
    const res = await outcomesRoute.GET(get(`/trials/${trialId}/outcomes?from=AFTER_SESSION_2&to=DAYS_AFTER_LAST_30`), {
      params: Promise.resolve({ id: trialId }),
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.from[0]).toContain('"AFTER_SESSION_2" is not a timepoint of this trial\'s assessment plan');
    expect(error.fields.to[0]).toContain('"DAYS_AFTER_LAST_30"');
    const backwards = await outcomesRoute.GET(get(`/trials/${trialId}/outcomes?from=AFTER_SESSION_6&to=BASELINE`), {
      params: Promise.resolve({ id: trialId }),
    });
    expect(backwards.status).toBe(400);
  });
});

describe('GET /api/v1/trials/{id}/exports/change.csv', () => {
  it('exports both % figures under names that say which is which', async () => {
    const res = await exportFileRoute.GET(
      get(`/trials/${trialId}/exports/change.csv?from=AFTER_SESSION_1&to=AFTER_SESSION_3`),
      {
        params: Promise.resolve({ id: trialId, file: 'change.csv' }),
      },
    );
    expect(res.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;
    const ketamine = rows.find((row) => row.instrument_code === 'PHQ9' && row.arm === 'Ketamine')!;
    expect(ketamine).toMatchObject({
      instrument: 'PHQ-9',
      from_timepoint: 'After session 1',
      from_timepoint_code: 'AFTER_SESSION_1',
      to_timepoint: 'After session 3',
      to_timepoint_code: 'AFTER_SESSION_3',
      n_paired: '2',
      mean_of_individual_percent_change: '-28.75',
    });
    expect(Number(ketamine.percent_change_of_means)).toBeCloseTo(-30.7692, 4);
    const promis = rows.filter((row) => row.instrument_code === 'PROMIS_PI');
    expect(
      promis.every((row) => row.percent_change_of_means === '' && row.mean_of_individual_percent_change === ''),
    ).toBe(true);
  });
});
