import { expect, type Page } from '@playwright/test';
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

/** The infusion day's first two steps as the clinician: the check-in checklist, then pre-infusion vitals. */
export async function checkInWithVitals(page: Page, vitals: { sbp: string; dbp: string; hr: string; spo2: string }) {
  const checkIn = page.getByRole('form', { name: 'Check-in checklist' });
  await checkIn.getByLabel('An adult driver is confirmed to take the participant home').check();
  // Asked only of participants who could be pregnant.
  const pregnancy = checkIn.getByLabel('Pregnancy test result');
  if (await pregnancy.count()) await pregnancy.selectOption('NEGATIVE');
  await checkIn.getByLabel('No new exclusion criterion applies since the last visit').check();
  await checkIn.getByRole('button', { name: 'Check in' }).click();
  await expect(
    page.getByRole('region', { name: /Check-in checklist/ }).getByText(`by ${account('CLINICIAN').name}`),
  ).toBeVisible();

  const pre = page.getByRole('form', { name: 'Pre-infusion vitals' });
  await pre.getByLabel('Systolic BP (mmHg)').fill(vitals.sbp);
  await pre.getByLabel('Diastolic BP (mmHg)').fill(vitals.dbp);
  await pre.getByLabel('Heart rate (bpm)').fill(vitals.hr);
  await pre.getByLabel('SpO2 (%)').fill(vitals.spo2);
  await pre.getByRole('button', { name: 'Save pre-infusion vitals' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Pre-infusion vitals', exact: true })
      .getByRole('cell', { name: `${vitals.sbp}/${vitals.dbp}` }),
  ).toBeVisible();
}
