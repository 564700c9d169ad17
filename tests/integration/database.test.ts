import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { diffMigrationsToSchema } from '../../scripts/lib/schema-engine.mjs';
import { getTestPrisma } from '../helpers/test-db';

const prisma = getTestPrisma();

// Tests connect as the app's role (tests/global-setup.ts); `owner` is the role that
// ran the migrations and owns the tables (a superuser here).
let owner: pg.Client;
beforeAll(async () => {
  owner = new pg.Client({ connectionString: process.env.MIGRATION_DATABASE_URL });
  await owner.connect();
});
afterAll(async () => {
  await owner?.end();
});

describe('schema and migrations', () => {
  it('prisma/schema.prisma and prisma/migrations describe the same database', async () => {
    const pendingSql = await diffMigrationsToSchema(process.env.MIGRATION_DATABASE_URL!);
    expect(pendingSql, 'Run `npm run db:migration -- <name>` to capture the schema change').toBe('');
  }, 60_000);
});

describe('audit trail', () => {
  async function insertEvent() {
    const entityId = crypto.randomUUID();
    await prisma.$transaction((tx) =>
      recordAuditEvent(tx, { actorId: null, action: 'test.append_only', entityType: 'Test', entityId }),
    );
    return prisma.auditEvent.findFirstOrThrow({ where: { entityId } });
  }

  it('takes its time from the database clock, not from the client', async () => {
    await owner.query('BEGIN');
    try {
      const { rows } = await owner.query(
        `INSERT INTO "AuditEvent" ("id", "seq", "action", "entityType", "createdAt", "hmac", "prevHmac")
         VALUES ('clock-test', -1, 'test.clock', 'Test', '2001-01-01T00:00:00Z', 'x', 'x')
         RETURNING "createdAt", now() AS "now"`,
      );
      expect(Math.abs(rows[0].createdAt.getTime() - rows[0].now.getTime())).toBeLessThan(1_000);
    } finally {
      await owner.query('ROLLBACK');
    }
  });

  it('[APP ROLE] may not UPDATE, DELETE or TRUNCATE it', async () => {
    const event = await insertEvent();
    await expect(
      prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${event.id}`,
    ).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${event.id}`).rejects.toThrow(
      /permission denied/,
    );
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/permission denied/);
    const reread = await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(reread.action).toBe('test.append_only');
  });

  it('[OWNER] UPDATE, DELETE and TRUNCATE are refused by the triggers too', async () => {
    const event = await insertEvent();
    await expect(
      owner.query(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = $1`, [event.id]),
    ).rejects.toThrow(/append-only/);
    await expect(owner.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [event.id])).rejects.toThrow(/append-only/);
    await expect(owner.query('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it('[APP ROLE] may not append an event without a seal', async () => {
    await expect(
      prisma.$executeRaw`INSERT INTO "AuditEvent" ("id", "seq", "action", "entityType") VALUES ('unsealed', -2, 'x', 'Test')`,
    ).rejects.toThrow(/AuditEvent_sealed/);
  });
});

describe('database roles', () => {
  it('[APP ROLE] is no superuser, owns no table and cannot switch the triggers off', async () => {
    const [me] = await prisma.$queryRaw<Array<{ isSuper: boolean; owned: number }>>`
      SELECT rolsuper AS "isSuper",
             (SELECT count(*)::int FROM pg_tables WHERE tableowner = current_user) AS owned
        FROM pg_roles WHERE rolname = current_user`;
    expect(me).toEqual({ isSuper: false, owned: 0 });
    await expect(prisma.$executeRawUnsafe('SET session_replication_role = replica')).rejects.toThrow(
      /permission denied/,
    );
    await expect(prisma.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL')).rejects.toThrow(
      /must be owner/,
    );
    await expect(prisma.$executeRawUnsafe('DROP TRIGGER audit_event_no_update ON "AuditEvent"')).rejects.toThrow(
      /must be owner/,
    );
  });

  it('[APP ROLE] cannot read the migration bookkeeping or create tables', async () => {
    await expect(prisma.$queryRawUnsafe('SELECT count(*) FROM "_prisma_migrations"')).rejects.toThrow(
      /permission denied/,
    );
    await expect(prisma.$executeRawUnsafe('CREATE TABLE "Sneaky" (id int)')).rejects.toThrow(/permission denied/);
  });

  it('[APP ROLE] is granted tables the owner creates later (default privileges)', async () => {
    const table = `later_${Date.now()}`;
    await owner.query(`CREATE TABLE "${table}" (id int)`);
    try {
      await prisma.$executeRawUnsafe(`INSERT INTO "${table}" VALUES (1)`);
      expect(await prisma.$queryRawUnsafe(`SELECT id FROM "${table}"`)).toEqual([{ id: 1 }]);
    } finally {
      await owner.query(`DROP TABLE "${table}"`);
    }
  });
});

describe('users', () => {
  it('refuses an email that is not stored lower-cased, keeping uniqueness case-insensitive', async () => {
    await expect(
      prisma.user.create({
        data: { email: 'Mixed.Case@example.test', name: 'Case Test', role: 'ADMIN', passwordHash: 'x' },
      }),
    ).rejects.toThrow();
  });
});
