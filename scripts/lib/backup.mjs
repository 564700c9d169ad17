// Backup and restore of TrialDesk's database with PostgreSQL's own tools.
//
// A server (DATABASE_URL, or MIGRATION_DATABASE_URL for the owner role when set) is dumped with
// pg_dump in its custom format and restored with pg_restore. pg_dump must be at least the
// server's major version, so the tools are looked up per major version. The embedded default
// runs a PostgreSQL whose client tools are not shipped; when no matching pg_dump is found the
// backup is a cold copy of the embedded cluster (taken while it is stopped), restored the same way.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** The first bytes of each kind of backup file, so restore knows what it was given. */
const PG_DUMP_MAGIC = 'PGDMP';
const GZIP_MAGIC = [0x1f, 0x8b];

export async function serverMajorVersion(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SHOW server_version_num');
    return Math.floor(Number(rows[0].server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

function toolMajor(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) return null;
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout.replace(/^[^)]*\)/, ''));
  return match ? Number(match[1]) : null;
}

/**
 * A pg_dump/pg_restore pair whose major version is at least the server's: PG_BIN_DIR first,
 * then the usual per-version install paths (Debian, RHEL, Homebrew), then PATH.
 */
export function findClientTools(serverMajor, { env = process.env } = {}) {
  const dirs = [
    env.PG_BIN_DIR,
    ...[0, 1, 2, 3].flatMap((ahead) => {
      const major = serverMajor + ahead;
      return [
        `/usr/lib/postgresql/${major}/bin`,
        `/usr/pgsql-${major}/bin`,
        `/opt/homebrew/opt/postgresql@${major}/bin`,
        `/usr/local/opt/postgresql@${major}/bin`,
      ];
    }),
  ].filter(Boolean);
  const candidates = [...dirs.map((dir) => path.join(dir, 'pg_dump')), 'pg_dump'];
  for (const dump of candidates) {
    if (dump.includes('/') && !existsSync(dump)) continue;
    const major = toolMajor(dump);
    if (major === null || major < serverMajor) continue;
    const restore = dump.includes('/') ? path.join(path.dirname(dump), 'pg_restore') : 'pg_restore';
    if (toolMajor(restore) === null) continue;
    return { pgDump: dump, pgRestore: restore, major };
  }
  return null;
}

function run(command, args, { env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed: ${stderr.trim()}`)),
    );
  });
}

/** Connection settings through the environment, so no password shows up in `ps`. */
function libpqEnv(url) {
  const u = new URL(url);
  return {
    PGHOST: u.hostname,
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGPASSWORD: decodeURIComponent(u.password),
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
}

/** Rows in every table of the public schema: what "holds data" means, and what a drill compares. */
export async function countRows(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const counts = {};
    for (const { tablename } of tables) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${tablename.replace(/"/g, '""')}"`);
      counts[tablename] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

export async function holdsData(url) {
  const counts = await countRows(url);
  return Object.entries(counts).some(([table, n]) => table !== '_prisma_migrations' && n > 0);
}

export function backupKind(file) {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    if (head.toString('latin1') === PG_DUMP_MAGIC) return 'pg_dump';
    if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return 'cluster';
    return null;
  } finally {
    closeSync(fd);
  }
}

export async function dumpDatabase({ url, file, tools }) {
  await run(tools.pgDump, ['--format=custom', '--no-owner', `--file=${file}`], { env: libpqEnv(url) });
}

/**
 * Restores a custom-format dump; with `clean`, what is there is dropped first. Ownership and grants
 * are not taken from the file: the restoring (owner) role owns what it restores, and the app role's
 * grants are applied again by the migration step that follows.
 */
export async function restoreDump({ url, file, tools, clean }) {
  const args = [
    '--no-owner',
    '--no-acl',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${libpqEnv(url).PGDATABASE}`,
  ];
  if (clean) args.push('--clean', '--if-exists');
  await run(tools.pgRestore, [...args, file], { env: libpqEnv(url) });
}

/**
 * A cold copy: the cluster directory and its password file as a gzip'd tar. The cluster must be
 * stopped. The app's keys (.data/nextauth-secret, the audit key) are not in it: they are backed up
 * separately, so one stolen file does not hold both the data and the key that proves it untouched.
 */
export async function copyCluster({ clusterDir, file }) {
  const names = [path.basename(clusterDir)];
  if (existsSync(`${clusterDir}.password`)) names.push(`${path.basename(clusterDir)}.password`);
  await run('tar', ['-czf', path.resolve(file), '-C', path.dirname(clusterDir), ...names]);
}

/**
 * Puts a cold copy back. The cluster that was there is kept beside it (…-before-restore-<time>)
 * until the restored one has started, so a bad file never leaves the clinic with nothing.
 */
export async function restoreCluster({ clusterDir, file }) {
  const staging = `${clusterDir}-restoring`;
  rmSync(staging, { recursive: true, force: true });
  await run('mkdir', ['-p', staging]);
  await run('tar', ['-xzf', path.resolve(file), '-C', staging]);
  const extracted = path.join(staging, path.basename(clusterDir));
  if (!existsSync(path.join(extracted, 'PG_VERSION'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error('This file is not a TrialDesk cluster copy (no PG_VERSION inside).');
  }
  let keptAside = null;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (existsSync(clusterDir)) {
    keptAside = `${clusterDir}-before-restore-${stamp}`;
    renameSync(clusterDir, keptAside);
    if (existsSync(`${clusterDir}.password`)) renameSync(`${clusterDir}.password`, `${keptAside}.password`);
  }
  renameSync(extracted, clusterDir);
  const password = path.join(staging, `${path.basename(clusterDir)}.password`);
  if (existsSync(password)) renameSync(password, `${clusterDir}.password`);
  rmSync(staging, { recursive: true, force: true });
  return { keptAside };
}
