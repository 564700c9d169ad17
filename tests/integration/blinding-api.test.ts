import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrollParticipant, makeOutcomeTrial } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff, createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-blinding');

const staffRoute = await import('@/app/api/v1/trials/[id]/unblinded-staff/route');
const unblindRoute = await import('@/app/api/v1/enrollments/[id]/unblind/route');
const reviewRoute = await import('@/app/api/v1/emergency-unblindings/[id]/review/route');
const candidateRoute = await import('@/app/api/v1/candidates/[id]/route');
const { listUnreviewedUnblindings } = await import('@/lib/blinding/emergency-unblind');

const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician' | 'preparer', CurrentUser>;
let masked: Awaited<ReturnType<typeof makeOutcomeTrial>>;
let open: Awaited<ReturnType<typeof makeOutcomeTrial>>;
const params = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, path: string, body?: unknown) {
  return new NextRequest(`http://localhost:3000/api/v1${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  const preparer = await createUser(prisma, { role: 'CLINICIAN', name: 'Pia Preparer' });
  users.preparer = { id: preparer.id, email: preparer.email, name: preparer.name, role: preparer.role };
  masked = await makeOutcomeTrial(prisma, { masking: 'TRIPLE', arms: ['Ketamine 0.5 mg/kg', 'Saline placebo'] });
  open = await makeOutcomeTrial(prisma, { masking: 'NONE' });
});

beforeEach(() => {
  session.user = users.admin;
});

const putStaff = (trialId: string, userIds: string[]) =>
  staffRoute.PUT(request('PUT', `/trials/${trialId}/unblinded-staff`, { userIds }), params(trialId));

describe('unblinded staff', () => {
  it('[ADMIN] names the preparer; the list is audited before and after', async () => {
    const response = await putStaff(masked.id, [users.preparer.id]);
    expect(response.status).toBe(200);
    expect((await response.json()).staff.map((member: { userId: string }) => member.userId)).toEqual([
      users.preparer.id,
    ]);
    const got = await (
      await staffRoute.GET(request('GET', `/trials/${masked.id}/unblinded-staff`), params(masked.id))
    ).json();
    expect(got).toMatchObject({ isMasked: true, staff: [{ userId: users.preparer.id, name: 'Pia Preparer' }] });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'trial.unblinded_staff_set', entityId: masked.id },
      orderBy: { createdAt: 'desc' },
    });
    expect(event.after).toEqual({ userIds: [users.preparer.id] });
  });

  it('refuses unknown people (400), an unmasked trial (409), coordinators and clinicians (403)', async () => {
    const unknown = await putStaff(masked.id, ['no-such-user']);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields['userIds.0']).toEqual(['No such user']);
    expect((await putStaff(open.id, [users.preparer.id])).status).toBe(409);
    for (const role of ['coordinator', 'clinician'] as const) {
      session.user = users[role];
      expect((await putStaff(masked.id, [users[role].id])).status).toBe(403);
      expect(
        (await staffRoute.GET(request('GET', `/trials/${masked.id}/unblinded-staff`), params(masked.id))).status,
      ).toBe(403);
    }
  });

  it('the candidate API gives the arm to the named preparer only', async () => {
    await putStaff(masked.id, [users.preparer.id]);
    const { enrollment, candidate } = await enrollParticipant(prisma, { trialId: masked.id, armId: masked.arms[1].id });
    const read = async (user: CurrentUser) => {
      session.user = user;
      const body = await (
        await candidateRoute.GET(request('GET', `/candidates/${candidate.id}`), params(candidate.id))
      ).json();
      return body.pipelines.find((pipeline: { enrollmentId: string }) => pipeline.enrollmentId === enrollment.id);
    };
    for (const user of [users.coordinator, users.clinician, users.admin]) {
      const pipeline = await read(user);
      expect(pipeline).toMatchObject({ armId: null, armLabel: null, isAllocationMasked: true });
    }
    expect(await read(users.preparer)).toMatchObject({
      armId: masked.arms[1].id,
      armLabel: 'Saline placebo',
      isAllocationMasked: false,
    });
  });
});

describe('emergency unblinding', () => {
  it('[CLINICIAN] breaks the blind with a reason: answers the arm, audits an unblind event, alerts admins, and shows the arm to that clinician only', async () => {
    const { enrollment, candidate } = await enrollParticipant(prisma, { trialId: masked.id, armId: masked.arms[0].id });
    session.user = users.clinician;
    const response = await unblindRoute.POST(
      request('POST', `/enrollments/${enrollment.id}/unblind`, {
        reason: 'Severe hypertensive reaction; treating team needs the allocation',
      }),
      params(enrollment.id),
    );
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({
      enrollmentId: enrollment.id,
      arm: { id: masked.arms[0].id, label: 'Ketamine 0.5 mg/kg' },
      unblindedBy: 'Kit Clinician',
    });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { entityId: enrollment.id, action: { contains: 'unblind' } },
    });
    expect(event).toMatchObject({
      actorId: users.clinician.id,
      reason: 'Severe hypertensive reaction; treating team needs the allocation',
    });
    expect(JSON.stringify(event.after)).not.toContain('Ketamine');
    const unreviewed = await listUnreviewedUnblindings();
    const alert = unreviewed.find((row) => row.enrollmentId === enrollment.id)!;
    expect(alert).toMatchObject({ unblindedBy: 'Kit Clinician' });
    expect(JSON.stringify(alert)).not.toContain('Ketamine');

    const armFor = async (user: CurrentUser) => {
      session.user = user;
      const detail = await (
        await candidateRoute.GET(request('GET', `/candidates/${candidate.id}`), params(candidate.id))
      ).json();
      return detail.pipelines[0].armLabel;
    };
    expect(await armFor(users.clinician)).toBe('Ketamine 0.5 mg/kg');
    const otherClinician = await createUser(prisma, { role: 'CLINICIAN', name: 'Other Clinician' });
    expect(
      await armFor({
        id: otherClinician.id,
        email: otherClinician.email,
        name: otherClinician.name,
        role: 'CLINICIAN',
      }),
    ).toBeNull();

    session.user = users.admin;
    expect(
      (await reviewRoute.POST(request('POST', `/emergency-unblindings/${alert.id}/review`), params(alert.id))).status,
    ).toBe(200);
    expect(
      (await reviewRoute.POST(request('POST', `/emergency-unblindings/${alert.id}/review`), params(alert.id))).status,
    ).toBe(409);
    expect((await listUnreviewedUnblindings()).some((row) => row.id === alert.id)).toBe(false);
  });

  it('answers 400 without a reason, 403 for coordinators and admins, 404 for an unknown enrollment, 409 for an unmasked trial', async () => {
    const { enrollment } = await enrollParticipant(prisma, { trialId: masked.id, armId: masked.arms[0].id });
    session.user = users.clinician;
    expect(
      (await unblindRoute.POST(request('POST', `/enrollments/${enrollment.id}/unblind`, {}), params(enrollment.id)))
        .status,
    ).toBe(400);
    expect(
      (
        await unblindRoute.POST(
          request('POST', '/enrollments/nope/unblind', { reason: 'A reason long enough' }),
          params('nope'),
        )
      ).status,
    ).toBe(404);
    const openEnrollment = (await enrollParticipant(prisma, { trialId: open.id, armId: open.arms[0].id })).enrollment;
    expect(
      (
        await unblindRoute.POST(
          request('POST', `/enrollments/${openEnrollment.id}/unblind`, { reason: 'A reason long enough' }),
          params(openEnrollment.id),
        )
      ).status,
    ).toBe(409);
    for (const role of ['coordinator', 'admin'] as const) {
      session.user = users[role];
      expect(
        (
          await unblindRoute.POST(
            request('POST', `/enrollments/${enrollment.id}/unblind`, { reason: 'A reason long enough' }),
            params(enrollment.id),
          )
        ).status,
      ).toBe(403);
    }
    expect(await prisma.emergencyUnblinding.count({ where: { enrollmentId: enrollment.id } })).toBe(0);
  });
});
