// npm run db:migration -- <name> — writes prisma/migrations/<stamp>_<name>/migration.sql
// with the SQL that takes the existing migrations to prisma/schema.prisma.
// Hand-written SQL (triggers, checks) can be appended to the new file before committing.
import { resolveDatabase } from './lib/database.mjs';
import { diffMigrationsToSchema, writeMigration } from './lib/schema-engine.mjs';

const name = process.argv.slice(2).join('_');
if (!name) {
  console.error('Usage: npm run db:migration -- <name>');
  process.exit(2);
}
const db = await resolveDatabase();
try {
  const sql = await diffMigrationsToSchema(db.migrationUrl);
  if (!sql.trim()) {
    console.log('No schema changes: the migrations already match prisma/schema.prisma.');
  } else {
    const dir = writeMigration(name, sql);
    console.log(`Wrote ${dir}/migration.sql`);
  }
} catch (error) {
  console.error('Could not create the migration:', error?.message ?? error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
