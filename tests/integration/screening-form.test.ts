import { asRole, call, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueToken } from '@/lib/candidates/test-support';
import type { RuleNode } from '@/lib/validations/eligibility';
import { createCandidate } from '@/prisma/seed/candidates';
import { createTrial } from '@/prisma/seed/trials';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-screening-form');

const formRoute = await import('@/app/api/v1/trials/[id]/screening-form/route');
const measurementsRoute = await import('@/app/api/v1/candidates/[id]/measurements/route');

const prisma = getTestPrisma();
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const DOB_40 = new Date(Date.UTC(new Date().getUTCFullYear() - 40, 0, 1));

const PHQ9: RuleNode = { kind: 'number', measure: 'phq9_total', op: 'gte', value: 15 };
const BMI: RuleNode = { kind: 'number', measure: 'bmi', op: 'gt', value: 40 };
const BP: RuleNode = {
  kind: 'any',
  rules: [
    { kind: 'number', measure: 'sbp', op: 'gt', value: 160 },
    { kind: 'number', measure: 'dbp', op: 'gt', value: 100 },
  ],
};
const BIPOLAR: RuleNode = { kind: 'diagnosis', anyOf: ['bipolar_disorder'] };

let trialId: string;

beforeAll(async () => {
  useStaff(await createStaff(prisma));
  const { trial } = await createTrial(prisma, {
    title: `Fictional screening-form study ${uniqueToken()}`,
    criteria: [
      { kind: 'INCLUSION', text: 'PHQ-9 ≥ 15', rule: PHQ9 },
      { kind: 'EXCLUSION', text: 'BMI > 40', rule: BMI },
      { kind: 'EXCLUSION', text: 'Uncontrolled hypertension (> 160/100)', rule: BP },
      { kind: 'EXCLUSION', text: 'Bipolar disorder', rule: BIPOLAR },
    ],
  });
  trialId = trial.id;
});

function newCandidate() {
  return createCandidate(prisma, {
    dateOfBirth: DOB_40,
    sex: 'FEMALE',
    firstName: 'Juniper',
    lastName: `Testwell${uniqueToken().replace(/\d/g, 'x')}`,
  });
}

const getForm = (candidateId: string, id = trialId) => call(formRoute.GET, { params: { id }, query: { candidateId } });
const post = (candidateId: string, body: unknown) =>
  call(measurementsRoute.POST, { params: { id: candidateId }, body });

describe('GET /api/v1/trials/{id}/screening-form', () => {
  it('[COORDINATOR] gets the fields the rules need, with current, stale and missing values and the clinic zone', async () => {
    const candidate = await newCandidate();
    asRole('COORDINATOR');
    expect(
      (
        await post(candidate.id, [
          { code: 'phq9_total', value: 18, measuredAt: daysAgo(2) },
          { code: 'weight_kg', value: 80, measuredAt: daysAgo(90) },
        ])
      ).status,
    ).toBe(201);

    const res = await getForm(candidate.id);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      candidateId: candidate.id,
      trial: { id: trialId },
      screeningWindowDays: 30,
      timeZone: expect.any(String),
      counts: { current: 1, stale: 1, missing: 3 },
    });
    const byCode = Object.fromEntries(body.fields.map((field: { code: string }) => [field.code, field]));
    expect(Object.keys(byCode).sort()).toEqual(['bp', 'dx:bipolar_disorder', 'height_cm', 'phq9_total', 'weight_kg']);
    expect(byCode.phq9_total).toMatchObject({ status: 'current', latest: { value: '18', measuredOn: daysAgo(2) } });
    expect(byCode.weight_kg).toMatchObject({
      status: 'stale',
      units: ['kg', 'lb'],
      latest: { value: '80 kg', measuredOn: daysAgo(90) },
    });
    expect(byCode.bp).toMatchObject({ kind: 'bp', unit: 'mmHg', status: 'missing', latest: null });
    expect(
      await prisma.auditEvent.count({ where: { action: 'measurement.view', entityId: candidate.id } }),
    ).toBeGreaterThan(0);
  });

  it('[CLINICIAN] can read the form; [ADMIN] cannot (no screening.record); nobody signed in gets 401', async () => {
    const candidate = await newCandidate();
    asRole('CLINICIAN');
    expect((await getForm(candidate.id)).status).toBe(200);
    asRole('ADMIN');
    expect((await getForm(candidate.id)).status).toBe(403);
    asRole(null);
    expect((await getForm(candidate.id)).status).toBe(401);
  });

  it('[COORDINATOR] gets 404 for an unknown trial or candidate, 400 without a candidate', async () => {
    const candidate = await newCandidate();
    asRole('COORDINATOR');
    expect((await getForm(candidate.id, 'no-such-trial')).status).toBe(404);
    expect((await getForm('no-such-candidate')).status).toBe(404);
    const missing = await call(formRoute.GET, { params: { id: trialId } });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fields).toHaveProperty(['query.candidateId']);
  });
});

describe('blood pressure as one reading', () => {
  it('[COORDINATOR] records "130/85" as sbp and dbp in one transaction with one audit event', async () => {
    const candidate = await newCandidate();
    asRole('COORDINATOR');
    const res = await post(candidate.id, [
      { code: 'bp', value: '130/85', measuredAt: daysAgo(1) },
      { code: 'phq9_total', value: 16, measuredAt: daysAgo(1) },
    ]);
    expect(res.status).toBe(201);
    const { measurements } = await res.json();
    expect(measurements.map((m: { code: string; valueNum: number }) => [m.code, m.valueNum])).toEqual([
      ['sbp', 130],
      ['dbp', 85],
      ['phq9_total', 16],
    ]);
    const audits = await prisma.auditEvent.findMany({
      where: { action: 'measurement.record', entityId: candidate.id },
    });
    expect(audits).toHaveLength(1);
    const after = audits[0].after as { measurements: Array<Record<string, unknown>> };
    expect(after.measurements.map((m) => m.id)).toEqual(measurements.map((m: { id: string }) => m.id));
    expect(after.measurements.slice(0, 2).map((m) => m.enteredText)).toEqual(['130/85', '130/85']);

    const form = await (await getForm(candidate.id)).json();
    expect(form.fields.find((field: { code: string }) => field.code === 'bp')).toMatchObject({
      status: 'current',
      latest: { value: '130/85 mmHg' },
    });
  });

  it('[COORDINATOR] gets a 400 on the entry\'s value for "13085" or "130/", and nothing is saved', async () => {
    const candidate = await newCandidate();
    asRole('COORDINATOR');
    const res = await post(candidate.id, [
      { code: 'phq9_total', value: 16, measuredAt: daysAgo(1) },
      { code: 'bp', value: '13085', measuredAt: daysAgo(1) },
      { code: 'bp', value: '130/', measuredAt: daysAgo(1) },
    ]);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields).sort()).toEqual(['1.value', '2.value']);
    expect(error.fields['1.value'][0]).toMatch(/systolic\/diastolic, e\.g\. 130\/85/);
    expect(error.fields['2.value'][0]).toBe('Enter the diastolic value after the slash, e.g. 130/85');
    expect(await prisma.measurement.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: 'measurement.record', entityId: candidate.id } })).toBe(0);
  });

  it('[CLINICIAN] gets a 400 for a reading out of range or in the future, on that entry', async () => {
    const candidate = await newCandidate();
    asRole('CLINICIAN');
    const res = await post(candidate.id, { code: 'bp', value: '300/85', measuredAt: '2999-01-01' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.fields['0.value'][0]).toContain('between 60 and 260');
    expect(await prisma.measurement.count({ where: { candidateId: candidate.id } })).toBe(0);
    const future = await post(candidate.id, { code: 'bp', value: '120/80', measuredAt: '2999-01-01' });
    expect((await future.json()).error.fields).toEqual({ '0.measuredAt': ['Date cannot be in the future'] });
  });

  it('[COORDINATOR] still records a single measurement the old way', async () => {
    const candidate = await newCandidate();
    asRole('COORDINATOR');
    const res = await post(candidate.id, { code: 'sbp', value: 128, measuredAt: daysAgo(1) });
    expect(res.status).toBe(201);
    const { measurements } = await res.json();
    expect(measurements).toMatchObject([{ code: 'sbp', valueNum: 128, unit: 'mmHg' }]);
  });
});
