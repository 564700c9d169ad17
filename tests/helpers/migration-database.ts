import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/database.mjs';

/**
 * A database of its own for testing one migration over data written by the schema before it:
 * `open()` applies every migration folder before `migration` as SQL files and hands over a
 * client, the test writes its rows, `applyMigration()` runs the one under test, `drop()` cleans up.
 */
export function databaseBeforeMigration(migration: string) {
  const dir = path.join(process.cwd(), 'prisma/migrations');
  const folders = readdirSync(dir)
    .filter((name) => /^\d{14}_/.test(name))
    .sort();
  const target = folders.findIndex((name) => name.endsWith(`_${migration}`));
  if (target < 0) throw new Error(`No migration folder ends with _${migration}.`);
  const sqlOf = (folder: string) => readFileSync(path.join(dir, folder, 'migration.sql'), 'utf8');
  const adminUrl = withDatabase(process.env.MIGRATION_DATABASE_URL!, 'postgres');
  // The run's database name (already unique per run) and the folder's position: within PostgreSQL's 63 characters.
  const name = `${new URL(process.env.MIGRATION_DATABASE_URL!).pathname.slice(1)}_migration_${target}`;
  let client: pg.Client | null = null;

  return {
    async open(): Promise<pg.Client> {
      await ensureDatabase(adminUrl, name);
      client = new pg.Client({ connectionString: withDatabase(adminUrl, name) });
      await client.connect();
      for (const folder of folders.slice(0, target)) await client.query(sqlOf(folder));
      return client;
    },
    async applyMigration(): Promise<void> {
      await client?.query(sqlOf(folders[target]));
    },
    async drop(): Promise<void> {
      await client?.end();
      await dropDatabase(adminUrl, name);
    },
  };
}
