import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getTestPrisma } from '../helpers/test-db';

const prisma = getTestPrisma();

function runCli(args: string[], env: Record<string, string> = {}) {
  const { TRIALDESK_PASSWORD: _unset, ...base } = process.env;
  const result = spawnSync(process.execPath, ['scripts/users.mjs', ...args], {
    encoding: 'utf8',
    env: { ...base, DATABASE_URL: process.env.DATABASE_URL!, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('npm run users', () => {
  const email = `cli-${Date.now()}@clinic.test`;

  it('creates an account, audited as done by the CLI', () => {
    const { code, out } = runCli([
      'create',
      '--email',
      email,
      '--name',
      'Casey Bootstrap',
      '--role',
      'admin',
      '--password',
      'Juniper-Falcon-Quartz-3',
    ]);
    expect(out).toContain(`<${email}>`);
    expect(code).toBe(0);
  });

  it('stored the user with an argon2id hash and an audit event', async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe('ADMIN');
    expect(user.passwordHash.startsWith('$argon2id$')).toBe(true);
    const event = await prisma.auditEvent.findFirst({ where: { entityId: user.id, action: 'user.create' } });
    expect(event?.actorLabel).toBe('cli');
  });

  it('refuses a duplicate email with a clear message', () => {
    const { code, out } = runCli([
      'create',
      '--email',
      email.toUpperCase(),
      '--name',
      'Casey Again',
      '--role',
      'clinician',
      '--password',
      'Juniper-Falcon-Quartz-3',
    ]);
    expect(code).toBe(1);
    expect(out).toMatch(/already exists/i);
  });

  it('refuses a weak password and a bad role, writing nothing', async () => {
    const weak = runCli([
      'create',
      '--email',
      `weak-${email}`,
      '--name',
      'Weak Pass',
      '--role',
      'coordinator',
      '--password',
      'password1234',
    ]);
    expect(weak.code).toBe(1);
    expect(weak.out).toMatch(/too common/i);
    const role = runCli(['create', '--email', `role-${email}`, '--name', 'Bad Role', '--role', 'wizard'], {
      TRIALDESK_PASSWORD: 'Juniper-Falcon-Quartz-3',
    });
    expect(role.code).toBe(1);
    expect(role.out).toMatch(/role/i);
    expect(await prisma.user.count({ where: { email: { in: [`weak-${email}`, `role-${email}`] } } })).toBe(0);
  });

  it('without a password and without a terminal, says where the password should come from', () => {
    const { code, out } = runCli(['create', '--email', `nopass-${email}`, '--name', 'No Pass', '--role', 'admin']);
    expect(code).toBe(1);
    expect(out).toMatch(/password/i);
  });
});
