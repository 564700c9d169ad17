// npm run db:seed — loads the demo data (idempotent: existing records are kept).
import { resolveDatabase } from './lib/database.mjs';
import { runTs } from './lib/run-ts.mjs';
import { applyMigrations } from './lib/schema-engine.mjs';

const db = await resolveDatabase();
let code = 1;
try {
  await applyMigrations(db.url);
  code = await runTs('prisma/seed/run.ts', { env: { DATABASE_URL: db.url } });
} catch (error) {
  console.error('Seeding failed:', error?.message ?? error);
} finally {
  await db.stop();
}
process.exit(code);
