import { session, useRequestId } from '@/tests/helpers/route-harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '@/prisma/seed/users';
import { getTestPrisma } from '../helpers/test-db';

// Importing an older registry version (lastUpdatePostDate) over a newer one: the preview warns, the import
// is refused with 409 until the admin gives the go-ahead (allowOlder=1), and the audit trail records the choice.

useRequestId('req-import-versions');

const { POST: importRoute } = await import('@/app/api/v1/trials/import/route');

const prisma = getTestPrisma();
type Study = { protocolSection: Record<string, any> };

/** NCT03418623 (last updated 2020-10-08) under an NCT id no other test uses, posted on `date`. */
function version(nct: string, date: string, title: string): Study {
  const study = JSON.parse(
    readFileSync(path.join(process.cwd(), 'lib/ctgov/fixtures/NCT03418623.json'), 'utf8'),
  ) as Study;
  study.protocolSection.identificationModule.nctId = nct;
  study.protocolSection.identificationModule.officialTitle = title;
  study.protocolSection.statusModule.lastUpdatePostDateStruct = { date, type: 'ACTUAL' };
  return study;
}

function post(study: Study, search = '') {
  return new NextRequest(`http://localhost:3000/api/v1/trials/import${search}`, {
    method: 'POST',
    body: JSON.stringify(study),
    headers: { 'content-type': 'application/json', host: 'localhost:3000' },
  });
}
const noParams = { params: Promise.resolve({}) };
const NCT = `NCT8${String(process.pid % 10_000_000).padStart(7, '0')}`;
let adminId = '';

beforeAll(async () => {
  const admin = await createUser(prisma, { role: 'ADMIN', name: 'Version Admin' });
  adminId = admin.id;
  session.user = { id: admin.id, email: admin.email, name: admin.name, role: 'ADMIN' };
});

describe('POST /api/v1/trials/import with an older registry version', () => {
  it('warns in the preview, refuses without the go-ahead and imports with it', async () => {
    const newer = await importRoute(post(version(NCT, '2021-03-01', 'Newer registry title')), noParams);
    expect(newer.status).toBe(201);

    const preview = await importRoute(post(version(NCT, '2020-10-08', 'Older registry title'), '?preview=1'), noParams);
    expect(preview.status).toBe(200);
    const [item] = (await preview.json()).items;
    expect(item.registryVersion).toEqual({ incoming: '2020-10-08', stored: '2021-03-01', isOlder: true });
    expect(item.warnings[0]).toContain(
      `This is an older registry version of ${NCT} (last updated 2020-10-08) than the one already imported (last updated 2021-03-01)`,
    );

    const refused = await importRoute(post(version(NCT, '2020-10-08', 'Older registry title')), noParams);
    expect(refused.status).toBe(409);
    const error = (await refused.json()).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('older registry version');
    expect((await prisma.trial.findUniqueOrThrow({ where: { nctId: NCT } })).title).toBe('Newer registry title');
    expect(await prisma.trialImport.count({ where: { nctId: NCT } })).toBe(1);

    const allowed = await importRoute(
      post(version(NCT, '2020-10-08', 'Older registry title'), '?allowOlder=1'),
      noParams,
    );
    expect(allowed.status).toBe(200);
    const trial = await prisma.trial.findUniqueOrThrow({ where: { nctId: NCT } });
    expect(trial.title).toBe('Older registry title');
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: 'trial.import', entityId: trial.id, actorId: adminId },
      orderBy: { createdAt: 'desc' },
    });
    expect(audit.after).toMatchObject({ lastUpdatePosted: '2020-10-08', replacedNewerVersion: '2021-03-01' });
    expect(audit.reason).toContain('Older registry version (2020-10-08) imported over 2021-03-01');
  });

  it('does not warn for the same or a newer version', async () => {
    const same = await importRoute(post(version(NCT, '2021-03-01', 'Newer registry title'), '?preview=1'), noParams);
    expect((await same.json()).items[0].registryVersion.isOlder).toBe(false);
    const later = await importRoute(post(version(NCT, '2022-01-05', 'Latest registry title')), noParams);
    expect(later.status).toBe(200);
  });
});
