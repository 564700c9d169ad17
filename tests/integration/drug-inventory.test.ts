import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createDrugLot } from '@/prisma/seed/drug-inventory';
import { createStaff, createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

useRequestId('req-drug');

const listRoute = await import('@/app/api/v1/drug-inventory/route');
const lotsRoute = await import('@/app/api/v1/drug-inventory/lots/route');
const lotRoute = await import('@/app/api/v1/drug-inventory/lots/[id]/route');
const csvRoute = await import('@/app/api/v1/drug-inventory/lots/[id]/log.csv/route');
const wasteRoute = await import('@/app/api/v1/drug-inventory/waste/route');
const countsRoute = await import('@/app/api/v1/drug-inventory/counts/route');
const reviewRoute = await import('@/app/api/v1/drug-inventory/counts/[id]/review/route');
const reversalRoute = await import('@/app/api/v1/drug-inventory/movements/[id]/reversal/route');

const prisma = getTestPrisma();
const PASSWORD = 'Quiet-Meadow-Lamp-7';
const users = {} as Record<'admin' | 'coordinator' | 'clinician' | 'witness', CurrentUser>;

const BASE = 'http://localhost:3000/api/v1/drug-inventory';
const noParams = { params: Promise.resolve({}) };
const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

function request(method: string, path: string, body?: unknown) {
  return new NextRequest(`${BASE}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}

beforeAll(async () => {
  const staff = await createStaff(prisma);
  const witness = await createUser(prisma, { role: 'CLINICIAN', name: 'Wren Witness' });
  Object.assign(users, staff, {
    witness: { id: witness.id, email: witness.email, name: witness.name, role: witness.role },
  });
});

beforeEach(() => {
  session.user = users.clinician;
});

const witnessed = () => ({ witnessEmail: users.witness.email, witnessPassword: PASSWORD });
const onHand = async (lotId: string) =>
  Number((await prisma.drugLot.findUniqueOrThrow({ where: { id: lotId } })).onHandUg) / 1000;

const receipt = (lotNumber: string) => ({
  drug: 'Ketamine hydrochloride',
  ndc: '99999-123-10',
  lotNumber,
  expiresOn: '2028-06-30',
  concentrationMgPerMl: 50,
  vialVolumeMl: 10,
  vialsReceived: 4,
  receivedOn: '2026-11-30',
});

describe('receiving', () => {
  it('[CLINICIAN] receives a lot: 4 vials × 50 mg/mL × 10 mL = 2,000 mg on hand, audited', async () => {
    const lotNumber = `R-${Date.now()}`;
    const response = await lotsRoute.POST(request('POST', '/lots', receipt(lotNumber)), noParams);
    expect(response.status).toBe(201);
    const lot = await response.json();
    expect(lot).toMatchObject({ lotNumber, receivedMg: 2000, onHandMg: 2000, isExpired: false });
    expect(await prisma.auditEvent.count({ where: { action: 'drug.lot_receive', entityId: lot.id } })).toBe(1);
    const listed = await (await listRoute.GET(request('GET', ''), noParams)).json();
    expect(listed.lots.find((item: { id: string }) => item.id === lot.id)).toMatchObject({ onHandMg: 2000 });
    // The same lot of the same NDC twice is refused.
    expect((await lotsRoute.POST(request('POST', '/lots', receipt(lotNumber)), noParams)).status).toBe(409);
  });

  it('[ADMIN] may receive; [COORDINATOR] may neither receive nor read (403)', async () => {
    session.user = users.admin;
    expect((await lotsRoute.POST(request('POST', '/lots', receipt(`A-${Date.now()}`)), noParams)).status).toBe(201);
    session.user = users.coordinator;
    expect((await lotsRoute.POST(request('POST', '/lots', receipt(`C-${Date.now()}`)), noParams)).status).toBe(403);
    expect((await listRoute.GET(request('GET', ''), noParams)).status).toBe(403);
  });

  it('answers 400 with per-field messages for a bad receipt', async () => {
    const response = await lotsRoute.POST(
      request('POST', '/lots', { ...receipt('X'), ndc: 'abc', vialsReceived: 0, expiresOn: '2020-01-01' }),
      noParams,
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(Object.keys(error.fields)).toEqual(expect.arrayContaining(['ndc', 'vialsReceived']));
  });

  it('lists expired lots as expired and leaves them out of the usable list', async () => {
    const lot = await createDrugLot(prisma, {
      receivedById: users.clinician.id,
      expiresOn: '2026-01-31',
      receivedOn: '2025-06-01',
    });
    const all = await (await listRoute.GET(request('GET', '?include=all'), noParams)).json();
    expect(all.lots.find((item: { id: string }) => item.id === lot.id)).toMatchObject({ isExpired: true });
    const usable = await (await listRoute.GET(request('GET', '?include=usable'), noParams)).json();
    expect(usable.lots.some((item: { id: string }) => item.id === lot.id)).toBe(false);
  });
});

describe('waste', () => {
  it('is witnessed by a second clinician and takes the amount off the balance', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    const response = await wasteRoute.POST(
      request('POST', '/waste', { lotId: lot.id, mg: 18.3, reason: 'Rest of an opened vial', ...witnessed() }),
      noParams,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      kind: 'WASTE',
      changeMg: -18.3,
      balanceAfterMg: 4981.7,
      witness: { id: users.witness.id },
    });
    expect(await onHand(lot.id)).toBe(4981.7);
    expect(
      await prisma.auditEvent.count({ where: { action: 'drug.waste', actorId: users.clinician.id } }),
    ).toBeGreaterThan(0);
  });

  it('refuses waste without a witness (400), by the actor as witness (400), a coordinator witness (403), a wrong password (403)', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    const base = { lotId: lot.id, mg: 10, reason: 'Dropped vial' };
    const noWitness = await wasteRoute.POST(request('POST', '/waste', base), noParams);
    expect(noWitness.status).toBe(400);
    expect(Object.keys((await noWitness.json()).error.fields)).toEqual(
      expect.arrayContaining(['witnessEmail', 'witnessPassword']),
    );
    const self = await wasteRoute.POST(
      request('POST', '/waste', { ...base, witnessEmail: users.clinician.email, witnessPassword: PASSWORD }),
      noParams,
    );
    expect(self.status).toBe(400);
    expect((await self.json()).error.fields.witnessEmail[0]).toMatch(/second person/);
    const coordinator = await wasteRoute.POST(
      request('POST', '/waste', { ...base, witnessEmail: users.coordinator.email, witnessPassword: PASSWORD }),
      noParams,
    );
    expect(coordinator.status).toBe(403);
    const wrong = await wasteRoute.POST(
      request('POST', '/waste', { ...base, witnessEmail: users.witness.email, witnessPassword: 'not-the-password' }),
      noParams,
    );
    expect(wrong.status).toBe(403);
    expect(await onHand(lot.id)).toBe(5000);
  });

  it('counts a wrong witness password toward the witness’s lockout', async () => {
    const witness = await createUser(prisma, { role: 'CLINICIAN', name: 'Lockable Witness' });
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    await wasteRoute.POST(
      request('POST', '/waste', {
        lotId: lot.id,
        mg: 1,
        reason: 'Test',
        witnessEmail: witness.email,
        witnessPassword: 'wrong-password-1',
      }),
      noParams,
    );
    const row = await prisma.user.findUniqueOrThrow({ where: { id: witness.id } });
    expect(row.failedSignInCount).toBe(1);
  });

  it('refuses more than is on hand (409) and writes nothing', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id, vialsReceived: 1 });
    const response = await wasteRoute.POST(
      request('POST', '/waste', { lotId: lot.id, mg: 500.001, reason: 'Too much', ...witnessed() }),
      noParams,
    );
    expect(response.status).toBe(409);
    expect(await onHand(lot.id)).toBe(500);
    expect(await prisma.drugMovement.count({ where: { lotId: lot.id } })).toBe(1);
  });

  it('[COORDINATOR] cannot waste (403)', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    session.user = users.coordinator;
    expect(
      (
        await wasteRoute.POST(
          request('POST', '/waste', { lotId: lot.id, mg: 1, reason: 'x', ...witnessed() }),
          noParams,
        )
      ).status,
    ).toBe(403);
  });
});

describe('counts', () => {
  it('records a matching count with no discrepancy and no alert', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    const response = await countsRoute.POST(
      request('POST', '/counts', { lotId: lot.id, countedMg: 5000, ...witnessed() }),
      noParams,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      countedMg: 5000,
      expectedMg: 5000,
      discrepancyMg: 0,
      discrepancy: false,
    });
  });

  it('records a discrepancy against the balance, opens an admin alert that only admins review', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    const response = await countsRoute.POST(
      request('POST', '/counts', { lotId: lot.id, countedMg: 4990, notes: 'One vial short by 10 mg', ...witnessed() }),
      noParams,
    );
    expect(response.status).toBe(201);
    const count = await response.json();
    expect(count).toMatchObject({ expectedMg: 5000, discrepancyMg: -10, discrepancy: true });
    expect(await onHand(lot.id)).toBe(5000); // the book balance is not rewritten by a count
    const { listOpenDiscrepancies } = await import('@/lib/drug-inventory/list-open-discrepancies');
    expect((await listOpenDiscrepancies()).map((item) => item.id)).toContain(count.id);

    expect(
      (
        await reviewRoute.POST(
          request('POST', `/counts/${count.id}/review`, { note: 'Investigated' }),
          idParams(count.id),
        )
      ).status,
    ).toBe(403);
    session.user = users.admin;
    expect((await reviewRoute.POST(request('POST', `/counts/${count.id}/review`, {}), idParams(count.id))).status).toBe(
      400,
    );
    expect(
      (
        await reviewRoute.POST(
          request('POST', `/counts/${count.id}/review`, { note: 'Spill documented by pharmacy' }),
          idParams(count.id),
        )
      ).status,
    ).toBe(200);
    expect(
      (await reviewRoute.POST(request('POST', `/counts/${count.id}/review`, { note: 'Again' }), idParams(count.id)))
        .status,
    ).toBe(409);
    expect((await listOpenDiscrepancies()).map((item) => item.id)).not.toContain(count.id);
  });

  it('needs a witness like waste does', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    expect(
      (await countsRoute.POST(request('POST', '/counts', { lotId: lot.id, countedMg: 5000 }), noParams)).status,
    ).toBe(400);
  });
});

describe('reversal and the log', () => {
  it('undoes a wrong waste with a witnessed reversal, once; the log shows the running balance and escapes formulas in CSV', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id, vialsReceived: 2 });
    const waste = await (
      await wasteRoute.POST(
        request('POST', '/waste', { lotId: lot.id, mg: 100, reason: '=HYPERLINK("http://evil","x")', ...witnessed() }),
        noParams,
      )
    ).json();
    expect(await onHand(lot.id)).toBe(900);
    expect(
      (
        await reversalRoute.POST(
          request('POST', `/movements/${waste.id}/reversal`, { ...witnessed() }),
          idParams(waste.id),
        )
      ).status,
    ).toBe(400);
    const reversal = await reversalRoute.POST(
      request('POST', `/movements/${waste.id}/reversal`, { reason: 'Recorded against the wrong lot', ...witnessed() }),
      idParams(waste.id),
    );
    expect(reversal.status).toBe(201);
    expect(await reversal.json()).toMatchObject({
      kind: 'REVERSAL',
      changeMg: 100,
      balanceAfterMg: 1000,
      reversesId: waste.id,
    });
    expect(
      (
        await reversalRoute.POST(
          request('POST', `/movements/${waste.id}/reversal`, { reason: 'Again', ...witnessed() }),
          idParams(waste.id),
        )
      ).status,
    ).toBe(409);

    const log = await (await lotRoute.GET(request('GET', `/lots/${lot.id}`), idParams(lot.id))).json();
    expect(
      log.entries.map((entry: { kind: string; balanceAfterMg: number }) => [entry.kind, entry.balanceAfterMg]),
    ).toEqual([
      ['RECEIPT', 1000],
      ['WASTE', 900],
      ['REVERSAL', 1000],
    ]);
    expect(log.entries[1]).toMatchObject({ witness: { id: users.witness.id }, reversedById: expect.any(String) });

    const csv = await csvRoute.GET(request('GET', `/lots/${lot.id}/log.csv`), idParams(lot.id));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text).toContain('Time,Movement,Movement code,Amount (mg),Balance after (mg)');
    // Each movement by its label, the code beside it.
    expect(text).toMatch(/,Wasted,WASTE,/);
    expect(text).toMatch(/,Reversal,REVERSAL,/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('never lets the database change or delete a movement, even outside the app', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id });
    await expect(
      prisma.drugMovement.updateMany({ where: { lotId: lot.id }, data: { reason: 'edited' } }),
    ).rejects.toThrow();
    await expect(prisma.drugMovement.deleteMany({ where: { lotId: lot.id } })).rejects.toThrow();
    await expect(prisma.drugLot.update({ where: { id: lot.id }, data: { lotNumber: 'CHANGED' } })).rejects.toThrow();
  });
});

describe('concurrency', () => {
  it('keeps the balance exact under 12 parallel wastes on one lot, and refuses the ones that would overdraw', async () => {
    const lot = await createDrugLot(prisma, { receivedById: users.clinician.id, vialsReceived: 1 }); // 500 mg
    const responses = await Promise.all(
      Array.from({ length: 12 }, () =>
        wasteRoute.POST(
          request('POST', '/waste', { lotId: lot.id, mg: 50, reason: 'Parallel', ...witnessed() }),
          noParams,
        ),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(2);
    expect(await onHand(lot.id)).toBe(0);
    const movements = await prisma.drugMovement.findMany({ where: { lotId: lot.id }, orderBy: { sequence: 'asc' } });
    const balances = movements.map((movement) => Number(movement.balanceAfterUg) / 1000);
    expect(balances).toEqual([500, 450, 400, 350, 300, 250, 200, 150, 100, 50, 0]);
  });
});

describe('dispensing through the infusion-day record', () => {
  it('draws the administered dose from the lot named at verification; the opened single-dose vial is wasted, witnessed', async () => {
    const { makeDosingTrial, makeEnrollment, UNCAPPED_SINGLE, TEST_PASSWORD } = await import(
      '@/lib/infusions/test-support'
    );
    const checkIn = await import('@/app/api/v1/visits/[id]/check-in/route');
    const vitals = await import('@/app/api/v1/visits/[id]/vitals/route');
    const verify = await import('@/app/api/v1/visits/[id]/dose-verification/route');
    const administration = await import('@/app/api/v1/visits/[id]/administration/route');
    const visitRoute = await import('@/app/api/v1/visits/[id]/route');
    const post = (
      route: { POST: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> },
      id: string,
      body: unknown,
    ) =>
      route.POST(
        new NextRequest(`http://localhost:3000/api/v1/visits/${id}/x`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'content-type': 'application/json', host: 'localhost:3000' },
        }),
        idParams(id),
      );

    const { trial, armIds } = await makeDosingTrial(prisma, [{ label: 'Single 0.5 mg/kg', dosing: UNCAPPED_SINGLE }]);
    const { enrollment } = await makeEnrollment(prisma, { trialId: trial.id, armId: armIds[0] });
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
    // 10 mg/mL × 20 mL single-dose vials: 200 mg each, 3 vials.
    const lot = await createDrugLot(prisma, {
      receivedById: users.clinician.id,
      concentrationMgPerMl: 10,
      vialVolumeMl: 20,
      vialsReceived: 3,
      isMultiDoseVial: false,
    });
    const expired = await createDrugLot(prisma, {
      receivedById: users.clinician.id,
      expiresOn: '2026-01-31',
      receivedOn: '2025-06-01',
    });

    expect((await post(checkIn, visit.id, { isDriverConfirmed: true, hasNoNewExclusion: true })).status).toBe(200);
    expect(
      (await post(vitals, visit.id, { timepoint: 'PRE', sbp: 122, dbp: 78, heartRate: 70, spo2: 98 })).status,
    ).toBe(201);
    // An expired lot cannot be named for the dose.
    const stale = await post(verify, visit.id, { weightKg: 80, password: TEST_PASSWORD, lotId: expired.id });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toMatch(/expired/);
    const verified = await post(verify, visit.id, { weightKg: 80, password: TEST_PASSWORD, lotId: lot.id });
    expect(verified.status).toBe(201);
    expect((await verified.json()).doseMg).toBe(40);
    expect(await onHand(lot.id)).toBe(600); // nothing drawn until it is given

    const given = await post(administration, visit.id, {
      administeredDoseMg: 40,
      lotNumber: lot.lotNumber,
      startedAt: new Date().toISOString(),
    });
    expect(given.status).toBe(201);
    expect(await onHand(lot.id)).toBe(560);
    const dispense = await prisma.drugMovement.findFirstOrThrow({ where: { lotId: lot.id, kind: 'DISPENSE' } });
    expect(dispense).toMatchObject({ visitId: visit.id, actorId: users.clinician.id });
    expect(Number(dispense.changeUg)).toBe(-40_000);
    expect(await prisma.auditEvent.count({ where: { action: 'drug.dispense', entityId: dispense.id } })).toBe(1);

    const day = await (
      await visitRoute.GET(
        new NextRequest(`http://localhost:3000/api/v1/visits/${visit.id}`, { headers: { host: 'localhost:3000' } }),
        idParams(visit.id),
      )
    ).json();
    expect(day.drug).toMatchObject({ lot: { id: lot.id }, remainder: { mg: 160, mustWaste: true, isWasted: false } });

    const waste = await wasteRoute.POST(
      request('POST', '/waste', {
        lotId: lot.id,
        mg: 160,
        reason: 'Rest of the opened single-dose vial',
        visitId: visit.id,
        ...witnessed(),
      }),
      noParams,
    );
    expect(waste.status).toBe(201);
    expect(await onHand(lot.id)).toBe(400); // two whole vials left
    const after = await (
      await visitRoute.GET(
        new NextRequest(`http://localhost:3000/api/v1/visits/${visit.id}`, { headers: { host: 'localhost:3000' } }),
        idParams(visit.id),
      )
    ).json();
    expect(after.drug.remainder).toMatchObject({ isWasted: true });

    const log = await (await lotRoute.GET(request('GET', `/lots/${lot.id}`), idParams(lot.id))).json();
    expect(
      log.entries.map((entry: { kind: string; balanceAfterMg: number }) => [entry.kind, entry.balanceAfterMg]),
    ).toEqual([
      ['RECEIPT', 600],
      ['DISPENSE', 560],
      ['WASTE', 400],
    ]);
    expect(log.entries[1].visit).toMatchObject({ id: visit.id, sessionNumber: 1 });
  });
});
