import type { Page } from '@playwright/test';
import pg from 'pg';
import { DEMO_ACCOUNTS } from '../scripts/lib/demo-accounts.mjs';

export type DemoRole = 'ADMIN' | 'COORDINATOR' | 'CLINICIAN';

export function account(role: DemoRole) {
  const found = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!found) throw new Error(`no demo account for ${role}`);
  return found;
}

export async function signIn(page: Page, credentials: { email: string; password: string }) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Direct read access to the e2e database, to assert on what the UI cannot show (e.g. the audit trail's raw rows). */
export async function queryDb<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@trialdesk.test`;
}
