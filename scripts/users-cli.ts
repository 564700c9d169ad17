// The TypeScript half of `npm run users`, spawned by scripts/users.mjs through
// scripts/lib/run-ts.mjs (tsx resolves `@/`, the react-server condition lets
// server-only modules load), so the CLI validates, hashes and audits with the
// very same code as the admin pages. The password arrives in TRIALDESK_PASSWORD,
// never in argv, where `ps` would show it.
//
//   users-cli.ts validate --email E --name N --role R   (no database needed)
//   users-cli.ts create   --email E --name N --role R   (DATABASE_URL set, migrated)
//   users-cli.ts list
import { parseArgs } from 'node:util';
import { formatClinicZoned } from '@/lib/clinic/clinic-wall-time';
import { isAppError } from '@/lib/errors/app-error';
import { zodFieldErrors } from '@/lib/errors/to-app-error';
import { apiCreateUserSchema, type CreateUserInput } from '@/lib/validations/auth';

class CliError extends Error {}

function parseCreateInput(values: { email?: string; name?: string; role?: string }): CreateUserInput {
  const parsed = apiCreateUserSchema.safeParse({ ...values, password: process.env.TRIALDESK_PASSWORD ?? '' });
  if (parsed.success) return parsed.data;
  const problems = Object.entries(zodFieldErrors(parsed.error)).map(
    ([field, messages]) => `--${field}: ${messages.join(' ')}`,
  );
  throw new CliError(`Cannot create the account. ${problems.join(' ')}`);
}

async function create(input: CreateUserInput) {
  const { createUser } = await import('@/lib/users/create-user');
  try {
    const user = await createUser({ input, actorId: null, actorLabel: 'cli' });
    console.log(`Created ${user.role.toLowerCase()} account ${user.name} <${user.email}>`);
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT')
      throw new CliError(`An account with email ${input.email} already exists.`);
    // The password policy's word-list checks run in createUser (server-side), not in the schema.
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') {
      const problems = Object.entries(error.fields ?? {}).map(
        ([field, messages]) => `--${field}: ${messages.join(' ')}`,
      );
      throw new CliError(`Cannot create the account. ${problems.join(' ')}`);
    }
    throw error;
  }
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

async function list() {
  const { listUsers } = await import('@/lib/users/list-users');
  const { isLocked } = await import('@/lib/auth/lockout');
  const { getClinicTimeZone } = await import('@/lib/clinic/clock');
  const [users, timeZone] = await Promise.all([listUsers(), getClinicTimeZone()]);
  if (users.length === 0) {
    console.log('No accounts yet. Create one with: npm run users -- create --email E --name "N" --role admin');
    return;
  }
  const now = new Date();
  const rows = users.map((user) => [
    user.name,
    user.email,
    user.role.toLowerCase(),
    !user.isActive
      ? 'deactivated'
      : user.lockedUntil && isLocked(user, now)
        ? `locked until ${formatClinicZoned(user.lockedUntil, timeZone, 'time')}`
        : 'active',
    user.lastSignInAt ? formatClinicZoned(user.lastSignInAt, timeZone) : 'never',
  ]);
  console.log(pad([['NAME', 'EMAIL', 'ROLE', 'STATUS', 'LAST SIGN-IN'], ...rows]));
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  });
  const command = positionals[0];
  if (command === 'validate') {
    parseCreateInput(values);
    return 0;
  }
  if (command !== 'create' && command !== 'list') throw new CliError(`Unknown command "${command ?? ''}".`);
  if (!process.env.DATABASE_URL) throw new CliError('DATABASE_URL is not set; run this through npm run users.');
  const { prisma } = await import('@/lib/db');
  try {
    if (command === 'create') await create(parseCreateInput(values));
    else await list();
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One line, no stack: this is read by an operator, not a developer.
    // Prisma puts the cause on the last line of a long, multi-line message.
    const lastLine = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .at(-1) ?? text;
    const message =
      error instanceof CliError || isAppError(error)
        ? error.message
        : `Unexpected error: ${error instanceof Error ? lastLine(error.message) : String(error)}`;
    console.error(message);
    process.exit(1);
  },
);
