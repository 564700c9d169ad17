// npm run db:migrate — applies every migration in prisma/migrations that the
// database has not seen yet (embedded PostgreSQL unless DATABASE_URL is set).
import { resolveDatabase } from './lib/database.mjs';
import { applyMigrations } from './lib/schema-engine.mjs';

const db = await resolveDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(
    applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Database is up to date.',
  );
} catch (error) {
  console.error('Migration failed:', error?.message ?? error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
