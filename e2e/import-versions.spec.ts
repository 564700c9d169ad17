import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The shared record NCT03418623 under an NCT id no seed uses, posted as two registry versions.
const FIXTURE = fileURLToPath(new URL('../lib/ctgov/fixtures/NCT03418623.json', import.meta.url));
const NCT_ID = 'NCT09913013';

function version(date: string): string {
  const study = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  study.protocolSection.identificationModule.nctId = NCT_ID;
  study.protocolSection.statusModule.lastUpdatePostDateStruct = { date, type: 'ACTUAL' };
  return JSON.stringify(study);
}

async function preview(page: Page, text: string) {
  await page.goto('/trials/import');
  await page.getByLabel('Study JSON').fill(text);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('region', { name: 'Preview: 1 study' })).toBeVisible();
}

test('[ADMIN] must confirm before importing an older registry version over a newer one', async ({ page, signInAs }) => {
  await signInAs('ADMIN');
  await preview(page, version('2021-03-01'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Imported 1 study' })).toBeVisible();

  await preview(page, version('2020-10-08'));
  const study = page.getByRole('article');
  await expect(study.getByText('Older registry version', { exact: true })).toBeVisible();
  await expect(study).toContainText(`This is an older registry version of ${NCT_ID} (last updated 2020-10-08)`);
  const importButton = page.getByRole('button', { name: 'Import', exact: true });
  await expect(importButton).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Import the older version anyway' }).check();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(page.getByRole('heading', { name: 'Imported 1 study' })).toBeVisible();
});
