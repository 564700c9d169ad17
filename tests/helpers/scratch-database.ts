import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/database.mjs';
import { migrateDatabase } from '../../scripts/lib/migrate.mjs';
import { sealAuditEventsAtCommit } from '@/lib/audit/seal-at-commit';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * A database of its own for a test that breaks things on purpose (tampering with the
 * audit trail as a superuser): migrated as the owner, with the run's app role granted,
 * so the app client has production privileges and the owner client has a superuser's.
 */
export async function createScratchDatabase(suffix: string) {
  const ownerBase = process.env.MIGRATION_DATABASE_URL!;
  const appBase = process.env.DATABASE_URL!;
  const adminUrl = withDatabase(ownerBase, 'postgres');
  const name = `${new URL(ownerBase).pathname.slice(1)}_${suffix}`;
  await ensureDatabase(adminUrl, name);
  const ownerUrl = withDatabase(ownerBase, name);
  const appUrl = withDatabase(appBase, name);
  await migrateDatabase({ ownerUrl, appUrl });
  // Transactions seal their audit events at commit, as the app's own client does (lib/db.ts).
  const app = sealAuditEventsAtCommit(
    new PrismaClient({ adapter: new PrismaPg({ connectionString: appUrl, max: 4 }) }),
  );
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  return {
    app,
    owner,
    appUrl,
    drop: async () => {
      await app.$disconnect();
      await owner.end();
      await dropDatabase(adminUrl, name);
    },
  };
}
