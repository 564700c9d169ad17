// Deployment behaviour of the start scripts: production refuses to start without its secrets and
// an https address, the container entrypoint likewise, and demo data (published passwords) reaches
// a server database only through `npm run db:seed -- --demo`, never beside real accounts.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/database.mjs';
import { runScript } from '@/tests/helpers/run-script';

const SECRET = 'y'.repeat(43);

describe('production checks', () => {
  it('npm start with NODE_ENV=production and no secrets refuses, naming what to set', async () => {
    const result = await runScript('scripts/start.mjs', [], {
      NODE_ENV: 'production',
      NEXTAUTH_SECRET: undefined,
      AUDIT_KEY: undefined,
      NEXTAUTH_URL: undefined,
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('Set NEXTAUTH_SECRET');
    expect(result.output).toContain('Set AUDIT_KEY');
    expect(result.output).toContain('NEXTAUTH_URL=https://');
  }, 30_000);

  it('the container entrypoint refuses an http NEXTAUTH_URL before touching the database', async () => {
    const result = await runScript('scripts/docker-entrypoint.mjs', [], {
      DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none',
      NEXTAUTH_SECRET: SECRET,
      AUDIT_KEY: SECRET,
      NEXTAUTH_URL: 'http://trialdesk.clinic.org',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('https:// address');
  }, 30_000);
});

describe('demo data on a server database', () => {
  const admin = withDatabase(process.env.MIGRATION_DATABASE_URL ?? (process.env.DATABASE_URL as string), 'postgres');
  const name = `trialdesk_seedpolicy_${Date.now()}_${process.pid}`;
  const url = withDatabase(admin, name);
  const env = { DATABASE_URL: url, AUDIT_KEY: SECRET };
  beforeAll(() => ensureDatabase(admin, name));
  afterAll(() => dropDatabase(admin, name).catch(() => {}));

  async function userCount() {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query('SELECT count(*)::int AS n FROM "User"')).rows[0].n as number;
    } finally {
      await client.end();
    }
  }

  it('db:seed without --demo refuses on a server; with --demo it loads an empty one; never beside real accounts', async () => {
    const refused = await runScript('scripts/db-seed.mjs', [], env);
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('--demo');

    const seeded = await runScript('scripts/db-seed.mjs', ['--demo'], env);
    expect(seeded.code, seeded.output).toBe(0);
    expect(await userCount()).toBeGreaterThan(0);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ('real-1', 'real@clinic.test', 'Real Person', 'ADMIN', 'x', now())`,
    );
    await client.end();
    const again = await runScript('scripts/db-seed.mjs', ['--demo'], env);
    expect(again.code).toBe(3);
    expect(again.output).toContain('1 real account');
  }, 240_000);
});
