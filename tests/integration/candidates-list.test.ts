import { session, useRequestId } from '@/tests/helpers/route-harness';
import type { ActorContext } from '@/lib/auth/actor-context';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createCandidate } from '@/lib/candidates/create-candidate';
import { getFollowUps } from '@/lib/candidates/get-follow-ups';
import { listCandidates } from '@/lib/candidates/list-candidates';
import { logContact } from '@/lib/candidates/log-contact';
import { getClinicClock } from '@/lib/clinic/clock';
import {
  contextFor,
  intakeInput,
  isoDaysAgo,
  makeTrial,
  uniqueSurname,
  uniqueToken,
} from '@/lib/candidates/test-support';
import { movePipeline } from '@/lib/pipeline/move-pipeline';
import {
  candidateListQuerySchema,
  contactAttemptSchema,
  pipelineMoveSchema,
  type CandidateListQueryInput,
} from '@/lib/validations/candidates';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-candidates-list');

const collection = await import('@/app/api/v1/candidates/route');
const exportRoute = await import('@/app/api/v1/candidates/export/route');

const prisma = getTestPrisma();
let ctx: ActorContext;
let coordinatorUser: CurrentUser;
let otherCoordinatorId: string;
/** Every candidate of this file carries this token in its surname, so other files' rows never mix in. */
const token = uniqueSurname('').toLowerCase();
let trialId: string;
const ids: Record<string, string> = {};

function list(values: CandidateListQueryInput) {
  return listCandidates(candidateListQuerySchema.parse({ q: token, ...values }), { ctx });
}

beforeAll(async () => {
  const [coordinator, other] = await Promise.all([
    createUser(prisma, { role: 'COORDINATOR', name: 'Lark Listwell' }),
    createUser(prisma, { role: 'COORDINATOR' }),
  ]);
  coordinatorUser = { id: coordinator.id, email: coordinator.email, name: coordinator.name, role: coordinator.role };
  otherCoordinatorId = other.id;
  ctx = contextFor(coordinatorUser);
  const trial = await makeTrial(prisma);
  trialId = trial.id;

  const people = [
    {
      key: 'alder',
      lastName: `Alder${token}`,
      referralSource: 'PROVIDER',
      referralDate: isoDaysAgo(40),
      dateOfBirth: '1960-05-01',
      assignedCoordinatorId: coordinator.id,
    },
    {
      key: 'birch',
      lastName: `Birch${token}`,
      referralSource: 'SELF',
      referralDate: isoDaysAgo(2),
      dateOfBirth: '1990-01-15',
      assignedCoordinatorId: coordinator.id,
    },
    {
      key: 'cedar',
      lastName: `Cedar${token}`,
      referralSource: 'PROVIDER',
      referralDate: isoDaysAgo(10),
      dateOfBirth: '1975-09-30',
      assignedCoordinatorId: other.id,
    },
    {
      key: 'dogwood',
      lastName: `Dogwood${token}`,
      referralSource: 'REGISTRY',
      referralDate: isoDaysAgo(0),
      dateOfBirth: '1950-12-12',
      assignedCoordinatorId: null,
    },
  ] as const;
  for (const person of people) {
    const created = await createCandidate({
      input: intakeInput({
        ...person,
        firstName: 'Rue',
        mrn: `LST-${person.key.toUpperCase()}-${uniqueToken()}`,
        trialId: person.key === 'dogwood' ? undefined : trialId,
      }),
      ctx,
    });
    ids[person.key] = created.id;
  }
  await movePipeline({ candidateId: ids.alder, input: pipelineMoveSchema.parse({ trialId, to: 'CONTACTED' }), ctx });
  await movePipeline({ candidateId: ids.cedar, input: pipelineMoveSchema.parse({ trialId, to: 'CONTACTED' }), ctx });
  await movePipeline({ candidateId: ids.cedar, input: pipelineMoveSchema.parse({ trialId, to: 'PRESCREENING' }), ctx });
});

const names = (result: { items: Array<{ lastName: string }> }) =>
  result.items.map((item) => item.lastName.replace(token, '').toLowerCase());

describe('listCandidates', () => {
  it('searches names (either part, "first last", any case) and MRNs', async () => {
    expect((await list({})).total).toBe(4);
    expect(
      names(await listCandidates(candidateListQuerySchema.parse({ q: `rue birch${token.toUpperCase()}` }), { ctx })),
    ).toEqual(['birch']);
    expect(names(await listCandidates(candidateListQuerySchema.parse({ q: `CEDAR${token}` }), { ctx }))).toEqual([
      'cedar',
    ]);
    const byMrn = await listCandidates(candidateListQuerySchema.parse({ q: `lst-dogwood` }), { ctx });
    expect(byMrn.items.map((i) => i.id)).toContain(ids.dogwood);
    expect((await listCandidates(candidateListQuerySchema.parse({ q: `${token}%_` }), { ctx })).total).toBe(0);
  });

  it('sorts by each listed field in both directions, with stable pages and the total', async () => {
    expect(names(await list({ sort: 'lastName' }))).toEqual(['alder', 'birch', 'cedar', 'dogwood']);
    expect(names(await list({ sort: 'lastName', dir: 'desc' }))).toEqual(['dogwood', 'cedar', 'birch', 'alder']);
    expect(names(await list({}))).toEqual(['dogwood', 'birch', 'cedar', 'alder']); // referralDate, newest first by default
    expect(names(await list({ sort: 'referralDate', dir: 'asc' }))).toEqual(['alder', 'cedar', 'birch', 'dogwood']);
    expect(names(await list({ sort: 'dateOfBirth' }))).toEqual(['dogwood', 'alder', 'cedar', 'birch']);
    expect(names(await list({ sort: 'createdAt', dir: 'asc' }))).toEqual(['alder', 'birch', 'cedar', 'dogwood']);
    expect(names(await list({ sort: 'stage', trialId }))).toEqual(['birch', 'alder', 'cedar']);
    expect(names(await list({ sort: 'stage', trialId, dir: 'desc' }))).toEqual(['cedar', 'alder', 'birch']);

    const page2 = await list({ sort: 'lastName', pageSize: 3, page: 2 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(names(page2)).toEqual(['dogwood']);
  });

  it('filters by trial, stage, coordinator, referral source and referral age', async () => {
    expect(names(await list({ trialId, sort: 'lastName' }))).toEqual(['alder', 'birch', 'cedar']);
    expect(names(await list({ trialId, stage: 'CONTACTED' }))).toEqual(['alder']);
    expect(names(await list({ stage: 'PRESCREENING' }))).toEqual(['cedar']);
    expect(names(await list({ coordinatorId: coordinatorUser.id, sort: 'lastName' }))).toEqual(['alder', 'birch']);
    expect(names(await list({ coordinatorId: otherCoordinatorId }))).toEqual(['cedar']);
    expect(names(await list({ coordinatorId: 'none' }))).toEqual(['dogwood']);
    expect(names(await list({ referralSource: 'PROVIDER', sort: 'lastName' }))).toEqual(['alder', 'cedar']);
    expect(names(await list({ referralAgeDays: 7, sort: 'lastName' }))).toEqual(['alder', 'cedar']);
    expect(
      names(
        await list({
          referralAgeDays: 30,
          trialId,
          stage: 'CONTACTED',
          referralSource: 'PROVIDER',
          coordinatorId: coordinatorUser.id,
        }),
      ),
    ).toEqual(['alder']);
  });

  it('returns the list item shape with the coordinator and every pipeline', async () => {
    const [alder] = (await list({ sort: 'lastName', pageSize: 1 })).items;
    expect(alder).toMatchObject({
      id: ids.alder,
      firstName: 'Rue',
      sex: 'female',
      referralSource: 'PROVIDER',
      referralDate: isoDaysAgo(40),
      dateOfBirth: '1960-05-01',
      coordinator: { id: coordinatorUser.id, name: 'Lark Listwell' },
      pipelines: [{ trialId, stage: 'CONTACTED', trialLabel: expect.stringMatching(/^KET-/) }],
    });
  });
});

describe('GET /api/v1/candidates and the CSV export', () => {
  const noParams = { params: Promise.resolve({}) };
  const get = (route: typeof collection.GET, path: string) =>
    route(new NextRequest(`http://localhost:3000/api/v1${path}`, { headers: { host: 'localhost:3000' } }), noParams);

  it('answers { items, total } and 400 for a sort field that is not listed', async () => {
    session.user = coordinatorUser;
    const res = await get(collection.GET, `/candidates?q=${token}&sort=lastName&dir=asc&pageSize=2`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(2);
    const bogus = await get(collection.GET, '/candidates?sort=bogus');
    expect(bogus.status).toBe(400);
    expect((await bogus.json()).error.fields['query.sort']).toHaveLength(1);
    expect((await get(collection.GET, '/candidates?sort=password')).status).toBe(400);
    expect((await get(collection.GET, '/candidates?pageSize=500')).status).toBe(400);
  });

  it('[COORDINATOR] exports the filtered list as CSV with a download name and row count, labels with codes beside them, audited', async () => {
    session.user = coordinatorUser;
    const res = await get(exportRoute.GET, `/candidates/export?q=${token}&trialId=${trialId}&sort=lastName`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="candidates-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers.get('x-row-count')).toBe('3');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'MRN,Last name,First name,Date of birth,Sex,Sex code,Phone,Email,Referral source,Referral source code,Referral date,Coordinator,Trials and stages,Candidate id',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(`Alder${token}`);
    expect(lines[1]).toMatch(/KET-\w+: Contacted \(CONTACTED\)/);
    expect(lines[1]).toMatch(/,(Female,female|Male,male|Other,other|Unknown,unknown),/);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'candidate.export', actorId: coordinatorUser.id },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.after).toMatchObject({ rowCount: 3 });
  });

  it('[COORDINATOR] an export has no row cap: every matching candidate, in the list order', async () => {
    session.user = coordinatorUser;
    const res = await get(exportRoute.GET, `/candidates/export?q=${token}&sort=lastName&dir=asc`);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\r\n').slice(1);
    expect(res.headers.get('x-row-count')).toBe(String(lines.length));
    const list = await (await get(collection.GET, `/candidates?q=${token}&sort=lastName&dir=asc&pageSize=100`)).json();
    expect(lines.map((line) => line.split(',').at(-1))).toEqual(list.items.map((item: { id: string }) => item.id));
  });
});

// The review queue (checks awaiting a clinician) has its own file: review-queue.test.ts.
describe('follow-ups', () => {
  it('lists referrals not contacted within 3 business days and overdue follow-ups, and drops them once handled', async () => {
    const today = (await getClinicClock()).today();
    const trial = await makeTrial(prisma);
    const stale = await createCandidate({
      input: intakeInput({ referralDate: isoDaysAgo(400), trialId: trial.id }),
      ctx,
    });
    const fresh = await createCandidate({ input: intakeInput({ referralDate: today, trialId: trial.id }), ctx });
    const noTrial = await createCandidate({ input: intakeInput({ referralDate: isoDaysAgo(401) }), ctx });
    const followUp = await createCandidate({
      input: intakeInput({ referralDate: isoDaysAgo(399), trialId: trial.id }),
      ctx,
    });
    const contactedAt = new Date(Date.now() - 395 * 86_400_000).toISOString();
    await logContact({
      candidateId: followUp.id,
      input: contactAttemptSchema.parse({
        method: 'PHONE',
        outcome: 'LEFT_MESSAGE',
        contactedAt,
        nextFollowUpOn: isoDaysAgo(390),
      }),
      ctx,
    });

    let result = await getFollowUps({ today });
    const uncontacted = result.uncontacted.map((u) => u.candidateId);
    expect(uncontacted).toEqual(expect.arrayContaining([stale.id, noTrial.id]));
    expect(uncontacted).not.toContain(fresh.id);
    expect(uncontacted).not.toContain(followUp.id);
    expect(result.uncontacted.find((u) => u.candidateId === stale.id)).toMatchObject({
      trials: [{ trialId: trial.id }],
      businessDaysWaiting: expect.any(Number),
    });
    const overdue = result.overdue.find((o) => o.candidateId === followUp.id);
    expect(overdue).toMatchObject({ nextFollowUpOn: isoDaysAgo(390), lastOutcome: 'LEFT_MESSAGE', daysOverdue: 390 });

    // A newer contact with a future follow-up clears the overdue one; any contact clears "not contacted".
    await logContact({
      candidateId: followUp.id,
      input: contactAttemptSchema.parse({
        method: 'TEXT',
        outcome: 'TEXT_SENT',
        contactedAt: new Date().toISOString(),
        nextFollowUpOn: isoDaysAgo(-3),
      }),
      ctx,
    });
    await logContact({
      candidateId: stale.id,
      input: contactAttemptSchema.parse({
        method: 'PHONE',
        outcome: 'NO_ANSWER',
        contactedAt: new Date().toISOString(),
      }),
      ctx,
    });
    result = await getFollowUps({ today });
    expect(result.overdue.map((o) => o.candidateId)).not.toContain(followUp.id);
    expect(result.uncontacted.map((u) => u.candidateId)).not.toContain(stale.id);
  });
});
