import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { utcToZoned } from '@/lib/scheduling/zoned-time';
import { auditFilterSchema } from '@/lib/validations/audit';
import { createUser as seedUser } from '@/prisma/seed/users';
import { getTestPrisma } from '@/tests/helpers/test-db';

const prisma = getTestPrisma();
const TIME_ZONE = 'America/New_York';

/** Every test writes under an entity type of its own, so parallel test files cannot disturb the counts. */
function entityType() {
  return `AuditTest_${randomUUID().slice(0, 8)}`;
}

function filter(values: Record<string, string | undefined>) {
  return auditFilterSchema.parse(values);
}

describe('listAuditEvents', () => {
  it('pages 50 at a time, newest first, with the total', async () => {
    const type = entityType();
    for (let i = 0; i < 3; i += 1) {
      await prisma.$transaction((tx) =>
        recordAuditEvent(tx, { actorId: null, action: 'test.step', entityType: type, entityId: `step-${i}` }),
      );
    }
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 52; i += 1)
        await recordAuditEvent(tx, { actorId: null, action: 'test.bulk', entityType: type, entityId: `bulk-${i}` });
    });

    const first = await listAuditEvents({
      filter: filter({ entityType: type }),
      timeZone: TIME_ZONE,
      viewerId: 'audit-test-viewer',
    });
    expect(first).toMatchObject({ total: 55, page: 1, pageSize: 50, pageCount: 2 });
    expect(first.events).toHaveLength(50);
    expect(first.entityTypes).toContain(type);
    const second = await listAuditEvents({
      filter: filter({ entityType: type, page: '2' }),
      timeZone: TIME_ZONE,
      viewerId: 'audit-test-viewer',
    });
    // The three separate transactions came first, so they are the oldest: last page, newest of them first.
    expect(second.events.map((e) => e.entityId).slice(-3)).toEqual(['step-2', 'step-1', 'step-0']);
    const times = [...first.events, ...second.events].map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by entity id, action prefix and actor (by id, or by email including failed sign-ins)', async () => {
    const type = entityType();
    const actor = await seedUser(prisma);
    await prisma.$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: 'user.update',
        entityType: type as 'User',
        entityId: 'a',
        before: { name: 'Old' },
        after: { name: 'New' },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: 'user.role_change',
        entityType: type as 'User',
        entityId: 'b',
        after: { role: 'ADMIN', roleLabel: 'Admin' },
      });
      await recordAuditEvent(tx, {
        actorId: null,
        actorLabel: 'ghost@nowhere.test',
        action: 'auth.sign_in_failed',
        entityType: type as 'User',
        after: { reason: 'unknown_email' },
      });
    });
    const list = (values: Record<string, string>) =>
      listAuditEvents({
        filter: filter({ entityType: type, ...values }),
        timeZone: TIME_ZONE,
        viewerId: 'audit-test-viewer',
      });

    expect((await list({ entityId: 'a' })).events).toEqual([
      expect.objectContaining({ action: 'user.update', before: { name: 'Old' }, after: { name: 'New' } }),
    ]);
    expect((await list({ action: 'user.' })).total).toBe(2);
    expect((await list({ actor: actor.id })).total).toBe(2);
    const byEmail = await list({ actor: actor.email.toUpperCase() });
    expect(byEmail.total).toBe(2);
    expect(byEmail.events[0].actor).toMatchObject({ id: actor.id, name: actor.name });
    expect((await list({ actor: 'ghost@nowhere.test' })).events).toEqual([
      expect.objectContaining({ actor: null, actorLabel: 'ghost@nowhere.test' }),
    ]);
  });

  it('takes from/to as whole clinic-local days, both inclusive', async () => {
    const type = entityType();
    await prisma.$transaction((tx) => recordAuditEvent(tx, { actorId: null, action: 'test.dated', entityType: type }));
    const [event] = await prisma.auditEvent.findMany({ where: { entityType: type } });
    const day = utcToZoned(event.createdAt, TIME_ZONE).date;
    const [y, m, d] = day.split('-').map(Number);
    const shift = (days: number) => new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    const count = async (from?: string, to?: string) =>
      (
        await listAuditEvents({
          filter: filter({ entityType: type, from, to }),
          timeZone: TIME_ZONE,
          viewerId: 'audit-test-viewer',
        })
      ).total;

    expect(await count(day, day)).toBe(1);
    expect(await count(undefined, day)).toBe(1);
    expect(await count(shift(-3), shift(-1))).toBe(0);
    expect(await count(shift(1), undefined)).toBe(0);
  });
});

describe('auditFilterSchema', () => {
  it('treats blank values as "any", coerces the page and refuses a range that ends before it starts', () => {
    expect(auditFilterSchema.parse({ entityType: '', actor: ' ', page: '' })).toEqual({ page: 1 });
    expect(auditFilterSchema.parse({ page: '3' }).page).toBe(3);
    expect(auditFilterSchema.safeParse({ page: '0' }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ from: '2026-02-30' }).success).toBe(false);
    const reversed = auditFilterSchema.safeParse({ from: '2026-03-05', to: '2026-03-01' });
    expect(reversed.success).toBe(false);
    expect(reversed.error?.issues[0]).toMatchObject({
      path: ['to'],
      message: 'The end date is before the start date.',
    });
  });
});
