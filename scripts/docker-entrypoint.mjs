// Container entry point: refuse to run without the secrets a deployment needs,
// apply pending migrations, then hand over to the standalone Next server.
//
//   node scripts/docker-entrypoint.mjs                  migrate, then serve
//   node scripts/docker-entrypoint.mjs --migrate-only   migrate and exit (the compose `migrate` service)
//   node scripts/docker-entrypoint.mjs --no-migrate     serve only (the compose `app` service)
//
// MIGRATION_DATABASE_URL (the owner) migrates and grants the DATABASE_URL role; the
// server should then run without the owner's URL in its environment, which is why
// compose migrates in a service of its own. Without it, DATABASE_URL migrates and
// serves, and the start-up check warns that the app's role owns the tables.
import { describeAppRoleRisks } from './lib/db-roles.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { refuseUnlessProductionReady } from './lib/production-checks.mjs';
import { installRequestGate } from './lib/request-gate.mjs';

const isMigrateOnly = process.argv.includes('--migrate-only');
const isMigrating = !process.argv.includes('--no-migrate');
if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to the app role on your PostgreSQL server (see README, Deploying).');
  process.exit(1);
}
// The secrets and the https address are the server's; a migration-only run needs none of them.
if (!isMigrateOnly) refuseUnlessProductionReady();

if (isMigrating) {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  const applied = await migrateDatabase({ ownerUrl, appUrl: process.env.DATABASE_URL });
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
}
if (isMigrateOnly) process.exit(0);
for (const risk of await describeAppRoleRisks(process.env.DATABASE_URL)) console.warn(`Warning: ${risk}`);
// Before server.js creates its HTTP server: every request gets the socket's address,
// and methods the app does not serve are refused.
installRequestGate();
await import(new URL('../server.js', import.meta.url).href);
