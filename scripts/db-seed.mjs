// npm run db:seed — loads the demo data (idempotent: existing records are kept).
import { resolveDatabase } from './lib/database.mjs';
import { runTs } from './lib/run-ts.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { resolveAuditKey } from './lib/secrets.mjs';

const db = await resolveDatabase();
let code = 1;
try {
  await migrateDatabase({ ownerUrl: db.migrationUrl, appUrl: db.url, manageRole: db.manageRole });
  const auditKey = resolveAuditKey({ isEmbedded: db.isEmbedded });
  code = await runTs('prisma/seed/run.ts', { env: { DATABASE_URL: db.url, AUDIT_KEY: auditKey } });
} catch (error) {
  console.error('Seeding failed:', error?.message ?? error);
} finally {
  await db.stop();
}
process.exit(code);
