import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { enrollParticipant, makeOutcomeTrial, phq9Items } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { intakeInput, uniqueToken } from '@/lib/candidates/test-support';
import { getClinicClock } from '@/lib/clinic/clock';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { RECORD_DATE_MESSAGES } from '@/lib/records/date-policy';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-record-dates', ipAddress: '127.0.0.1', pathname: '/' }),
}));

const candidates = await import('@/app/api/v1/candidates/route');
const measurements = await import('@/app/api/v1/candidates/[id]/measurements/route');
const assessments = await import('@/app/api/v1/assessments/route');
const adverseEvents = await import('@/app/api/v1/visits/[id]/adverse-events/route');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
const BASE = 'http://localhost:3000/api/v1';
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
});

beforeEach(() => {
  session.user = users.clinician;
});

function post(path: string, body: unknown) {
  return new NextRequest(`${BASE}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

async function candidateBorn(dateOfBirth: string) {
  session.user = users.coordinator;
  const res = await candidates.POST(
    post('/candidates', { ...intakeInput({ dateOfBirth }), mrn: `DATES-${uniqueToken()}` }),
    noParams,
  );
  expect(res.status).toBe(201);
  session.user = users.clinician;
  return (await res.json()) as { id: string };
}

// "Today" is the clinic's, from its settings, as the server sees it.
const weight = (measuredAt: string) => ({ code: 'weight_kg', value: 80, unit: 'kg', measuredAt });

describe('measurement dates', () => {
  it('[CLINICIAN] a measurement dated 1800 is refused (400 on measuredAt), nothing saved', async () => {
    const candidate = await candidateBorn('1980-05-01');
    const res = await measurements.POST(
      post(`/candidates/${candidate.id}/measurements`, weight('1800-01-01')),
      idParams(candidate.id),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields['0.measuredAt']).toEqual([RECORD_DATE_MESSAGES.tooEarly]);
    expect(await prisma.measurement.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  it('[CLINICIAN] a measurement before the candidate was born is refused; the day of birth and today are fine', async () => {
    const candidate = await candidateBorn('1990-03-15');
    const before = await measurements.POST(
      post(`/candidates/${candidate.id}/measurements`, [weight('1990-03-15'), weight('1990-03-14')]),
      idParams(candidate.id),
    );
    expect(before.status).toBe(400);
    expect((await before.json()).error.fields).toEqual({ '1.measuredAt': [RECORD_DATE_MESSAGES.beforeBirth] });
    const today = (await getClinicClock()).today();
    const ok = await measurements.POST(
      post(`/candidates/${candidate.id}/measurements`, weight(today)),
      idParams(candidate.id),
    );
    expect(ok.status).toBe(201);
  });

  it('[CLINICIAN] tomorrow on the clinic’s calendar is the future', async () => {
    const candidate = await candidateBorn('1980-05-01');
    const res = await measurements.POST(
      post(`/candidates/${candidate.id}/measurements`, weight(addDaysToDate((await getClinicClock()).today(), 1))),
      idParams(candidate.id),
    );
    expect(res.status).toBe(400);
  });
});

describe('questionnaire dates', () => {
  it('[CLINICIAN] an administration before the participant’s birth or in 1800 is refused', async () => {
    const trial = await makeOutcomeTrial(prisma);
    const { enrollment, candidate } = await enrollParticipant(prisma, { trialId: trial.id, armId: trial.arms[0].id });
    const dob = candidate.dateOfBirth.toISOString().slice(0, 10);
    const body = { enrollmentId: enrollment.id, instrument: 'PHQ9', timepoint: 'BASELINE', items: phq9Items(8) };

    const ancient = await assessments.POST(
      post('/assessments', { ...body, administeredAt: '1800-06-01T10:00:00Z' }),
      noParams,
    );
    expect(ancient.status).toBe(400);
    expect((await ancient.json()).error.fields.administeredAt).toEqual([RECORD_DATE_MESSAGES.tooEarly]);

    const beforeBirth = new Date(`${addDaysToDate(dob, -2)}T12:00:00Z`).toISOString();
    const res = await assessments.POST(post('/assessments', { ...body, administeredAt: beforeBirth }), noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.administeredAt).toEqual([RECORD_DATE_MESSAGES.beforeBirth]);

    const future = new Date(Date.now() + 2 * 3_600_000).toISOString();
    expect((await assessments.POST(post('/assessments', { ...body, administeredAt: future }), noParams)).status).toBe(
      400,
    );
    expect((await assessments.POST(post('/assessments', body), noParams)).status).toBe(201);
  });
});

describe('adverse events need a visit that took place', () => {
  const event = () => ({
    term: 'Nausea',
    grade: 1,
    isSerious: false,
    relatedness: 'POSSIBLE',
    actionTaken: 'NONE',
    outcome: 'RECOVERED',
    onsetAt: new Date().toISOString(),
  });

  it('[CLINICIAN] refuses an adverse event on a future visit that was never checked in (409), accepts it once checked in', async () => {
    const trial = await makeOutcomeTrial(prisma);
    const { enrollment } = await enrollParticipant(prisma, { trialId: trial.id, armId: trial.arms[0].id });
    const start = new Date(Date.now() + 3 * 86_400_000);
    const visit = await prisma.visit.create({
      data: {
        enrollmentId: enrollment.id,
        sessionNumber: 1,
        scheduledAt: start,
        originalScheduledAt: start,
        durationMin: 100,
        endsAt: new Date(start.getTime() + 100 * 60_000),
      },
    });
    const refused = await adverseEvents.POST(post(`/visits/${visit.id}/adverse-events`, event()), idParams(visit.id));
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.details.reason).toBe('VISIT_NOT_HELD');
    expect(await prisma.adverseEvent.count({ where: { visitId: visit.id } })).toBe(0);

    await prisma.visit.update({
      where: { id: visit.id },
      data: { status: 'CHECKED_IN', checkedInAt: new Date(), scheduledAt: new Date() },
    });
    const accepted = await adverseEvents.POST(post(`/visits/${visit.id}/adverse-events`, event()), idParams(visit.id));
    expect(accepted.status).toBe(201);
  });

  it('[CLINICIAN] an onset in 1800 is refused by the schema (400 on onsetAt)', async () => {
    const res = await adverseEvents.POST(
      post('/visits/no-such-visit/adverse-events', { ...event(), onsetAt: '1800-01-01T00:00:00Z' }),
      idParams('no-such-visit'),
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.onsetAt).toEqual([RECORD_DATE_MESSAGES.tooEarly]);
  });
});
