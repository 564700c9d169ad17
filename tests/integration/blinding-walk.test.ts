import { session, useRequestId } from '@/tests/helpers/route-harness';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  makeEnrollment,
  makeMaskedDosingTrial,
  MASKED_ACTIVE_LABEL,
  MASKED_PLACEBO_LABEL,
  TEST_PASSWORD,
} from '@/lib/infusions/test-support';
import { phq9Items } from '@/lib/assessments/test-support';
import { createStaff, createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// Reads the bytes every role gets from every GET route of the API for a masked trial with a
// participant in each arm, after a full infusion day, and looks for anything that would tell
// the arms apart. Routes are found on disk, so a new route is walked (or must be listed here).

useRequestId('req-walk');

const prisma = getTestPrisma();
const API_ROOT = path.resolve(__dirname, '../../app/api');
const staff = {} as Record<'admin' | 'coordinator' | 'clinician' | 'preparer', CurrentUser>;
let ids: Record<string, string>;

/** Routes whose answer is the trial's own record (its arms are public registry data, not anyone's allocation). */
const TRIAL_DEFINITION_ROUTES = new Set(['v1/trials/[id]']);
/** Routes that need no check here: no session (tested in their own files) or no trial data at all. */
const NOT_APPLICABLE = new Set([
  'auth/[...nextauth]',
  'health',
  'v1/self-report/[token]',
  'v1/tablet',
  'v1/users',
  'v1/users/[id]',
  'v1/clinic',
  'v1/me',
]);

function routeFiles(dir: string, base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    const rel = base ? `${base}/${name}` : name;
    if (statSync(full).isDirectory()) return routeFiles(full, rel);
    return name === 'route.ts' ? [base] : [];
  });
}

/** The URL(s) and params that exercise a route, from its path. */
function targets(route: string): Array<{ url: string; params: Record<string, string> }> {
  const byId: Record<string, string> = {
    'v1/candidates/[id]': ids.activeCandidateId,
    'v1/candidates/[id]/measurements': ids.activeCandidateId,
    'v1/enrollments/[id]/adherence': ids.activeEnrollmentId,
    'v1/enrollments/[id]/schedule': ids.activeEnrollmentId,
    'v1/enrollments/[id]/schedule.ics': ids.activeEnrollmentId,
    'v1/visits/[id]': ids.activeVisitId,
    'v1/trials/[id]/outcomes': ids.trialId,
    'v1/trials/[id]/screen-fail-report': ids.trialId,
    'v1/trials/[id]/exports': ids.trialId,
    'v1/trials/[id]/unblinded-staff': ids.trialId,
    'v1/trials/[id]/consent-forms': ids.trialId,
    'v1/eligibility/checks/[id]': 'no-such-check',
    'v1/drug-inventory/lots/[id]': 'no-such-lot',
    'v1/drug-inventory/lots/[id]/log.csv': 'no-such-lot',
  };
  const placeboTwin: Record<string, string> = {
    'v1/candidates/[id]': ids.placeboCandidateId,
    'v1/enrollments/[id]/schedule': ids.placeboEnrollmentId,
    'v1/enrollments/[id]/schedule.ics': ids.placeboEnrollmentId,
    'v1/visits/[id]': ids.placeboVisitId,
  };
  const queries: Record<string, string[]> = {
    'v1/assessments': [`?enrollmentId=${ids.activeEnrollmentId}`, `?enrollmentId=${ids.placeboEnrollmentId}`],
    // The trail is shared with every other test file: read this trial's own events by entity.
    // The trail is read as JSON and as the CSV export (labels included).
    'v1/audit': ids.auditEntityIds
      .split(',')
      .flatMap((entityId) => [`?entityId=${entityId}`, `?entityId=${entityId}&format=csv`]),
    'v1/candidates': ['', `?trialId=${ids.trialId}`],
    'v1/candidates/export': [`?trialId=${ids.trialId}`],
    'v1/visits': [`?from=${ids.day}&to=${ids.day}`],
    'v1/safety-alerts': ['?status=open', '?status=acknowledged'],
    'v1/review-queue': [''],
    'v1/drug-inventory': [''],
    'v1/trials': [''],
    'v1/security/mfa-roles': [''],
  };
  const url = (suffix: string) => `http://localhost:3000/api/${route}${suffix}`;
  if (route === 'v1/trials/[id]/exports/[file]') {
    return ['assessments', 'summary', 'responders', 'adverse-events', 'funnel', 'adherence', 'completion'].map(
      (kind) => ({
        url: url(''),
        params: { id: ids.trialId, file: `${kind}.csv` },
      }),
    );
  }
  if (route === 'v1/trials/[id]/screening-form') {
    return [ids.activeCandidateId, ids.placeboCandidateId].map((candidateId) => ({
      url: url(`?candidateId=${candidateId}`),
      params: { id: ids.trialId },
    }));
  }
  // A signed form is a scanned document, not trial data the walk can seed; an unknown one must 404 alike.
  if (route === 'v1/consents/[id]/documents/[documentId]') {
    return [{ url: url(''), params: { id: 'no-such-consent', documentId: 'no-such-document' } }];
  }
  if (route === 'v1/trials/[id]/versions/diff') return [{ url: url('?from=1&to=1'), params: { id: ids.trialId } }];
  if (route in byId) {
    const list = [{ url: url(''), params: { id: byId[route] } }];
    if (route in placeboTwin) list.push({ url: url(''), params: { id: placeboTwin[route] } });
    return list;
  }
  if (route in queries) return queries[route].map((query) => ({ url: url(query), params: {} }));
  throw new Error(`The blinding walk does not know how to call GET /api/${route}: add it to targets()`);
}

async function readAll(user: CurrentUser): Promise<Array<{ route: string; status: number; body: string }>> {
  session.user = user;
  const results: Array<{ route: string; status: number; body: string }> = [];
  for (const route of routeFiles(API_ROOT)) {
    if (NOT_APPLICABLE.has(route) || TRIAL_DEFINITION_ROUTES.has(route)) continue;
    const mod = (await import(`@/app/api/${route}/route`)) as {
      GET?: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
    };
    if (!mod.GET) continue;
    for (const target of targets(route)) {
      const response = await mod.GET(new NextRequest(target.url, { headers: { host: 'localhost:3000' } }), {
        params: Promise.resolve(target.params),
      });
      results.push({
        route: `${route} ${target.url.split('?')[1] ?? ''} ${JSON.stringify(target.params)}`,
        status: response.status,
        body: await response.text(),
      });
    }
  }
  return results;
}

function leaks(body: string): string[] {
  const found: string[] = [];
  for (const needle of [ids.activeArmId, ids.placeboArmId, MASKED_ACTIVE_LABEL, MASKED_PLACEBO_LABEL])
    if (body.includes(needle)) found.push(needle);
  if (/placebo/i.test(body)) found.push('placebo');
  const mg = /"(doseMg|administeredDoseMg|verifiedDoseMg|uncappedDoseMg)":\s*-?\d/.exec(body);
  if (mg) found.push(mg[0]);
  const sequence = /"allocationSequence":\s*\d/.exec(body);
  if (sequence) found.push(sequence[0]);
  return found;
}

beforeAll(async () => {
  Object.assign(staff, await createStaff(prisma));
  const preparer = await createUser(prisma, { role: 'CLINICIAN', name: 'Pia Preparer' });
  staff.preparer = { id: preparer.id, email: preparer.email, name: preparer.name, role: preparer.role };
  const { trial, activeArmId, placeboArmId } = await makeMaskedDosingTrial(prisma);
  await prisma.unblindedStaff.create({
    data: { trialId: trial.id, userId: staff.preparer.id, addedById: staff.admin.id },
  });

  const checkIn = await import('@/app/api/v1/visits/[id]/check-in/route');
  const vitals = await import('@/app/api/v1/visits/[id]/vitals/route');
  const verify = await import('@/app/api/v1/visits/[id]/dose-verification/route');
  const administration = await import('@/app/api/v1/visits/[id]/administration/route');
  const adverse = await import('@/app/api/v1/visits/[id]/adverse-events/route');
  const assessments = await import('@/app/api/v1/assessments/route');
  const post = (
    route: { POST: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> },
    id: string,
    body: unknown,
  ) =>
    route.POST(
      new NextRequest(`http://localhost:3000/api/v1/x/${id}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', host: 'localhost:3000' },
      }),
      { params: Promise.resolve({ id }) },
    );

  const day = async (armId: string) => {
    const { enrollment, candidate } = await makeEnrollment(prisma, { trialId: trial.id, armId });
    const now = new Date();
    const visit = await prisma.visit.create({
      data: {
        enrollmentId: enrollment.id,
        sessionNumber: 1,
        scheduledAt: now,
        originalScheduledAt: now,
        durationMin: 100,
        endsAt: new Date(now.getTime() + 100 * 60_000),
      },
    });
    session.user = staff.clinician;
    expect((await post(checkIn, visit.id, { isDriverConfirmed: true, hasNoNewExclusion: true })).status).toBe(200);
    expect(
      (await post(vitals, visit.id, { timepoint: 'PRE', sbp: 124, dbp: 80, heartRate: 70, spo2: 98 })).status,
    ).toBe(201);
    // A blinded clinician may not verify; the unblinded preparer does.
    expect((await post(verify, visit.id, { weightKg: 80, password: TEST_PASSWORD })).status).toBe(403);
    session.user = staff.preparer;
    expect((await post(verify, visit.id, { weightKg: 80, password: TEST_PASSWORD })).status).toBe(201);
    session.user = staff.clinician;
    const given = await post(administration, visit.id, {
      percentGiven: 100,
      lotNumber: 'FIC-LOT-1',
      startedAt: new Date().toISOString(),
    });
    expect(given.status).toBe(201);
    const mgTry = await post(administration, visit.id, {
      administeredDoseMg: 0,
      lotNumber: 'FIC-LOT-1',
      startedAt: new Date().toISOString(),
    });
    expect(mgTry.status).not.toBe(201);
    expect(
      (
        await post(adverse, visit.id, {
          term: 'Dissociation',
          grade: 3,
          isSerious: true,
          relatedness: 'PROBABLE',
          actionTaken: 'INFUSION_STOPPED',
          outcome: 'RECOVERED',
          onsetAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(201);
    const assessment = await assessments.POST(
      new NextRequest('http://localhost:3000/api/v1/assessments', {
        method: 'POST',
        body: JSON.stringify({
          enrollmentId: enrollment.id,
          instrument: 'PHQ9',
          timepoint: 'BASELINE',
          items: phq9Items(15, 1),
        }),
        headers: { 'content-type': 'application/json', host: 'localhost:3000' },
      }),
      { params: Promise.resolve({}) },
    );
    expect(assessment.status).toBe(201);
    return { enrollment, candidate, visit };
  };
  const active = await day(activeArmId);
  const placebo = await day(placeboArmId);
  const verifications = await prisma.doseVerification.findMany({
    where: { visitId: { in: [active.visit.id, placebo.visit.id] } },
    select: { id: true },
  });
  const administrations = await prisma.infusionAdministration.findMany({
    where: { visitId: { in: [active.visit.id, placebo.visit.id] } },
    select: { id: true },
  });
  ids = {
    auditEntityIds: [
      trial.id,
      active.visit.id,
      placebo.visit.id,
      active.enrollment.id,
      placebo.enrollment.id,
      ...verifications.map((row) => row.id),
      ...administrations.map((row) => row.id),
    ].join(','),
    trialId: trial.id,
    activeArmId,
    placeboArmId,
    activeCandidateId: active.candidate.id,
    placeboCandidateId: placebo.candidate.id,
    activeEnrollmentId: active.enrollment.id,
    placeboEnrollmentId: placebo.enrollment.id,
    activeVisitId: active.visit.id,
    placeboVisitId: placebo.visit.id,
    day: new Date().toISOString().slice(0, 10),
  };
}, 60_000);

describe('a masked trial read by every role, byte for byte', () => {
  for (const role of ['coordinator', 'clinician', 'admin'] as const) {
    it(`[${role.toUpperCase()}] blinded: no GET route answers with an arm, placebo wording, an mg dose or an allocation`, async () => {
      const results = await readAll(staff[role]);
      expect(results.length).toBeGreaterThan(20);
      const found = results.flatMap((result) => leaks(result.body).map((leak) => `${result.route} → ${leak}`));
      expect(found).toEqual([]);
      expect(results.filter((result) => result.status >= 500)).toEqual([]);
    }, 60_000);
  }

  it('[CLINICIAN] unblinded preparer: the same routes do show the arm and the dose', async () => {
    const results = await readAll(staff.preparer);
    const all = results.map((result) => result.body).join('\n');
    expect(all).toContain(MASKED_PLACEBO_LABEL);
    expect(all).toContain(MASKED_ACTIVE_LABEL);
    expect(all).toMatch(/"doseMg":\s*40/);
  }, 60_000);

  it('the trial record names the arms (registry data) but gives no per-arm enrolment count in a masked trial', async () => {
    const trialRoute = await import('@/app/api/v1/trials/[id]/route');
    for (const user of [staff.coordinator, staff.preparer]) {
      session.user = user;
      const body = await (
        await trialRoute.GET(
          new NextRequest(`http://localhost:3000/api/v1/trials/${ids.trialId}`, {
            headers: { host: 'localhost:3000' },
          }),
          { params: Promise.resolve({ id: ids.trialId }) },
        )
      ).json();
      expect(body.trial.arms.map((arm: { enrollmentCount: number | null }) => arm.enrollmentCount)).toEqual([
        null,
        null,
      ]);
      expect(body.trial.enrolledCount).toBe(2);
    }
  });

  it('blinded staff see the same infusion day for the active and the placebo participant, but for names and ids', async () => {
    const visitRoute = await import('@/app/api/v1/visits/[id]/route');
    session.user = staff.clinician;
    const read = async (visitId: string) => {
      const body = await (
        await visitRoute.GET(
          new NextRequest(`http://localhost:3000/api/v1/visits/${visitId}`, { headers: { host: 'localhost:3000' } }),
          { params: Promise.resolve({ id: visitId }) },
        )
      ).json();
      const { visit, participant, verification, administration, adverseEvents, vitals, dischargeReadiness, ...rest } =
        body;
      return {
        rest,
        // Times differ by the seconds between the two infusions; what is still missing must not.
        dischargeBlockers: dischargeReadiness.blockers.map((blocker: { code: string }) => blocker.code),
        verification: { ...verification, id: undefined, signedAt: undefined },
        administration: { ...administration, id: undefined, visitId: undefined, startedAt: undefined },
        blinding: body.allocation,
        participantArm: participant.arm,
        vitals: vitals.map((row: Record<string, unknown>) => ({ ...row, id: undefined, recordedAt: undefined })),
        adverseEvents: adverseEvents.map((row: Record<string, unknown>) => ({
          ...row,
          id: undefined,
          enrollmentId: undefined,
          visitId: undefined,
          onsetAt: undefined,
        })),
        status: visit.status,
      };
    };
    const active = await read(ids.activeVisitId);
    const placebo = await read(ids.placeboVisitId);
    expect(JSON.stringify(active).replaceAll(ids.activeVisitId, 'X')).toBe(
      JSON.stringify(placebo).replaceAll(ids.placeboVisitId, 'X'),
    );
    expect(active.blinding).toMatchObject({
      isBlinded: true,
      canVerify: false,
      preparation: { label: 'Study drug per protocol' },
    });
  });
});
