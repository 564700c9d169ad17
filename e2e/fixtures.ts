import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, test as base, type Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { account, type DemoRole } from './support';

// Playwright fixtures: sign in by cookie (a next-auth JWT minted with the app's NEXTAUTH_SECRET, as
// the sign-in would issue it; decision 0003) instead of through the sign-in form every time, and
// build test data with the seed factories (prisma/seed/*.ts, through e2e/factory-cli.ts) instead of
// picking rows with SQL. The sign-in form itself is tested in auth.spec.ts.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type SessionAccount = { id: string; email: string; name: string; role: DemoRole; sessionVersion: number };

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; name: string };

let runner: { child: ChildProcessWithoutNullStreams; pending: Map<number, Pending>; nextId: number } | null = null;

/** The factory process of this Playwright worker, started on first use (loading Prisma once, not per call). */
function factoryRunner() {
  if (runner && runner.child.exitCode === null) return runner;
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(root, 'e2e/factory-cli.ts')],
    { cwd: root, env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL } },
  );
  const state = { child, pending: new Map<number, Pending>(), nextId: 1 };
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as { id: number; result?: unknown; error?: string };
    const waiting = state.pending.get(message.id);
    if (!waiting) return;
    state.pending.delete(message.id);
    if (message.error !== undefined) waiting.reject(new Error(`factory ${waiting.name} failed: ${message.error}`));
    else waiting.resolve(message.result);
  });
  child.on('exit', (code) => {
    for (const waiting of state.pending.values())
      waiting.reject(new Error(`factory process exited (${code}) during ${waiting.name}: ${stderr.trim()}`));
    state.pending.clear();
  });
  // The worker must not wait for it: it ends with the worker.
  child.unref();
  runner = state;
  return state;
}

/** Runs one seed factory in the e2e database (see e2e/factory-cli.ts for the names) and returns its result. */
export function runFactory<T>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  const state = factoryRunner();
  const id = state.nextId++;
  return new Promise<T>((resolve, reject) => {
    state.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, name });
    state.child.stdin.write(`${JSON.stringify({ id, name, args })}\n`);
  });
}

const SESSION_COOKIE = 'next-auth.session-token';

/** Adds the session cookie of `user` to the page's browser context, as a fresh sign-in would. */
export async function signInByCookie(page: Page, user: SessionAccount): Promise<void> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set for the e2e run (scripts/test.mjs passes the app its own).');
  // Sessions are checked against a server-side row (sign-out revokes it), so the cookie names one.
  const session = await runFactory<{ id: string }>('session', { userId: user.id });
  const now = Date.now();
  const token = await encode({
    secret,
    token: {
      sid: session.id,
      sub: user.id,
      name: user.name,
      email: user.email,
      uid: user.id,
      sv: user.sessionVersion,
      authTime: now,
      lastActive: now,
    },
  });
  const baseURL = process.env.E2E_BASE_URL ?? 'http://localhost:3000';
  await page
    .context()
    .addCookies([{ name: SESSION_COOKIE, value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

/** Signs `page` in as the account with this email by cookie and opens the dashboard. */
export async function signInPageAsEmail(page: Page, email: string): Promise<SessionAccount> {
  const user = await runFactory<SessionAccount>('account', { email });
  await signInByCookie(page, user);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return user;
}

/** Signs `page` in as the demo account of a role (for helpers that are handed a page). */
export function signInPageAs(page: Page, role: DemoRole): Promise<SessionAccount> {
  return signInPageAsEmail(page, account(role).email);
}

type Fixtures = {
  /** Signs the page in as the demo account of a role and opens the dashboard. */
  signInAs: (role: DemoRole) => Promise<SessionAccount>;
  /** Signs the page in as the account with this email (a demo or factory-made account). */
  signInAsEmail: (email: string) => Promise<SessionAccount>;
  /** Runs a seed factory in the e2e database. */
  factory: typeof runFactory;
};

export const test = base.extend<Fixtures>({
  signInAsEmail: async ({ page }, use) => {
    await use((email) => signInPageAsEmail(page, email));
  },
  signInAs: async ({ signInAsEmail }, use) => {
    await use((role) => signInAsEmail(account(role).email));
  },
  factory: async ({}, use) => {
    await use(runFactory);
  },
});

export { expect };
