import { describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from '../../scripts/lib/schema-engine.mjs';
import { getTestPrisma } from '../helpers/test-db';

const prisma = getTestPrisma();

describe('schema and migrations', () => {
  it('prisma/schema.prisma and prisma/migrations describe the same database', async () => {
    const pendingSql = await diffMigrationsToSchema(process.env.DATABASE_URL!);
    expect(pendingSql, 'Run `npm run db:migration -- <name>` to capture the schema change').toBe('');
  }, 60_000);
});

describe('audit trail', () => {
  async function insertEvent() {
    return prisma.auditEvent.create({
      data: {
        action: 'test.append_only',
        entityType: 'Test',
        entityId: crypto.randomUUID(),
        createdAt: new Date('2001-01-01T00:00:00Z'),
      },
    });
  }

  it('takes its time from the database clock, not from the client', async () => {
    const [{ now }] = await prisma.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
    const event = await insertEvent();
    expect(Math.abs(event.createdAt.getTime() - now.getTime())).toBeLessThan(60_000);
  });

  it('refuses UPDATE', async () => {
    const event = await insertEvent();
    await expect(
      prisma.$executeRaw`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = ${event.id}`,
    ).rejects.toThrow(/append-only/);
    const reread = await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(reread.action).toBe('test.append_only');
  });

  it('refuses DELETE', async () => {
    const event = await insertEvent();
    await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${event.id}`).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count({ where: { id: event.id } })).toBe(1);
  });

  it('refuses TRUNCATE', async () => {
    await insertEvent();
    await expect(prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
    expect(await prisma.auditEvent.count()).toBeGreaterThan(0);
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
