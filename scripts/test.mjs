// npm test — the whole suite, on a real PostgreSQL, in one command:
//   1. type-check, 2. Vitest (unit + integration on a fresh database),
//   3. Playwright against the production build on another fresh database.
// It ends with one summary line: "tests: N passed, N failed".
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startNext, waitForHealthy } from './lib/app-server.mjs';
import { buildApp, isBuildCurrent } from './lib/build.mjs';
import { dataDir, dropDatabase, ensureDatabase, freePort, startTestPostgres, withDatabase } from './lib/database.mjs';
import { dropAppRole, withCredentials } from './lib/db-roles.mjs';
import { migrateDatabase } from './lib/migrate.mjs';
import { runTs } from './lib/run-ts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = path.join(dataDir, 'test-results');
const only = process.argv.slice(2); // e.g. `npm test -- lint`, `npm test -- unit`, `npm test -- smoke` or `npm test -- e2e`
const wants = (step) => only.length === 0 || only.includes(step);
const totals = { passed: 0, failed: 0, skipped: 0 };

/** A package's CLI from its package.json `bin` (package `exports` may hide the file). */
function binOf(pkg, name = pkg) {
  const manifestPath = path.join(root, 'node_modules', pkg, 'package.json');
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return path.join(path.dirname(manifestPath), typeof bin === 'string' ? bin : bin[name]);
}

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/**
 * Code health (issue 11) and install drift (issue 14): Biome checks formatting and the layer
 * rules, knip finds unused files and exports, and `npm ci --dry-run` on a copy of the manifest and
 * lockfile fails exactly when `npm ci` would (a lockfile out of sync with package.json).
 */
async function lint() {
  console.log('\n== Lint and format (Biome), unused code (knip), lockfile in sync (npm ci --dry-run)');
  const biome = await run(process.execPath, [binOf('@biomejs/biome', 'biome'), 'ci', '.']);
  const knip = await run(process.execPath, [binOf('knip'), '--no-progress']);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'trialdesk-npm-ci-'));
  copyFileSync(path.join(root, 'package.json'), path.join(scratch, 'package.json'));
  copyFileSync(path.join(root, 'package-lock.json'), path.join(scratch, 'package-lock.json'));
  const npmCli = process.env.npm_execpath;
  const install = await new Promise((resolve) => {
    const child = npmCli
      ? spawn(process.execPath, [npmCli, 'ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
          cwd: scratch,
          stdio: ['ignore', 'ignore', 'inherit'],
        })
      : spawn('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], {
          cwd: scratch,
          stdio: ['ignore', 'ignore', 'inherit'],
          shell: process.platform === 'win32',
        });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
  rmSync(scratch, { recursive: true, force: true });
  if (install !== 0)
    console.error('package-lock.json is out of sync with package.json: run `npm install` and commit the lockfile.');
  const failures = [biome, knip, install].filter((code) => code !== 0).length;
  totals.failed += failures;
  totals.passed += 3 - failures;
  return failures === 0;
}

async function typecheck() {
  console.log('\n== Type-check (tsc --noEmit)');
  const code = await run(process.execPath, [binOf('typescript', 'tsc'), '--noEmit']);
  if (code !== 0) totals.failed += 1;
  return code === 0;
}

async function vitest({ isSmoke = false } = {}) {
  console.log(
    isSmoke
      ? '\n== Smoke test: npm start on a fresh data directory'
      : '\n== Unit and integration tests (Vitest, real PostgreSQL)',
  );
  const out = path.join(resultsDir, isSmoke ? 'vitest-smoke.json' : 'vitest.json');
  rmSync(out, { force: true });
  const code = await run(
    process.execPath,
    [binOf('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    isSmoke ? { VITEST_SMOKE: '1' } : {},
  );
  const report = readJson(out);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (code !== 0 && (!report || report.numFailedTests === 0)) totals.failed += 1;
  return code === 0;
}

async function e2e() {
  console.log('\n== End-to-end tests (Playwright, production build)');
  let adminUrl;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = withDatabase(process.env.DATABASE_URL, 'postgres');
  } else {
    const server = await startTestPostgres();
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }
  // As in Vitest's global setup: DATABASE_URL is the admin URL; the app runs as a role of its own.
  const name = `trialdesk_e2e_${Date.now()}_${process.pid}`;
  const appRole = `${name}_app`;
  let app;
  try {
    await ensureDatabase(adminUrl, name);
    const ownerUrl = withDatabase(adminUrl, name);
    const url = withCredentials(ownerUrl, appRole, randomBytes(18).toString('hex'));
    await migrateDatabase({ ownerUrl, appUrl: url, manageRole: true });
    const auditKey = process.env.AUDIT_KEY ?? randomBytes(32).toString('base64url');
    const seedEnv = { DATABASE_URL: url, AUDIT_KEY: auditKey, TRIALDESK_PRINT_ACCOUNTS: '0' };
    if ((await runTs('prisma/seed/run.ts', { env: seedEnv })) !== 0) throw new Error('seeding the e2e database failed');
    if (!isBuildCurrent()) await buildApp();
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const env = {
      DATABASE_URL: url,
      AUDIT_KEY: auditKey,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseUrl,
    };
    app = startNext({ port, env, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitForHealthy(baseUrl, { child: app });
    const out = path.join(resultsDir, 'playwright.json');
    rmSync(out, { force: true });
    // E2E_GREP narrows the browser tests while working on one area, e.g. E2E_GREP=candidates.
    const grep = process.env.E2E_GREP ? ['--grep', process.env.E2E_GREP] : [];
    const code = await run(process.execPath, [binOf('@playwright/test', 'playwright'), 'test', ...grep], {
      E2E_BASE_URL: baseUrl,
      E2E_DATABASE_URL: url,
      // The fixtures sign in by minting the session cookie the app would issue (e2e/fixtures.ts).
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET,
      // The seed factories the fixtures run write audited rows, sealed with the app's key.
      AUDIT_KEY: auditKey,
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    const report = readJson(out);
    if (report?.stats) {
      totals.passed += report.stats.expected + report.stats.flaky;
      totals.failed += report.stats.unexpected;
      totals.skipped += report.stats.skipped;
    }
    if (code !== 0 && !(report?.stats?.unexpected > 0)) totals.failed += 1;
    return code === 0;
  } catch (error) {
    console.error(`e2e setup failed: ${error?.message ?? error}`);
    totals.failed += 1;
    return false;
  } finally {
    if (app && app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((r) => app.once('exit', r));
    }
    await dropDatabase(adminUrl, name).catch(() => {});
    await dropAppRole(adminUrl, appRole).catch(() => {});
    await stopServer();
  }
}

mkdirSync(resultsDir, { recursive: true });
const started = Date.now();
let isGreen = true;
if (wants('lint')) isGreen = (await lint()) && isGreen;
if (wants('typecheck')) isGreen = (await typecheck()) && isGreen;
if (wants('unit')) isGreen = (await vitest()) && isGreen;
if (wants('smoke')) isGreen = (await vitest({ isSmoke: true })) && isGreen;
if (wants('e2e')) isGreen = (await e2e()) && isGreen;
console.log(`\nFinished in ${Math.round((Date.now() - started) / 1000)} s (${totals.skipped} skipped).`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(isGreen && totals.failed === 0 ? 0 : 1);
