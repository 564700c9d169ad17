// Vitest global setup: every run gets a brand-new, fully migrated database on a
// real PostgreSQL — the embedded one by default, or the server DATABASE_URL
// points at — and drops it afterwards.
import { dropDatabase, ensureDatabase, startTestPostgres, withDatabase } from '../scripts/lib/database.mjs';
import { applyMigrations } from '../scripts/lib/schema-engine.mjs';

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
  await ensureDatabase(adminUrl, name);
  const url = withDatabase(adminUrl, name);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  teardown = async () => {
    await dropDatabase(adminUrl, name).catch(() => {});
    await stopServer();
  };
}

export async function teardownAll() {
  await teardown?.();
}

export { teardownAll as teardown };
