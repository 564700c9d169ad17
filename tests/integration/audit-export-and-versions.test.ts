import { asRole, call, session, useRequestId, useStaff } from '@/tests/helpers/route-harness';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { WITHHELD } from '@/lib/blinding/redact-audit';
import type { CurrentUser } from '@/lib/auth/current-user';
import {
  makeEnrollment,
  makeMaskedDosingTrial,
  MASKED_ACTIVE_LABEL,
  MASKED_PLACEBO_LABEL,
} from '@/lib/infusions/test-support';
import { amendProtocol } from '@/prisma/seed/trials';
import { createStaff, createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// The audit trail names people and records and exports CSV; protocol versions can be compared.
// Both are read byte for byte as a blinded and an unblinded reader of a masked trial.

useRequestId('req-audit-export');

const prisma = getTestPrisma();
const auditRoute = await import('@/app/api/v1/audit/route');
const diffRoute = await import('@/app/api/v1/trials/[id]/versions/diff/route');

let staff: Awaited<ReturnType<typeof createStaff>>;
let unblindedAdmin: CurrentUser;
let preparer: CurrentUser;
let trialId = '';
let activeArmId = '';
let enrollmentId = '';
let candidate: { firstName: string; lastName: string; mrn: string };

/** Version 2: the active arm's cap raised (that arm only), both arms' infusion longer, one criterion reworded, one added. */
function amend(adminId: string) {
  return amendProtocol(prisma, {
    trialId,
    reason: 'Amendment 1: longer infusion, higher cap',
    actorId: adminId,
    criteria: [
      { kind: 'INCLUSION', text: 'Adults 21 to 65 years' },
      { kind: 'EXCLUSION', text: 'Pregnancy' },
    ],
    dosing: (armLabel, protocol) => ({
      ...protocol,
      infusionMinutes: 60,
      ...(armLabel === MASKED_ACTIVE_LABEL ? { maxMgPerSession: 60 } : {}),
    }),
    plan: (items) => items.map((item) => (item.timepoint === 'BASELINE' ? { ...item, windowAfterDays: 14 } : item)),
  });
}

beforeAll(async () => {
  staff = await createStaff(prisma);
  useStaff(staff);
  const admin2 = await createUser(prisma, { role: 'ADMIN', name: 'Una Unblinded' });
  unblindedAdmin = { id: admin2.id, email: admin2.email, name: admin2.name, role: admin2.role };
  const prep = await createUser(prisma, { role: 'CLINICIAN', name: 'Pia Preparer' });
  preparer = { id: prep.id, email: prep.email, name: prep.name, role: prep.role };
  const masked = await makeMaskedDosingTrial(prisma);
  trialId = masked.trial.id;
  activeArmId = masked.activeArmId;
  for (const userId of [unblindedAdmin.id, preparer.id])
    await prisma.unblindedStaff.create({ data: { trialId, userId, addedById: staff.admin.id } });
  const made = await makeEnrollment(prisma, { trialId, armId: activeArmId });
  enrollmentId = made.enrollment.id;
  candidate = made.candidate;
  await prisma.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: staff.coordinator.id,
      action: 'enrollment.create',
      entityType: 'Enrollment',
      entityId: enrollmentId,
      reason: '=HYPERLINK("http://attacker.example","x")',
      after: {
        candidateId: made.candidate.id,
        trialId,
        armId: activeArmId,
        status: 'ACTIVE',
        enrolledAt: '2026-11-02',
      },
    }),
  );
  await amend(staff.admin.id);
}, 60_000);

const csvOf = async (query: Record<string, string>) => {
  const response = await call(auditRoute.GET, { query: { ...query, format: 'csv' } });
  return { response, text: await response.text() };
};

describe('GET /api/v1/audit', () => {
  it('[ADMIN] sees who acted (name and role) and the record by name, not only ids', async () => {
    asRole('ADMIN');
    const response = await call(auditRoute.GET, { query: { entityId: enrollmentId } });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({
      action: 'enrollment.create',
      actionLabel: 'Enrolled',
      entityTypeLabel: 'Enrollment',
      actor: { name: staff.coordinator.name, role: 'COORDINATOR', roleLabel: 'Study coordinator' },
    });
    expect(body.events[0].entityLabel).toContain(`${candidate.lastName}, ${candidate.firstName} (${candidate.mrn})`);
  });

  it('[ADMIN] exports the filtered trail as CSV with labels and codes side by side, formulas escaped, and the export audited', async () => {
    asRole('ADMIN');
    const { response, text } = await csvOf({ entityId: enrollmentId });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get('x-row-count')).toBe('1');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain(
      'Actor role,Actor role code,Action,Action code,Record type,Record type code,Record,Record id',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('Study coordinator,COORDINATOR,Enrolled,enrollment.create,Enrollment,Enrollment,');
    expect(lines[1]).toContain(`"${candidate.lastName}, ${candidate.firstName} (${candidate.mrn})`);
    expect(lines[1]).toContain(`"'=HYPERLINK(`);
    const logged = await prisma.auditEvent.findFirst({
      where: { action: 'audit.export', actorId: staff.admin.id },
      orderBy: { seq: 'desc' },
    });
    expect(logged?.after).toEqual({ format: 'csv', filters: { entityId: enrollmentId }, rowCount: 1 });
  });

  it('[ADMIN] blinded: neither the labels nor the CSV carry the arm of a masked-trial participant', async () => {
    asRole('ADMIN');
    const json = await (await call(auditRoute.GET, { query: { entityId: enrollmentId } })).text();
    const { text } = await csvOf({ entityId: enrollmentId });
    for (const bytes of [json, text]) {
      expect(bytes).not.toContain(activeArmId);
      expect(bytes).not.toContain(MASKED_ACTIVE_LABEL);
      expect(bytes).not.toMatch(/placebo/i);
      expect(bytes).toContain(WITHHELD);
    }
  });

  it('[ADMIN] named unblinded staff: the same export does carry the arm', async () => {
    asRole(unblindedAdmin);
    const { text } = await csvOf({ entityId: enrollmentId });
    expect(text).toContain(activeArmId);
  });

  it('[ADMIN] streams long exports in batches: 1,050 events come out whole and in order', async () => {
    const entityType = `AuditExport_${randomUUID().slice(0, 8)}`;
    await prisma.$transaction(
      async (tx) => {
        for (let i = 0; i < 1050; i += 1)
          await recordAuditEvent(tx, { actorId: null, action: 'test.bulk', entityType, entityId: `row-${i}` });
      },
      { timeout: 60_000 },
    );
    asRole('ADMIN');
    const { response, text } = await csvOf({ entityType });
    expect(response.headers.get('x-row-count')).toBe('1050');
    const ids = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => /,(row-\d+),/.exec(line)?.[1]);
    expect(ids).toHaveLength(1050);
    // One transaction: same time, newest (highest seq) first.
    expect(ids[0]).toBe('row-1049');
    expect(ids.at(-1)).toBe('row-0');
    expect(new Set(ids).size).toBe(1050);
  }, 60_000);

  for (const role of ['COORDINATOR', 'CLINICIAN'] as const) {
    it(`[${role}] cannot read or export the audit trail (403)`, async () => {
      asRole(role);
      expect((await csvOf({})).response.status).toBe(403);
      expect((await call(auditRoute.GET)).status).toBe(403);
    });
  }

  it('[ADMIN] a bad format is a 400 naming the field', async () => {
    asRole('ADMIN');
    const response = await call(auditRoute.GET, { query: { format: 'xlsx' } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toHaveProperty(['query.format']);
  });
});

describe('GET /api/v1/trials/{id}/versions/diff', () => {
  const diff = (query: Record<string, string>) => call(diffRoute.GET, { params: { id: trialId }, query });

  it('[CLINICIAN] blinded: sees criteria, plan and the change made alike in both arms, but no arm and no arm-specific change', async () => {
    asRole('CLINICIAN');
    const response = await diff({ from: '1', to: '2' });
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.from).toMatchObject({ number: 1 });
    expect(body.to).toMatchObject({
      number: 2,
      reason: 'Amendment 1: longer infusion, higher cap',
      createdBy: { name: staff.admin.name },
    });
    expect(body.criteria).toEqual([
      expect.objectContaining({
        change: 'changed',
        kind: 'INCLUSION',
        textBefore: 'Adults 18 to 65 years',
        textAfter: 'Adults 21 to 65 years',
      }),
      expect.objectContaining({ change: 'added', kind: 'EXCLUSION', textAfter: 'Pregnancy' }),
    ]);
    expect(body.arms).toEqual([
      {
        armLabel: null,
        change: 'changed',
        dosing: [{ field: 'infusionMinutes', label: 'Infusion (minutes)', before: '40', after: '60' }],
        schedule: [],
      },
    ]);
    expect(body.isArmDosingWithheld).toBe(true);
    expect(body.assessmentPlan).toEqual([
      expect.objectContaining({
        change: 'changed',
        instrument: 'PHQ9',
        timepoint: 'BASELINE',
        windowAfter: '30 days before to 14 days after',
      }),
    ]);
    for (const needle of [MASKED_ACTIVE_LABEL, MASKED_PLACEBO_LABEL, 'maxMgPerSession', activeArmId])
      expect(text).not.toContain(needle);
    expect(text).not.toMatch(/placebo/i);
  });

  it('[CLINICIAN] unblinded preparer: sees each arm, the cap raised in the active arm only', async () => {
    session.user = preparer;
    const body = await (await diff({ from: '1', to: '2' })).json();
    expect(body.isArmDosingWithheld).toBe(false);
    const active = body.arms.find((arm: { armLabel: string }) => arm.armLabel === MASKED_ACTIVE_LABEL);
    expect(active.dosing).toContainEqual({
      field: 'maxMgPerSession',
      label: 'Cap per session (mg)',
      before: '50',
      after: '60',
    });
    const placebo = body.arms.find((arm: { armLabel: string }) => arm.armLabel === MASKED_PLACEBO_LABEL);
    expect(placebo.dosing.map((value: { field: string }) => value.field)).toEqual(['infusionMinutes']);
  });

  it('[COORDINATOR] compares in either order; an unknown version is a 404 and a bad number a 400', async () => {
    asRole('COORDINATOR');
    const backwards = await (await diff({ from: '2', to: '1' })).json();
    expect(backwards.criteria).toContainEqual(expect.objectContaining({ change: 'removed', textBefore: 'Pregnancy' }));
    expect((await diff({ from: '1', to: '9' })).status).toBe(404);
    const bad = await diff({ from: 'one', to: '2' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toHaveProperty(['query.from']);
  });
});

describe('CSV exports: labels with codes beside them', () => {
  it('[COORDINATOR] the screen-fail report CSV names criterion kinds and referral sources, codes beside them', async () => {
    const route = await import('@/app/api/v1/trials/[id]/screen-fail-report/route');
    asRole('COORDINATOR');
    const response = await call(route.GET, { params: { id: trialId }, query: { format: 'csv' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="screen-fails-/);
    const text = await response.text();
    expect(text).toContain('Criterion kind,Criterion kind code,Criterion,Candidates ruled out');
    expect(text).toContain('Referral source,Referral source code,Referred,Reached eligible,Enrolled');
    expect(text).toContain('Provider referral,PROVIDER,');
    expect(text).toContain('All sources,ALL,1,1,1,1,1');
    expect((await call(route.GET, { params: { id: trialId }, query: { format: 'pdf' } })).status).toBe(400);
  });

  it('[ADMIN] blinded: funnel and completion CSVs carry stage and status labels beside their codes, and no arm', async () => {
    const route = await import('@/app/api/v1/trials/[id]/exports/[file]/route');
    asRole('ADMIN');
    const read = async (file: string) => (await call(route.GET, { params: { id: trialId, file } })).text();
    const funnel = await read('funnel.csv');
    expect(funnel).toContain('measure,measure_code,arm,count');
    expect(funnel).toContain('Stage: Awaiting review,stage_awaiting_review,');
    expect(funnel).toContain('Target enrollment,target_enrollment,');
    const completion = await read('completion.csv');
    expect(completion).toContain('status,status_code');
    expect(completion).toMatch(/,Active,ACTIVE,/);
    for (const bytes of [funnel, completion]) {
      expect(bytes).not.toContain(MASKED_ACTIVE_LABEL);
      expect(bytes).not.toMatch(/placebo/i);
    }
  });
});
