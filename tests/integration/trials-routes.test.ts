import { session, useRequestId } from '@/tests/helpers/route-harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import type { TrialDetail } from '@/lib/trials/types';
import { trialDraftSchema, type TrialDraftInput } from '@/lib/validations/trials';
import { TRIAL_NCT06668571 } from '@/prisma/seed/data/seed-trials';
import { createCandidate } from '@/prisma/seed/candidates';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

useRequestId('req-trials-routes');

const trialsRoute = await import('@/app/api/v1/trials/route');
const trialRoute = await import('@/app/api/v1/trials/[id]/route');
const importRoute = await import('@/app/api/v1/trials/import/route');
const ruleRoute = await import('@/app/api/v1/trials/[id]/criteria/[criterionId]/rule/route');
const dosingRoute = await import('@/app/api/v1/trials/[id]/arms/[armId]/dosing/route');

const prisma = getTestPrisma();

let nctCounter = 0;
/** NCT ids no real study or other test file uses: NCT7 + pid-derived digits + a counter. */
function uniqueNct(): string {
  nctCounter += 1;
  return `NCT7${String(process.pid % 1000).padStart(3, '0')}${String(nctCounter).padStart(4, '0')}`;
}

function draftInput(overrides: Partial<TrialDraftInput> = {}): TrialDraftInput {
  return { ...TRIAL_NCT06668571, nctId: uniqueNct(), ...overrides };
}

function request(method: string, url: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000${url}`, {
    method,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}
const params = (values: Record<string, string> = {}) => ({ params: Promise.resolve(values) });

const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;

function signIn(role: keyof typeof users) {
  session.user = users[role];
}

async function createViaApi(overrides: Partial<TrialDraftInput> = {}): Promise<TrialDetail> {
  signIn('admin');
  const res = await trialsRoute.POST(request('POST', '/api/v1/trials', draftInput(overrides)), params());
  expect(res.status).toBe(201);
  return (await res.json()).trial;
}

beforeAll(async () => {
  for (const role of ['ADMIN', 'COORDINATOR', 'CLINICIAN'] as const) {
    const user = await createUser(prisma, { role, name: `Routes ${role.toLowerCase()}` });
    users[role.toLowerCase() as keyof typeof users] = { id: user.id, email: user.email, name: user.name, role };
  }
});

describe('trial API shape', () => {
  it('POST creates (201) and every trial response carries arms with dosing and criteria with lower-case kinds', async () => {
    const trial = await createViaApi();
    expect(trial.arms[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        label: 'Ketamine Group',
        type: 'EXPERIMENTAL',
        dosing: expect.objectContaining({ mgPerKg: 0.5, maxMgPerSession: 50 }),
      }),
    );
    for (const criterion of trial.criteria) {
      expect(Object.keys(criterion)).toEqual(expect.arrayContaining(['id', 'kind', 'text', 'rule', 'suggestedRule']));
      expect(['inclusion', 'exclusion']).toContain(criterion.kind);
    }

    const got = await trialRoute.GET(request('GET', `/api/v1/trials/${trial.id}`), params({ id: trial.id }));
    expect(got.status).toBe(200);
    expect((await got.json()).trial).toEqual(trial);

    const list = await trialsRoute.GET(request('GET', `/api/v1/trials?q=${trial.nctId}`), params());
    expect(list.status).toBe(200);
    const body = await list.json();
    expect(body).toMatchObject({ total: 1, page: 1, pageSize: 25 });
    expect(body.items[0]).toMatchObject({
      id: trial.id,
      nctId: trial.nctId,
      title: trial.title,
      phases: ['PHASE2'],
      status: 'RECRUITING',
    });
  });

  it('answers 400 for an unknown sort or a bad page size, and 404 for a missing trial', async () => {
    signIn('admin');
    const bad = await trialsRoute.GET(request('GET', '/api/v1/trials?sort=dosage'), params());
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty(['query.sort']);
    expect((await trialsRoute.GET(request('GET', '/api/v1/trials?pageSize=500'), params())).status).toBe(400);
    expect((await trialRoute.GET(request('GET', '/api/v1/trials/nope'), params({ id: 'nope' }))).status).toBe(404);
  });

  it('answers 409 on nctId for a duplicate NCT id and 400 with fields for an invalid draft', async () => {
    const trial = await createViaApi();
    const dup = await trialsRoute.POST(request('POST', '/api/v1/trials', draftInput({ nctId: trial.nctId })), params());
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.fields.nctId).toHaveLength(1);
    const invalid = await trialsRoute.POST(
      request('POST', '/api/v1/trials', { ...draftInput(), nctId: 'NCT12', title: '' }),
      params(),
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys((await invalid.json()).error.fields)).toEqual(expect.arrayContaining(['nctId', 'title']));
  });

  it('PATCH: stale version → 409; after a screening, missing amendment reason → 400, with it → new version', async () => {
    const trial = await createViaApi();
    const url = `/api/v1/trials/${trial.id}`;
    const ok = await trialRoute.PATCH(
      request('PATCH', url, { version: 1, briefSummary: 'Updated summary.' }),
      params({ id: trial.id }),
    );
    expect(ok.status).toBe(200);
    expect((await ok.json()).trial).toMatchObject({ version: 2, briefSummary: 'Updated summary.' });

    const stale = await trialRoute.PATCH(
      request('PATCH', url, { version: 1, briefSummary: 'Lost update' }),
      params({ id: trial.id }),
    );
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toBe('This trial was changed by someone else; reload');

    const candidate = await createCandidate(prisma);
    await prisma.pipelineEntry.create({
      data: { candidateId: candidate.id, trialId: trial.id, stage: 'PRESCREENING' },
    });
    const criteria = trial.criteria.slice(1).map((c) => ({ id: c.id, kind: c.kind.toUpperCase(), text: c.text }));
    const noReason = await trialRoute.PATCH(request('PATCH', url, { version: 2, criteria }), params({ id: trial.id }));
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.fields.amendmentReason).toHaveLength(1);
    const amended = await trialRoute.PATCH(
      request('PATCH', url, { version: 2, criteria, amendmentReason: 'Age limit removed by IRB' }),
      params({ id: trial.id }),
    );
    expect(amended.status).toBe(200);
    const body = (await amended.json()).trial as TrialDetail;
    expect(body.protocolVersion).toMatchObject({ number: 2, reason: 'Age limit removed by IRB' });
    expect(body.criteria).toHaveLength(trial.criteria.length - 1);
    expect(body.versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it('confirms a rule and a dosing protocol through their routes', async () => {
    const base = trialDraftSchema.parse(draftInput());
    signIn('admin');
    const created = await trialsRoute.POST(
      request('POST', '/api/v1/trials', {
        ...base,
        criteria: base.criteria.map((c, i) => (i === 0 ? { ...c, rule: null, suggestedRule: c.rule } : c)),
        arms: base.arms.map((arm) => ({ ...arm, dosing: null, suggestedDosing: arm.dosing })),
      }),
      params(),
    );
    const trial = (await created.json()).trial as TrialDetail;
    expect(trial.criteria[0]).toMatchObject({ rule: null, suggestedRule: { measure: 'age_years' } });

    const criterion = trial.criteria[0];
    const rule = await ruleRoute.POST(
      request('POST', `/api/v1/trials/${trial.id}/criteria/${criterion.id}/rule`, {}),
      params({ id: trial.id, criterionId: criterion.id }),
    );
    expect(rule.status).toBe(200);
    expect((await rule.json()).trial.criteria[0]).toMatchObject({
      id: criterion.id,
      rule: { measure: 'age_years' },
      ruleConfirmedBy: { id: users.admin.id },
    });

    const badRule = await ruleRoute.POST(
      request('POST', `/api/v1/trials/${trial.id}/criteria/${criterion.id}/rule`, {
        rule: { kind: 'number', measure: 'shoe_size', op: 'gt', value: 1 },
      }),
      params({ id: trial.id, criterionId: criterion.id }),
    );
    expect(badRule.status).toBe(400);

    const arm = trial.arms[0];
    const dosing = await dosingRoute.POST(
      request('POST', `/api/v1/trials/${trial.id}/arms/${arm.id}/dosing`, {}),
      params({ id: trial.id, armId: arm.id }),
    );
    expect(dosing.status).toBe(200);
    expect((await dosing.json()).trial.arms[0]).toMatchObject({
      id: arm.id,
      dosingStatus: 'confirmed',
      dosing: { mgPerKg: 0.5 },
    });
  });
});

describe('role checks', () => {
  it('coordinators and clinicians read trials (200) but get 403 on every write, and nothing is written', async () => {
    const trial = await createViaApi();
    const study = JSON.parse(readFileSync(path.join(process.cwd(), 'lib/ctgov/fixtures/NCT03418623.json'), 'utf8'));
    const importNct = uniqueNct();
    study.protocolSection.identificationModule.nctId = importNct;
    const newNct = uniqueNct();
    const criterion = trial.criteria[0];
    const arm = trial.arms[0];
    const auditBefore = await prisma.auditEvent.count({
      where: { entityId: { in: [trial.id, criterion.id, arm.id] } },
    });

    for (const role of ['coordinator', 'clinician'] as const) {
      signIn(role);
      const reads = [
        await trialsRoute.GET(request('GET', '/api/v1/trials'), params()),
        await trialRoute.GET(request('GET', `/api/v1/trials/${trial.id}`), params({ id: trial.id })),
      ];
      expect(
        reads.map((res) => res.status),
        role,
      ).toEqual([200, 200]);

      const writes = [
        await trialsRoute.POST(request('POST', '/api/v1/trials', draftInput({ nctId: newNct })), params()),
        await trialRoute.PATCH(
          request('PATCH', `/api/v1/trials/${trial.id}`, { version: 1, title: 'Hijacked' }),
          params({ id: trial.id }),
        ),
        await importRoute.POST(request('POST', '/api/v1/trials/import', study), params()),
        await importRoute.POST(request('POST', '/api/v1/trials/import?preview=1', study), params()),
        await ruleRoute.POST(
          request('POST', `/api/v1/trials/${trial.id}/criteria/${criterion.id}/rule`, { clear: true }),
          params({ id: trial.id, criterionId: criterion.id }),
        ),
        await dosingRoute.POST(
          request('POST', `/api/v1/trials/${trial.id}/arms/${arm.id}/dosing`, {}),
          params({ id: trial.id, armId: arm.id }),
        ),
      ];
      expect(
        writes.map((res) => res.status),
        role,
      ).toEqual([403, 403, 403, 403, 403, 403]);
      for (const res of writes) expect((await res.json()).error.code).toBe('FORBIDDEN');
    }

    expect(await prisma.trial.count({ where: { nctId: { in: [importNct, newNct] } } })).toBe(0);
    expect(await prisma.trial.findUniqueOrThrow({ where: { id: trial.id } })).toMatchObject({
      title: trial.title,
      version: 1,
    });
    expect(await prisma.criterion.findUniqueOrThrow({ where: { id: criterion.id } })).toMatchObject({
      rule: criterion.rule,
    });
    expect(await prisma.auditEvent.count({ where: { entityId: { in: [trial.id, criterion.id, arm.id] } } })).toBe(
      auditBefore,
    );
  });

  it('answers 401 without a session', async () => {
    session.user = null;
    expect((await trialsRoute.GET(request('GET', '/api/v1/trials'), params())).status).toBe(401);
    expect((await importRoute.POST(request('POST', '/api/v1/trials/import', {}), params())).status).toBe(401);
  });
});
