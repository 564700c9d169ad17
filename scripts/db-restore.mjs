// npm run db:restore -- FILE [--force] — puts a backup from `npm run db:backup` back.
//
// It refuses to restore over a database that holds data unless --force is given (then what is
// there is replaced). Afterwards the migrations run as the owner and the app role gets its
// grants again (a dump carries neither), so an older backup is brought up to the current schema,
// and the row count of every table is printed for the restore drill.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  backupKind,
  countRows,
  findClientTools,
  holdsData,
  restoreCluster,
  restoreDump,
  serverMajorVersion,
} from './lib/backup.mjs';
import { dataDir, ensureDatabase, isClusterInUse, startEmbeddedPostgres, withDatabase } from './lib/database.mjs';
import { APP_ROLE, withCredentials } from './lib/db-roles.mjs';
import { migrateDatabase } from './lib/migrate.mjs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean' } } });
const file = positionals[0];
const isForced = Boolean(values.force);
if (!file || !existsSync(file)) {
  console.error(file ? `No such file: ${file}` : 'Usage: npm run db:restore -- FILE [--force]');
  process.exit(2);
}
const kind = backupKind(file);
if (!kind) {
  console.error(`${file} is neither a pg_dump custom-format file nor a cold copy from npm run db:backup.`);
  process.exit(2);
}

class Refusal extends Error {}

async function refuseOverData(url) {
  if (!isForced && (await holdsData(url))) {
    throw new Refusal(
      'The target database holds data. Restoring replaces all of it: run again with --force if that is what you want.',
    );
  }
}

async function restoreIntoServer(url) {
  if (kind !== 'pg_dump')
    throw new Refusal('A cold copy of the embedded cluster can only be restored without DATABASE_URL.');
  await refuseOverData(url);
  const major = await serverMajorVersion(url);
  const tools = findClientTools(major);
  if (!tools) throw new Error(`No pg_restore for PostgreSQL ${major} or newer was found (set PG_BIN_DIR).`);
  await restoreDump({ url, file, tools, clean: isForced });
  await migrateDatabase({ ownerUrl: url, appUrl: process.env.DATABASE_URL || url });
  return url;
}

async function withEmbedded(clusterDir, work) {
  const server = await startEmbeddedPostgres({ clusterDir });
  try {
    await ensureDatabase(server.adminUrl, 'trialdesk');
    return await work(withDatabase(server.adminUrl, 'trialdesk'));
  } finally {
    await server.stop();
  }
}

/**
 * Migrates as the cluster's owner and gives the app role this machine's password (.data/, made
 * here when missing, as npm start would), so a copy from another machine works at once.
 */
async function migrateEmbedded(ownerUrl) {
  const passwordFile = path.join(dataDir, 'postgres.app-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, `${randomBytes(18).toString('hex')}\n`, { mode: 0o600 });
  const appUrl = withCredentials(ownerUrl, APP_ROLE, readFileSync(passwordFile, 'utf8').trim());
  await migrateDatabase({ ownerUrl, appUrl, manageRole: true });
}

async function restoreIntoEmbedded() {
  const clusterDir = path.join(dataDir, 'postgres');
  if (isClusterInUse(clusterDir)) throw new Refusal('TrialDesk is running on the embedded database: stop it first.');
  const hasCluster = existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (kind === 'pg_dump') {
    return withEmbedded(clusterDir, async (url) => {
      await refuseOverData(url);
      const tools = findClientTools(await serverMajorVersion(url));
      if (!tools) throw new Error('No pg_restore matching the embedded PostgreSQL was found (set PG_BIN_DIR).');
      await restoreDump({ url, file, tools, clean: isForced });
      await migrateEmbedded(url);
      return countRows(url);
    });
  }
  if (hasCluster && !isForced) await withEmbedded(clusterDir, refuseOverData);
  const { keptAside } = await restoreCluster({ clusterDir, file });
  if (keptAside) console.log(`The cluster that was there is kept in ${path.relative(process.cwd(), keptAside)}.`);
  return withEmbedded(clusterDir, async (url) => {
    await migrateEmbedded(url);
    return countRows(url);
  });
}

const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
try {
  const counts = url ? await countRows(await restoreIntoServer(url)) : await restoreIntoEmbedded();
  console.log(`Restored ${file}. Rows per table:`);
  for (const [table, n] of Object.entries(counts)) console.log(`  ${table.padEnd(32)} ${n}`);
} catch (error) {
  console.error(`${error instanceof Refusal ? 'Restore refused' : 'Restore failed'}: ${error?.message ?? error}`);
  process.exit(error instanceof Refusal ? 3 : 1);
}
