// npm run db:migrate — applies every migration in prisma/migrations that the
// database has not seen yet (embedded PostgreSQL unless DATABASE_URL is set), as the
// owner (MIGRATION_DATABASE_URL), then re-applies the app role's grants.
import { resolveDatabase } from './lib/database.mjs';
import { migrateDatabase } from './lib/migrate.mjs';

const db = await resolveDatabase();
try {
  const applied = await migrateDatabase({ ownerUrl: db.migrationUrl, appUrl: db.url, manageRole: db.manageRole });
  console.log(
    applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'Database is up to date.',
  );
} catch (error) {
  console.error('Migration failed:', error?.message ?? error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
