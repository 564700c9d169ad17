import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CurrentUser } from '@/lib/auth/current-user';
import { createCandidate } from '@/lib/candidates/create-candidate';
import { recordListRead } from '@/lib/audit/record-list-read';
import { contextFor, intakeInput, uniqueSurname } from '@/lib/candidates/test-support';
import { addToPipeline } from '@/prisma/seed/candidates';
import { createUser } from '@/prisma/seed/users';
import { createJudgmentTrial, runCheck } from '@/tests/helpers/eligibility-checks';
import { getTestPrisma } from '@/tests/helpers/test-db';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/current-user', () => ({ getCurrentUser: async () => session.user }));
vi.mock('@/lib/auth/request-context', () => ({
  getRequestContext: async () => ({ requestId: 'req-phi-log', ipAddress: '127.0.0.1', pathname: '/' }),
}));

const collection = await import('@/app/api/v1/candidates/route');
const exportRoute = await import('@/app/api/v1/candidates/export/route');
const reviewQueue = await import('@/app/api/v1/review-queue/route');

const prisma = getTestPrisma();
const token = uniqueSurname('Phi').toLowerCase();
const ids: string[] = [];
let coordinator: CurrentUser;
let trialId: string;
const noParams = { params: Promise.resolve({}) };
const get = (path: string) =>
  new NextRequest(`http://localhost:3000/api/v1${path}`, { headers: { host: 'localhost:3000' } });

async function eventsOf(action: string) {
  return prisma.auditEvent.findMany({ where: { action, actorId: coordinator.id }, orderBy: { createdAt: 'asc' } });
}

beforeAll(async () => {
  coordinator = await createUser(prisma, { role: 'COORDINATOR' });
  session.user = coordinator;
  const ctx = contextFor(coordinator);
  // A trial whose checks need a clinician, so the review queue lists each candidate's check.
  trialId = (await createJudgmentTrial()).id;
  for (const first of ['Ada', 'Bea', 'Cy']) {
    const created = await createCandidate({ input: intakeInput({ firstName: first, lastName: `${token}x` }), ctx });
    ids.push(created.id);
    await addToPipeline(prisma, {
      candidateId: created.id,
      trialId,
      path: ['REFERRED', 'CONTACTED', 'PRESCREENING', 'AWAITING_REVIEW'],
      actorId: null,
    });
    await runCheck({ candidateId: created.id, trialId, ctx });
  }
});

describe('PHI access log for lists', () => {
  it('[COORDINATOR] a search logs one candidate.list event naming exactly the records on the page', async () => {
    const res = await collection.GET(get(`/candidates?q=${token}&pageSize=2`), noParams);
    expect(res.status).toBe(200);
    const shown = (await res.json()).items.map((item: { id: string }) => item.id);
    const events = await eventsOf('candidate.list');
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ count: 2, ids: shown, query: { q: token, pageSize: 2 } });
    expect(events[0]).toMatchObject({ entityType: 'Candidate', requestId: 'req-phi-log', entityId: null });
  });

  it('[COORDINATOR] a search that shows nobody logs nothing', async () => {
    const before = (await eventsOf('candidate.list')).length;
    const res = await collection.GET(get(`/candidates?q=${token}-none`), noParams);
    expect((await res.json()).items).toEqual([]);
    expect(await eventsOf('candidate.list')).toHaveLength(before);
  });

  it('[COORDINATOR] the review queue logs one review_queue.list event with the candidates shown', async () => {
    const res = await reviewQueue.GET(get(`/review-queue?trialId=${trialId}`), noParams);
    expect(res.status).toBe(200);
    const events = await eventsOf('review_queue.list');
    expect(events).toHaveLength(1);
    expect((events[0].after as { ids: string[] }).ids.sort()).toEqual([...ids].sort());
  });

  it('[COORDINATOR] an export logs one candidate.export event listing every exported record', async () => {
    const res = await exportRoute.GET(get(`/candidates/export?q=${token}`), noParams);
    expect(res.status).toBe(200);
    const csv = await res.text();
    const events = await eventsOf('candidate.export');
    expect(events).toHaveLength(1);
    const { ids: logged, rowCount } = events[0].after as { ids: string[]; rowCount: number };
    expect(rowCount).toBe(logged.length);
    expect(res.headers.get('x-row-count')).toBe(String(logged.length));
    expect(logged.sort()).toEqual([...ids].sort());
    for (const id of logged) expect(csv).toContain(id);
  });

  it('[COORDINATOR] an export that matches nobody still logs its event, with an empty list', async () => {
    const before = (await eventsOf('candidate.export')).length;
    const res = await exportRoute.GET(get(`/candidates/export?q=${token}-none`), noParams);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-row-count')).toBe('0');
    expect((await res.text()).trim().split('\r\n')).toHaveLength(1);
    const events = (await eventsOf('candidate.export')).slice(before);
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ rowCount: 0, ids: [] });
  });

  it('[COORDINATOR] list reads at the same moment are written together, yet each is its own event with its own request', async () => {
    const before = (await eventsOf('candidate.list')).length;
    const reads = Array.from({ length: 12 }, (_, i) =>
      recordListRead(contextFor(coordinator, `req-burst-${i}`), {
        action: 'candidate.list',
        entityType: 'Candidate',
        ids: [ids[i % ids.length]],
      }),
    );
    await Promise.all(reads);
    const events = (await eventsOf('candidate.list')).slice(before);
    expect(events.map((event) => event.requestId).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `req-burst-${i}`).sort(),
    );
    for (const event of events) expect((event.after as { count: number }).count).toBe(1);
  });

  it('[COORDINATOR] a read whose audit fails is refused alone; the reads written beside it still commit', async () => {
    const failing = {
      audit: async () => {
        throw new Error('audit store unavailable');
      },
    };
    const before = (await eventsOf('candidate.list')).length;
    const results = await Promise.allSettled([
      recordListRead(contextFor(coordinator, 'req-ok-1'), { action: 'candidate.list', entityType: 'Candidate', ids }),
      recordListRead(failing, { action: 'candidate.list', entityType: 'Candidate', ids }),
      recordListRead(contextFor(coordinator, 'req-ok-2'), { action: 'candidate.list', entityType: 'Candidate', ids }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const events = (await eventsOf('candidate.list')).slice(before);
    expect(events.map((event) => event.requestId).sort()).toEqual(['req-ok-1', 'req-ok-2']);
  });
});
