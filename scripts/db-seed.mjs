// npm run db:seed — loads the demo data (idempotent: existing records are kept).
//
// The demo accounts have passwords published in the README, so a server database (DATABASE_URL)
// gets them only when asked for by name, `npm run db:seed -- --demo`, and never once anyone else
// has an account there. The embedded default is for trying TrialDesk out and needs no flag.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { resolveDatabase } from './lib/database.mjs';
import { DEMO_ACCOUNTS } from './lib/demo-accounts.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { runTs } from './lib/run-ts.mjs';
import { resolveAuditKey } from './lib/secrets.mjs';

const { values } = parseArgs({ options: { demo: { type: 'boolean' } } });

/** Accounts that are not the demo ones: real staff, whom a published password must never sit beside. */
async function countRealUsers(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "User" WHERE NOT (email = ANY($1))', [
      DEMO_ACCOUNTS.map((account) => account.email),
    ]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

if (process.env.DATABASE_URL && !values.demo) {
  console.error(
    'DATABASE_URL points at a server: the demo data (with its published passwords) is loaded there only on purpose.\n' +
      'Run `npm run db:seed -- --demo` to load it into this database anyway (refused once real accounts exist).',
  );
  process.exit(2);
}

const db = await resolveDatabase();
let code = 1;
try {
  await migrateDatabase({ ownerUrl: db.migrationUrl, appUrl: db.url, manageRole: db.manageRole });
  const realUsers = db.isEmbedded ? 0 : await countRealUsers(db.url);
  if (realUsers > 0) {
    console.error(
      `Refused: this database has ${realUsers} real account(s). Demo accounts with published passwords ` +
        'must not be added beside them; use an empty database for a demo.',
    );
    code = 3;
  } else {
    const auditKey = resolveAuditKey({ isEmbedded: db.isEmbedded });
    code = await runTs('prisma/seed/run.ts', { env: { DATABASE_URL: db.url, AUDIT_KEY: auditKey } });
  }
} catch (error) {
  console.error('Seeding failed:', error?.message ?? error);
} finally {
  await db.stop();
}
process.exit(code);
