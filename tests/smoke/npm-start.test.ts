import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/database.mjs';

// `npm start` on a fresh machine: no DATABASE_URL, no secret, an empty data
// directory. It must bring up embedded PostgreSQL, migrate, seed, build if
// needed, serve, print the URL and demo accounts, and stop cleanly on SIGTERM.
const dataDir = mkdtempSync(path.join(tmpdir(), 'trialdesk-start-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to enter the directory.
chmodSync(dataDir, 0o755);
let child: ChildProcess | undefined;
let output = '';

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function waitFor(predicate: () => boolean, timeoutMs: number) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs || child?.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`timed out; output so far:\n${output.slice(-3000)}`));
      }
    }, 250);
  });
}

describe('npm start', () => {
  it('serves the app on embedded PostgreSQL with the demo data, then stops cleanly', async () => {
    const port = await freePort();
    const {
      DATABASE_URL: _db,
      MIGRATION_DATABASE_URL: _owner,
      NEXTAUTH_SECRET: _secret,
      AUDIT_KEY: _key,
      NODE_ENV: _env,
      ...env
    } = process.env;
    child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...env, TRIALDESK_DATA_DIR: dataDir, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));

    await waitFor(() => output.includes(`http://localhost:${port}`), 280_000);
    // The accounts are printed just after the URL line; wait for them instead of racing.
    await waitFor(() => output.includes('pharmacist@trialdesk.test'), 30_000);
    expect(output).toContain('admin@trialdesk.test');
    expect(output).toContain('coordinator@trialdesk.test');
    expect(output).toContain('clinician@trialdesk.test');

    let health: Response | undefined;
    for (let i = 0; i < 120 && !health?.ok; i += 1) {
      health = await fetch(`http://localhost:${port}/api/health`).catch(() => undefined);
      if (!health?.ok) await new Promise((r) => setTimeout(r, 500));
    }
    expect(await health!.json()).toEqual({ status: 'ok', db: 'ok' });
    const signin = await fetch(`http://localhost:${port}/signin`);
    expect(signin.status).toBe(200);
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'nextauth-secret'))).toBe(true);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child!.once('exit', resolve));
    expect(code).toBe(0);
    // PostgreSQL shut down with it: no server left holding the cluster.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 360_000);
});
