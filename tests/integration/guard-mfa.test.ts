import { NextRequest } from 'next/server';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createStaff } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

// The per-role requirement is one row in a table all test files share; here the lookup
// (tested in mfa.test.ts) is replaced so what is tested is what the guards do with it.
vi.stubEnv('NEXTAUTH_SECRET', process.env.NEXTAUTH_SECRET || 'test-secret-for-mfa-key-derivation-000000');
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, mustSetUp: new Set<string>(), path: '/' }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => state.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-guard-mfa', ipAddress: '127.0.0.1', pathname: state.path }),
}));
vi.mock('@/lib/auth/mfa/mfa-policy', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/auth/mfa/mfa-policy')>()),
  isMfaSetupRequired: async (userId: string) => state.mustSetUp.has(userId),
}));

const me = await import('@/app/api/v1/me/route');
const setupRoute = await import('@/app/api/v1/me/mfa/setup/route');
const { requirePageUser } = await import('@/lib/auth/require-page-user');

const prisma = getTestPrisma();
let clinician: CurrentUser;
const noParams = { params: Promise.resolve({}) };
const request = (method: string, path: string) =>
  new NextRequest(`http://localhost:3000/api/v1${path}`, { method, headers: { host: 'localhost:3000' } });

beforeAll(async () => {
  clinician = (await createStaff(prisma)).clinician;
});

beforeEach(() => {
  state.user = clinician;
  state.mustSetUp = new Set([clinician.id]);
  state.path = '/';
});

describe('a required role without a second factor', () => {
  it('[CLINICIAN] gets 403 MFA_SETUP_REQUIRED from the API, but can still set it up', async () => {
    const refused = await me.GET(request('GET', '/me'), noParams);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.details.reason).toBe('MFA_SETUP_REQUIRED');
    expect((await setupRoute.POST(request('POST', '/me/mfa/setup'), noParams)).status).toBe(200);
  });

  it('[CLINICIAN] is sent from any page to the setup page, which itself opens', async () => {
    await expect(requirePageUser('dashboard.read')).rejects.toMatchObject({
      digest: expect.stringContaining('/account/two-factor?required=1'),
    });
    state.path = '/account/two-factor?required=1';
    await expect(requirePageUser('account.self')).resolves.toMatchObject({ id: clinician.id });
  });

  it('[CLINICIAN] once set up (or not required), nothing is in the way', async () => {
    state.mustSetUp.clear();
    expect((await me.GET(request('GET', '/me'), noParams)).status).toBe(200);
    await expect(requirePageUser('dashboard.read')).resolves.toMatchObject({ id: clinician.id });
  });
});
