// npm run users -- <command> — manage staff accounts from a terminal, e.g. to
// create the first admin of a fresh installation.
//
//   npm run users -- create --email E --name "N" --role admin|coordinator|clinician [--password P]
//   npm run users -- list
//   npm run users -- help
//
// The password comes from --password, else TRIALDESK_PASSWORD, else a hidden
// prompt when stdin is a terminal. The database is DATABASE_URL or the embedded
// PostgreSQL, migrated first when the owner's URL is known (embedded, or
// MIGRATION_DATABASE_URL). The work itself is done by scripts/users-cli.ts.
import { parseArgs } from 'node:util';
import { resolveDatabase } from './lib/database.mjs';
import { runTs } from './lib/run-ts.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { resolveAuditKey } from './lib/secrets.mjs';

const CLI = 'scripts/users-cli.ts';
const USAGE = `Usage: npm run users -- <command> [options]

Commands:
  create   Create an account (audited as done by "cli")
             --email E   sign-in email
             --name N    full name (quote it: --name "Morgan Keyes")
             --role R    admin, coordinator or clinician
             --password P  optional; else $TRIALDESK_PASSWORD, else a hidden prompt
  list     Show every account with its role and status
  help     Show this text

The database is $DATABASE_URL when set, otherwise the embedded PostgreSQL under .data/.`;

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Reads a line without echoing it. Raw mode so the password never appears on screen. */
function promptHidden(question) {
  return new Promise((resolve, reject) => {
    const { stdin, stdout } = process;
    let value = '';
    stdout.write(question);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.resume();
    const finish = (error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    function onData(chunk) {
      // Drop arrow keys and other escape sequences rather than storing them.
      for (const char of chunk.replace(/\u001b\[[0-9;]*[A-Za-z~]/g, '')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new Error('Cancelled.'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else if (char >= ' ') value += char;
      }
    }
    stdin.on('data', onData);
  });
}

async function readPassword(fromFlag) {
  if (fromFlag !== undefined) return fromFlag;
  if (process.env.TRIALDESK_PASSWORD) return process.env.TRIALDESK_PASSWORD;
  if (!process.stdin.isTTY)
    fail('No password given: pass --password, set TRIALDESK_PASSWORD, or run in a terminal to be prompted.');
  const first = await promptHidden('Password (at least 12 characters): ');
  const second = await promptHidden('Repeat the password: ');
  if (first !== second) fail('The two passwords do not match.');
  return first;
}

/** Resolves and migrates the database, then runs the TypeScript side against it. */
async function runWithDatabase(args, env) {
  let db;
  let auditKey;
  try {
    db = await resolveDatabase();
    auditKey = resolveAuditKey({ isEmbedded: db.isEmbedded });
    // Only with the owner's credentials: inside the app container DATABASE_URL is the
    // app's role, which may not migrate (the migrate service did it).
    if (db.isEmbedded || process.env.MIGRATION_DATABASE_URL)
      await migrateDatabase({ ownerUrl: db.migrationUrl, appUrl: db.url, manageRole: db.manageRole });
  } catch (error) {
    await db?.stop().catch(() => {});
    fail(`Could not prepare the database: ${String(error?.message ?? error).split('\n')[0]}`);
  }
  try {
    return await runTs(CLI, { args, env: { ...env, DATABASE_URL: db.url, AUDIT_KEY: auditKey } });
  } finally {
    await db.stop();
  }
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  // Node's own wording is long and multi-clause; name the option and move on.
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  const message = error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option ? `Unknown option ${option}` : error.message;
  fail(`${message.replace(/\.?$/, '.')} Run "npm run users -- help" for usage.`);
}

const { values, positionals } = parsed;
const [command = 'help', ...extra] = positionals;
if (extra.length > 0) fail(`Unexpected argument "${extra[0]}". Quote values with spaces, e.g. --name "Morgan Keyes".`);

if (command === 'help' || values.help) {
  console.log(USAGE);
  process.exit(0);
}

if (command === 'list') {
  process.exit(await runWithDatabase(['list'], {}));
}

if (command === 'create') {
  const password = await readPassword(values.password);
  const args = [];
  for (const key of ['email', 'name', 'role']) if (values[key] !== undefined) args.push(`--${key}`, values[key]);
  const env = { TRIALDESK_PASSWORD: password };
  // Validate before starting PostgreSQL so a weak password fails in a second, not after migrations.
  const valid = await runTs(CLI, { args: ['validate', ...args], env });
  if (valid !== 0) process.exit(valid);
  process.exit(await runWithDatabase(['create', ...args], env));
}

fail(`Unknown command "${command}". Run "npm run users -- help" for usage.`);
