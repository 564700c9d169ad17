import { session, useRequestId } from '@/tests/helpers/route-harness';
import { NextRequest } from 'next/server';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createScratchDatabase } from '@/tests/helpers/scratch-database';

// The clinic settings' zone is the clinic's zone (decision 0039): the audit CSV and the audit page
// show it, not the deployment's CLINIC_TIME_ZONE nor the server's. The settings are changed on a
// database of this file's own, so the other files keep the migration's New York.

useRequestId('req-clinic-zone-settings');

const SETTINGS_ZONE = 'Asia/Tokyo';
const serverZone = process.env.TZ;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let admin: CurrentUser;
let entityType: string;
let eventAt: Date;

beforeAll(async () => {
  scratch = await createScratchDatabase('clinic_zone');
  // lib/db reuses a client parked on globalThis: park the scratch one before any app module loads.
  (globalThis as { prisma?: unknown }).prisma = scratch.app;
  const { createStaff } = await import('@/prisma/seed/users');
  const { recordAuditEvent } = await import('@/lib/audit/record-audit-event');
  admin = (await createStaff(scratch.app)).admin;
  await scratch.app.clinicSettings.update({ where: { id: 'clinic' }, data: { timeZone: SETTINGS_ZONE } });
  entityType = `ZoneTest_${Date.now()}`;
  await scratch.app.$transaction((tx) =>
    recordAuditEvent(tx, { actorId: admin.id, action: 'test.zone', entityType, entityId: 'zone-1' }),
  );
  eventAt = (await scratch.app.auditEvent.findFirstOrThrow({ where: { entityType } })).createdAt;
  // A server in yet another zone must not leak into what is shown.
  process.env.TZ = 'America/Los_Angeles';
}, 120_000);

afterAll(async () => {
  process.env.TZ = serverZone;
  await scratch?.drop();
});

/** Every element in a rendered server component's tree (async components are not called). */
function elements(node: ReactNode): ReactElement<Record<string, unknown>>[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (!isValidElement<Record<string, unknown>>(node)) return [];
  return [node, ...elements(node.props.children as ReactNode)];
}

describe('the clinic settings zone, not CLINIC_TIME_ZONE', () => {
  it('[SYSTEM] the settings zone differs from the deployment default and the server zone here', async () => {
    const { CLINIC_TIME_ZONE } = await import('@/lib/clinic/clinic-time');
    const { getClinicTimeZone } = await import('@/lib/clinic/clock');
    expect(CLINIC_TIME_ZONE).not.toBe(SETTINGS_ZONE);
    expect(await getClinicTimeZone()).toBe(SETTINGS_ZONE);
  });

  it('[ADMIN] the audit CSV shows times in the settings zone, named, and stamps the file with its day', async () => {
    session.user = admin;
    const route = await import('@/app/api/v1/audit/route');
    const res = await route.GET(
      new NextRequest(`http://localhost:3000/api/v1/audit?format=csv&entityType=${entityType}`, {
        headers: { host: 'localhost:3000' },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const csv = await res.text();
    const { formatClinicZoned } = await import('@/lib/clinic/clinic-wall-time');
    const { utcToZoned } = await import('@/lib/scheduling/zoned-time');
    const expected = formatClinicZoned(eventAt, SETTINGS_ZONE, 'precise');
    expect(expected).toMatch(/ GMT\+9$/);
    const row = csv.split('\r\n').find((line) => line.includes(eventAt.toISOString()));
    expect(row?.startsWith(`"${expected}",`) || row?.startsWith(`${expected},`)).toBe(true);
    expect(res.headers.get('content-disposition')).toContain(
      `audit-trail-${utcToZoned(new Date(), SETTINGS_ZONE).date}`,
    );
  });

  it('[ADMIN] the audit page names the settings zone and shows each row in it', async () => {
    session.user = admin;
    const { default: AuditPage } = await import('@/app/(app)/admin/audit/page');
    const { AuditTable } = await import('@/components/admin/audit-table');
    const { PageHeader } = await import('@/components/ui/page-header');
    const { formatClinicZoned } = await import('@/lib/clinic/clinic-wall-time');
    const tree = elements(await AuditPage({ searchParams: Promise.resolve({ entityType }) }));
    const header = tree.find((element) => element.type === PageHeader);
    expect(header?.props.description).toContain(`clinic time (${SETTINGS_ZONE})`);
    const table = tree.find((element) => element.type === AuditTable);
    const rows = table?.props.rows as Array<{ isoTime: string; time: string }>;
    expect(rows).toEqual([
      expect.objectContaining({
        isoTime: eventAt.toISOString(),
        time: formatClinicZoned(eventAt, SETTINGS_ZONE, 'precise'),
      }),
    ]);
  });
});
