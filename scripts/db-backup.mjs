// npm run db:backup -- FILE — a backup of TrialDesk's database with PostgreSQL's own tools.
//
// A server (MIGRATION_DATABASE_URL when set, else DATABASE_URL) is written with pg_dump in its
// custom format. The embedded default is dumped the same way when a pg_dump of its major version is
// installed, otherwise copied cold (while stopped) as a .tar.gz. `npm run db:restore -- FILE` reads both.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyCluster, dumpDatabase, findClientTools, serverMajorVersion } from './lib/backup.mjs';
import { dataDir, ensureDatabase, isClusterInUse, startEmbeddedPostgres, withDatabase } from './lib/database.mjs';

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run db:backup -- FILE   (e.g. backups/trialdesk-$(date +%F).dump)');
  process.exit(2);
}
if (!existsSync(path.dirname(path.resolve(file)))) {
  console.error(`The folder for ${file} does not exist.`);
  process.exit(2);
}

async function backupServer(url) {
  const major = await serverMajorVersion(url);
  const tools = findClientTools(major);
  if (!tools) {
    throw new Error(
      `No pg_dump for PostgreSQL ${major} or newer was found. Install the client tools ` +
        `(Debian: apt-get install postgresql-client-${major}) or set PG_BIN_DIR to their folder.`,
    );
  }
  await dumpDatabase({ url, file, tools });
  return `pg_dump ${tools.major} of a PostgreSQL ${major} server`;
}

async function backupEmbedded() {
  const clusterDir = path.join(dataDir, 'postgres');
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) throw new Error('There is no embedded database yet.');
  if (isClusterInUse(clusterDir)) {
    throw new Error('TrialDesk is running on the embedded database: stop it (Ctrl-C on npm start) and back up again.');
  }
  const server = await startEmbeddedPostgres({ clusterDir });
  let how;
  try {
    await ensureDatabase(server.adminUrl, 'trialdesk');
    const url = withDatabase(server.adminUrl, 'trialdesk');
    const tools = findClientTools(await serverMajorVersion(url));
    if (tools) how = await dumpDatabase({ url, file, tools }).then(() => `pg_dump ${tools.major}`);
  } finally {
    await server.stop();
  }
  if (how) return how;
  await copyCluster({ clusterDir, file });
  return 'a cold copy of the embedded cluster (no pg_dump of its version is installed)';
}

const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
try {
  const how = url ? await backupServer(url) : await backupEmbedded();
  console.log(`Backup written to ${file} (${how}).`);
} catch (error) {
  console.error(`Backup failed: ${error?.message ?? error}`);
  process.exit(1);
}
