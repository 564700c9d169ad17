import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { Tx } from '@/lib/db';
import { verifyAuditChainFull, verifyAuditChainIncremental } from '@/lib/audit/verify-audit-chain';
import { getAuditChainStatus } from '@/lib/audit/get-audit-chain-status';
import { createScratchDatabase } from '../helpers/scratch-database';

// Tampering as a database superuser: the triggers are switched off
// (session_replication_role = replica), rows are edited, deleted and inserted, and the
// chain names the event. Each case restores the row afterwards so the next starts intact.

let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;

async function writeEvents(count: number, entityType = 'ChainTest') {
  for (let i = 0; i < count; i += 1)
    await scratch.app.$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: null,
        actorLabel: 'chain-test',
        action: `test.chain.${entityType}`,
        entityType,
        entityId: `check-${i}`,
        after: { decision: 'INELIGIBLE', score: i + 0.5, nested: { b: 1, a: [1, 'two'] } },
      }),
    );
}

/** Runs SQL as the superuser with every trigger off, as an attacker with the owner's password would. */
async function asSuperuser(sql: string, params: unknown[] = []) {
  await scratch.owner.query('BEGIN');
  try {
    await scratch.owner.query('SET LOCAL session_replication_role = replica');
    const result = await scratch.owner.query(sql, params);
    await scratch.owner.query('COMMIT');
    return result;
  } catch (error) {
    await scratch.owner.query('ROLLBACK');
    throw error;
  }
}

/** Renumbers events from `from` on by `delta` (through negatives: seq is unique row by row). */
async function shiftSeq(from: number, delta: number) {
  await asSuperuser('UPDATE "AuditEvent" SET "seq" = -("seq" + $2) WHERE "seq" >= $1', [from, delta]);
  await asSuperuser('UPDATE "AuditEvent" SET "seq" = -"seq" WHERE "seq" < 0');
}

async function eventAt(seq: number) {
  const { rows } = await scratch.owner.query('SELECT * FROM "AuditEvent" WHERE "seq" = $1', [seq]);
  return rows[0];
}

async function reinsert(row: Record<string, unknown>) {
  const columns = Object.keys(row);
  const values = columns.map((_, i) => `$${i + 1}`).join(', ');
  await asSuperuser(
    `INSERT INTO "AuditEvent" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${values})`,
    columns.map((c) => ((c === 'before' || c === 'after') && row[c] !== null ? JSON.stringify(row[c]) : row[c])),
  );
}

beforeAll(async () => {
  scratch = await createScratchDatabase('chain');
  await writeEvents(6);
}, 120_000);

afterAll(async () => {
  await scratch?.drop();
});

describe('the audit chain', () => {
  it('[SYSTEM] verifies an untouched trail, numbered 1 to N without gaps', async () => {
    const result = await verifyAuditChainFull(scratch.app);
    expect(result).toMatchObject({ isValid: true, problem: null, verifiedThrough: 6, eventCount: 6 });
  });

  it('[SUPERUSER] an edited event (INELIGIBLE made ELIGIBLE) is named by npm run audit:verify', async () => {
    const original = await eventAt(3);
    await asSuperuser(
      `UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{decision}', '"ELIGIBLE"') WHERE "seq" = 3`,
    );
    const cli = spawnSync(process.execPath, ['scripts/audit-verify.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: scratch.appUrl },
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`event #3 (${original.id}, test.chain.ChainTest on ChainTest) was changed`);
    await asSuperuser(`UPDATE "AuditEvent" SET "after" = $1 WHERE "seq" = 3`, [JSON.stringify(original.after)]);
    expect((await verifyAuditChainFull(scratch.app)).problem).toBe(null);
  }, 60_000);

  it('[SUPERUSER] a deleted event is named as removed', async () => {
    const original = await eventAt(4);
    await asSuperuser('DELETE FROM "AuditEvent" WHERE "seq" = 4');
    const result = await verifyAuditChainFull(scratch.app);
    expect(result.problem).toMatchObject({ kind: 'removed', seq: 5 });
    expect(result.problem?.message).toContain('event #4 was removed');
    await reinsert(original);
    expect((await verifyAuditChainFull(scratch.app)).isValid).toBe(true);
  });

  it('[SUPERUSER] a deleted event whose successors were renumbered is still found', async () => {
    const original = await eventAt(2);
    await asSuperuser('DELETE FROM "AuditEvent" WHERE "seq" = 2');
    await shiftSeq(3, -1);
    const result = await verifyAuditChainFull(scratch.app);
    expect(result.isValid).toBe(false);
    expect(result.problem?.seq).toBe(2);
    await shiftSeq(2, 1);
    await reinsert(original);
    expect((await verifyAuditChainFull(scratch.app)).isValid).toBe(true);
  });

  it('[SUPERUSER] an event inserted in the middle (the rest renumbered) is named as inserted', async () => {
    const copy = await eventAt(5);
    await shiftSeq(5, 1);
    await reinsert({ ...copy, id: 'forged-event', seq: 5, after: { decision: 'ELIGIBLE' } });
    const result = await verifyAuditChainFull(scratch.app);
    expect(result.problem).toMatchObject({ kind: 'inserted', seq: 5, eventId: 'forged-event' });
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = 'forged-event'`);
    await shiftSeq(6, -1);
    expect((await verifyAuditChainFull(scratch.app)).isValid).toBe(true);
  });

  it('[SUPERUSER] an unsealed event appended at the end is named', async () => {
    const last = await eventAt(6);
    // The table refuses unsealed rows; a superuser drops that check first.
    await asSuperuser('ALTER TABLE "AuditEvent" DROP CONSTRAINT "AuditEvent_sealed"');
    await reinsert({ ...last, id: 'appended-event', seq: 7, hmac: null, prevHmac: null });
    const result = await verifyAuditChainFull(scratch.app);
    expect(result.problem).toMatchObject({ kind: 'inserted', seq: 7, eventId: 'appended-event' });
    await asSuperuser(`DELETE FROM "AuditEvent" WHERE "id" = 'appended-event'`);
    await asSuperuser(
      'ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_sealed" CHECK ("hmac" IS NOT NULL AND "prevHmac" IS NOT NULL) NOT VALID',
    );
  });

  it('[SUPERUSER] cutting off the newest events is caught by the last check that saw them', async () => {
    expect((await verifyAuditChainFull(scratch.app)).isValid).toBe(true);
    const original = await eventAt(6);
    await asSuperuser('DELETE FROM "AuditEvent" WHERE "seq" = 6');
    const result = await verifyAuditChainFull(scratch.app);
    expect(result.problem?.message).toMatch(/Events #6 to #6 were removed/);
    await reinsert(original);
  });

  it('[SYSTEM] concurrent writers keep one unbroken chain', async () => {
    const started = Date.now();
    await Promise.all(Array.from({ length: 12 }, (_, i) => writeEvents(3, `Concurrent${i}`)));
    const elapsed = Date.now() - started;
    const result = await verifyAuditChainFull(scratch.app);
    expect(result).toMatchObject({ isValid: true, verifiedThrough: 42 });
    console.info(`36 audit events from 12 concurrent writers in ${elapsed} ms`);
  });

  it('[ADMIN] the dashboard check verifies new events incrementally and keeps showing a failure', async () => {
    const before = await verifyAuditChainIncremental(scratch.app);
    expect(before).toMatchObject({ isValid: true, eventCount: 0 });
    // The full walks above count as today's background check, and the edit of #3 found
    // earlier in this file is still shown although the row was put back.
    const earlier = await getAuditChainStatus(scratch.app);
    expect(earlier).toMatchObject({ isFullCheckDue: false, isValid: false });
    expect(earlier.failure).toContain('event #3');
    await writeEvents(2, 'Incremental');
    expect(await verifyAuditChainIncremental(scratch.app)).toMatchObject({
      isValid: true,
      eventCount: 2,
      verifiedThrough: 44,
    });
    await writeEvents(1, 'Incremental');
    await asSuperuser(`UPDATE "AuditEvent" SET "actorLabel" = 'someone-else' WHERE "seq" = 45`);
    const status = await getAuditChainStatus(scratch.app);
    expect(status).toMatchObject({ isValid: false });
    expect(status.failure).toContain('event #45');
    // Putting the row back does not clear the alarm: someone had the power to change it.
    await asSuperuser(`UPDATE "AuditEvent" SET "actorLabel" = 'chain-test' WHERE "seq" = 45`);
    expect(await getAuditChainStatus(scratch.app)).toMatchObject({ isValid: false });
  });

  it('[SYSTEM] a SERIALIZABLE transaction links to an event committed after its snapshot was taken', async () => {
    const entityType = `Serializable_${Date.now()}`;
    await scratch.app.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`; // the snapshot is taken here
        await scratch.app.$transaction((other) =>
          recordAuditEvent(other, { actorId: null, action: 'test.other', entityType, entityId: 'first' }),
        );
        await recordAuditEvent(tx, { actorId: null, action: 'test.serializable', entityType, entityId: 'second' });
      },
      { isolationLevel: 'Serializable' },
    );
    const [first, second] = await scratch.app.auditEvent.findMany({ where: { entityType }, orderBy: { seq: 'asc' } });
    expect(second.seq).toBe(first.seq + 1);
    expect(second.prevHmac).toBe(first.hmac);
  });

  it('[SYSTEM] events written in one transaction (a batch of list reads) follow one another, beside other writers', async () => {
    const entityType = `Batch_${Date.now()}`;
    const event = (entityId: string) => ({ actorId: null, action: 'test.batch' as const, entityType, entityId });
    await Promise.all([
      scratch.app.$transaction(async (tx) => {
        for (const id of ['b1', 'b2', 'b3']) await recordAuditEvent(tx, event(id));
      }),
      writeEvents(2, entityType),
      scratch.app.$transaction((tx) => recordAuditEvent(tx, event('alone'))),
    ]);
    const batch = await scratch.app.auditEvent.findMany({
      where: { entityType, entityId: { in: ['b1', 'b2', 'b3'] } },
      orderBy: { seq: 'asc' },
    });
    expect(batch.map((row) => row.entityId)).toEqual(['b1', 'b2', 'b3']);
    expect(batch[1]).toMatchObject({ seq: batch[0].seq + 1, prevHmac: batch[0].hmac, createdAt: batch[0].createdAt });
    expect(batch[2]).toMatchObject({ seq: batch[1].seq + 1, prevHmac: batch[1].hmac });
    expect(await scratch.app.auditEvent.count({ where: { entityType } })).toBe(6);
    expect(await verifyAuditChainIncremental(scratch.app)).toMatchObject({ isValid: true });
  });

  it('[SYSTEM] two writers that each wait on a row the other holds are not deadlocked by the chain', async () => {
    // The enrolment race: B records an event, then waits on a row A holds (here an advisory
    // lock stands in for the row); A then records its own event. Sealed at once, B would hold
    // the chain while waiting on A, and A would wait on the chain: PostgreSQL kills one.
    const entityType = `RowWait_${Date.now()}`;
    const event = (entityId: string) => ({ actorId: null, action: 'test.row_wait' as const, entityType, entityId });
    const ROW = 0x7e57;
    let aHoldsRow!: () => void;
    const rowHeld = new Promise<void>((resolve) => {
      aHoldsRow = resolve;
    });
    const a = scratch.app.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ROW}::int)::text`;
      aHoldsRow();
      await new Promise((resolve) => setTimeout(resolve, 300)); // B records and starts waiting on the row
      await recordAuditEvent(tx, event('a'));
    });
    const b = rowHeld.then(() =>
      scratch.app.$transaction(async (tx) => {
        await recordAuditEvent(tx, event('b'));
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(${ROW}::int)::text`;
      }),
    );
    await Promise.all([a, b]);
    const rows = await scratch.app.auditEvent.findMany({ where: { entityType }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => row.entityId)).toEqual(['a', 'b']);
    expect(await verifyAuditChainIncremental(scratch.app)).toMatchObject({ isValid: true });
  });

  it('[SYSTEM] long lists, nulls and `$type` keys are stored as given and sealed as stored', async () => {
    // Arrays of plain values reach Prisma pre-walked (lib/audit/record-audit-event.ts forPrisma); objects
    // still take Prisma's own walk, which keeps a `$type` key in user data from reading as a tagged value.
    const entityType = `Payload_${Date.now()}`;
    const after = {
      rowCount: 5_000,
      ids: Array.from({ length: 5_000 }, (_, i) => `id-${i}`),
      mixed: ['a', 1, 2.5, true, null, [], ['nested', 3]],
      objects: [
        { $type: 'DateTime', value: '2026-01-01T00:00:00Z' },
        { b: [2, 1], a: null },
      ],
      typed: { $type: 'Json', value: '{"not":"parsed"}', list: ['x'] },
      empty: [],
    };
    await scratch.app.$transaction(async (tx) => {
      await recordAuditEvent(tx, { actorId: null, action: 'test.payload', entityType, entityId: 'object', after });
      await recordAuditEvent(tx, {
        actorId: null,
        action: 'test.payload',
        entityType,
        entityId: 'array',
        before: ['only', 'scalars'],
        after: after.ids,
      });
    });
    const rows = await scratch.app.auditEvent.findMany({ where: { entityType }, orderBy: { seq: 'asc' } });
    expect(rows.map((row) => row.entityId)).toEqual(['object', 'array']);
    expect(rows[0].after).toEqual(after);
    expect(rows[1]).toMatchObject({ before: ['only', 'scalars'], after: after.ids });
    expect(await verifyAuditChainFull(scratch.app)).toMatchObject({ isValid: true });
  });

  it('[SYSTEM] a transaction that fails leaves none of its events', async () => {
    const entityType = `RolledBack_${Date.now()}`;
    await expect(
      scratch.app.$transaction(async (tx) => {
        await recordAuditEvent(tx, { actorId: null, action: 'test.rolled_back', entityType, entityId: 'x' });
        throw new Error('the write it describes failed');
      }),
    ).rejects.toThrow('the write it describes failed');
    expect(await scratch.app.auditEvent.count({ where: { entityType } })).toBe(0);
    expect(await verifyAuditChainIncremental(scratch.app)).toMatchObject({ isValid: true });
  });

  it('[SYSTEM] events recorded through a root client, beside transactions, are each sealed in a transaction of their own', async () => {
    const entityType = `RootClient_${Date.now()}`;
    const event = (entityId: string) => ({ actorId: null, action: 'test.root_client' as const, entityType, entityId });
    await Promise.all([
      ...['r1', 'r2', 'r3', 'r4'].map((id) => recordAuditEvent(scratch.app as unknown as Tx, event(id))),
      writeEvents(3, entityType),
    ]);
    expect(await scratch.app.auditEvent.count({ where: { entityType } })).toBe(7);
    expect(await verifyAuditChainIncremental(scratch.app)).toMatchObject({ isValid: true });
  });
});
