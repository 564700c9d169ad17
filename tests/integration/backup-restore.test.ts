// The restore drill as a test: npm run db:backup, then npm run db:restore into a fresh database,
// and every table must come back with the same number of rows. Both ways a backup is made are
// covered: pg_dump/pg_restore against a server, and the cold copy of the embedded cluster.
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { countRows, findClientTools, serverMajorVersion } from '@/scripts/lib/backup.mjs';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from '@/scripts/lib/database.mjs';
import { runTs } from '@/scripts/lib/run-ts.mjs';
import { runScript } from '@/tests/helpers/run-script';

const scratch = mkdtempSync(path.join(tmpdir(), 'trialdesk-backup-'));
// As root the embedded PostgreSQL runs as `postgres`, which must be able to enter the folder.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function seedDemo(url: string) {
  // In a child process: the WebAssembly schema engine cannot be started twice in one process.
  const migrate = await runScript('scripts/db-migrate.mjs', [], { DATABASE_URL: url });
  expect(migrate.code, migrate.output).toBe(0);
  expect(await runTs('prisma/seed/run.ts', { env: { DATABASE_URL: url, TRIALDESK_PRINT_ACCOUNTS: '0' } })).toBe(0);
}

/** A server whose major version has client tools here: this run's, else the local one on 5432. */
async function serverWithTools(): Promise<string | null> {
  // The owner's URL: the app role of a test run may not create databases.
  const candidates = [
    process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL,
    'postgresql://postgres@127.0.0.1:5432/postgres',
  ];
  for (const url of candidates) {
    if (!url) continue;
    const admin = withDatabase(url, 'postgres');
    try {
      if (findClientTools(await serverMajorVersion(admin))) return admin;
    } catch {
      // not reachable: try the next one
    }
  }
  return null;
}

const serverAdminUrl = await serverWithTools();

describe('npm run db:backup and db:restore', () => {
  it.skipIf(!serverAdminUrl)(
    'restores a pg_dump into a fresh database with every row, and refuses to overwrite data without --force',
    async () => {
      const admin = serverAdminUrl as string;
      const stamp = `${Date.now()}_${process.pid}`;
      const source = `trialdesk_backup_src_${stamp}`;
      const target = `trialdesk_backup_dst_${stamp}`;
      await ensureDatabase(admin, source);
      await ensureDatabase(admin, target);
      try {
        const sourceUrl = withDatabase(admin, source);
        const targetUrl = withDatabase(admin, target);
        await seedDemo(sourceUrl);
        const file = path.join(scratch, 'trialdesk.dump');

        const backup = await runScript('scripts/db-backup.mjs', [file], { DATABASE_URL: sourceUrl });
        expect(backup.output).toContain('Backup written');
        expect(backup.code).toBe(0);

        const restore = await runScript('scripts/db-restore.mjs', [file], { DATABASE_URL: targetUrl });
        expect(restore.code).toBe(0);
        const before = await countRows(sourceUrl);
        expect(before.AuditEvent).toBeGreaterThan(0);
        expect(await countRows(targetUrl)).toEqual(before);
        // The database stamps audit times on insert; a restore must keep the original ones.
        const times = async (url: string) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          const { rows } = await client.query('SELECT min("createdAt") AS a, max("createdAt") AS b FROM "AuditEvent"');
          await client.end();
          return rows[0];
        };
        expect(await times(targetUrl)).toEqual(await times(sourceUrl));

        const again = await runScript('scripts/db-restore.mjs', [file], { DATABASE_URL: targetUrl });
        expect(again.code).toBe(3);
        expect(again.output).toContain('holds data');

        const forced = await runScript('scripts/db-restore.mjs', [file, '--force'], { DATABASE_URL: targetUrl });
        expect(forced.code).toBe(0);
        expect(await countRows(targetUrl)).toEqual(before);

        // The restored trail is the same chain: every event verifies with the key the source used.
        const verify = await runScript('scripts/audit-verify.mjs', [], { DATABASE_URL: targetUrl });
        expect(verify.output).not.toContain('was changed');
        expect(verify.code, verify.output).toBe(0);
      } finally {
        await dropDatabase(admin, source).catch(() => {});
        await dropDatabase(admin, target).catch(() => {});
      }
    },
    180_000,
  );

  it('copies the embedded cluster cold and restores it into another data folder with every row', async () => {
    const sourceData = path.join(scratch, 'source-data');
    const targetData = path.join(scratch, 'target-data');
    const clusterDir = path.join(sourceData, 'postgres');
    const server = await startEmbeddedPostgres({ clusterDir });
    let before: Record<string, number>;
    try {
      await ensureDatabase(server.adminUrl, 'trialdesk');
      const url = withDatabase(server.adminUrl, 'trialdesk');
      await seedDemo(url);
      before = await countRows(url);
    } finally {
      await server.stop();
    }
    chmodSync(sourceData, 0o755);
    const file = path.join(scratch, 'cluster-backup');
    const backup = await runScript('scripts/db-backup.mjs', [file], { TRIALDESK_DATA_DIR: sourceData });
    expect(backup.code).toBe(0);
    expect(existsSync(file)).toBe(true);

    const restore = await runScript('scripts/db-restore.mjs', [file], { TRIALDESK_DATA_DIR: targetData });
    expect(restore.output).toContain('Restored');
    expect(restore.code).toBe(0);
    const restored = await startEmbeddedPostgres({ clusterDir: path.join(targetData, 'postgres') });
    try {
      expect(await countRows(withDatabase(restored.adminUrl, 'trialdesk'))).toEqual(before);
    } finally {
      await restored.stop();
    }

    const again = await runScript('scripts/db-restore.mjs', [file], { TRIALDESK_DATA_DIR: targetData });
    expect(again.code).toBe(3);

    const verify = await runScript('scripts/audit-verify.mjs', [], { TRIALDESK_DATA_DIR: targetData });
    expect(verify.code, verify.output).toBe(0);
  }, 420_000);
});
