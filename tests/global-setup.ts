// Vitest global setup: every run gets a brand-new, fully migrated database on a
// real PostgreSQL — the embedded one by default, or the server DATABASE_URL
// points at — and drops it afterwards.
//
// For tests, a given DATABASE_URL is the admin (owner) URL: it must be allowed to
// create databases and roles. The run migrates as that owner, creates a login role of
// its own for the app (named after the database, dropped afterwards) with the app's
// grants, and hands the tests DATABASE_URL = that app role, so they run with exactly
// the privileges the app has in production. MIGRATION_DATABASE_URL is the owner's URL
// of the same database, for the few tests that need it (schema diff, tampering).
import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase, startTestPostgres, withDatabase } from '../scripts/lib/database.mjs';
import { dropAppRole, withCredentials } from '../scripts/lib/db-roles.mjs';
import { migrateDatabase } from '../scripts/lib/migrate.mjs';

let teardown: (() => Promise<void>) | undefined;

export async function setup() {
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const server = await startTestPostgres();
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }
  const name = `trialdesk_test_${Date.now()}_${process.pid}`;
  const appRole = `${name}_app`;
  await ensureDatabase(adminUrl, name);
  const ownerUrl = withDatabase(adminUrl, name);
  const appUrl = withCredentials(ownerUrl, appRole, randomBytes(18).toString('hex'));
  await migrateDatabase({ ownerUrl, appUrl, manageRole: true });
  process.env.DATABASE_URL = appUrl;
  process.env.MIGRATION_DATABASE_URL = ownerUrl;
  // Seals audit events and signatures; a fresh key per run, like a fresh database.
  process.env.AUDIT_KEY ??= randomBytes(32).toString('base64url');
  teardown = async () => {
    await dropDatabase(adminUrl, name).catch(() => {});
    await dropAppRole(adminUrl, appRole).catch(() => {});
    await stopServer();
  };
}

export async function teardownAll() {
  await teardown?.();
}

export { teardownAll as teardown };
